/**
 * An event as a Slack incoming-webhook message (also accepted by Mattermost,
 * Rocket.Chat and Discord's Slack-compatible endpoint): one mrkdwn `text`, the
 * part every one of them reads.
 *
 * Slack reads `&`, `<` and `>` as control characters (`<!channel>` pings a
 * channel, `<url|label>` is a link), so every piece of notice or config text
 * has those three replaced by their entities, and nothing else. Mattermost
 * and Discord also ping on a bare `@channel`, `@here`, `@all` or
 * `@everyone`; a word joiner after the `@` keeps the text as it reads and
 * pings nobody.
 */
import type { NotifyMessage } from './message.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (char) => ENTITIES[char]!).replace(/@(?=(channel|here|all|everyone)\b)/gi, '@\u2060');
}

export function formatSlack(message: NotifyMessage): { text: string; unfurl_links: boolean } {
  const lines = [
    `*${escapeMrkdwn(`[${message.label}] ${message.title}`)}*`,
    ...message.facts.map((fact) => `${escapeMrkdwn(fact.name)}: ${escapeMrkdwn(fact.value)}`),
    '',
    escapeMrkdwn(message.text),
    '',
    `<${message.url}|See the notice on the status page>`,
  ];
  return { text: lines.join('\n'), unfurl_links: false };
}
