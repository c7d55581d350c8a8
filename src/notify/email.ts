/**
 * An event as one email: a plain-text part and an HTML part that say the
 * same, threaded per notice. Every message of a notice carries a Message-ID
 * derived from its event id (so a resent message is recognisably the same)
 * and points at the notice's first message (`In-Reply-To`, `References`), so
 * mail clients show a notice's story as one thread.
 */
import type { SendMailOptions } from 'nodemailer';
import { html, trusted } from '../pages/html.ts';
import { stableId } from '../outputs/common.ts';
import type { EmailChannel } from './config.ts';
import type { NotifyMessage } from './message.ts';

/** Message-ID of an event's email: the same for every run and every channel. */
export function emailMessageId(eventId: string, siteUrl: string): string {
  return `<${stableId(`event:${eventId}`)}.${stableId(`site:${siteUrl}`)}@${new URL(siteUrl).hostname}>`;
}

export function formatEmail(message: NotifyMessage, channel: EmailChannel, siteUrl: string, siteTitle: string): SendMailOptions {
  const { event } = message;
  const first = emailMessageId(`${event.notice.url}#posted`, siteUrl);
  const messageId = emailMessageId(event.id, siteUrl);
  const facts = message.facts.map((fact) => `${fact.name}: ${fact.value}`);
  const text = [`${message.label}: ${message.title}`, '', ...facts, '', message.text, '', `Details: ${message.url}`].join('\n');
  const body = html`<!doctype html>
<html><head><meta charset="utf-8"><title>${message.subject}</title></head>
<body>
<p><strong>${message.label}</strong></p>
<h1><a href="${message.url}">${message.title}</a></h1>
<table>
${message.facts.map((fact) => html`<tr><th align="left">${fact.name}</th><td>${fact.value}</td></tr>\n`)}</table>
${trusted(message.html)}
<p><a href="${message.url}">See the notice on the status page</a></p>
</body></html>
`;
  return {
    from: { name: siteTitle, address: channel.from },
    to: channel.to,
    subject: message.subject,
    text: `${text}\n`,
    html: body.toString(),
    messageId,
    ...(messageId === first ? {} : { inReplyTo: first, references: [first] }),
    ...(channel.unsubscribe ? { list: { unsubscribe: channel.unsubscribe } } : {}),
    headers: { 'X-Noticeboard-Event-Id': event.id },
  };
}
