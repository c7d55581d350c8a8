/**
 * `/subscribe/`: every way to follow the site. Email lists and chat channels
 * the operator has published a sign-up link for (`signup` on a notify
 * channel), then the feeds and maintenance calendars, site-wide and per
 * service. Channels without a sign-up link are internal and not listed.
 */
import { html, type SafeHtml } from '../src/html.ts';
import type { SiteModel } from '../src/model.ts';
import type { Channel } from '../src/notify/config.ts';
import { outputLinks } from '../src/outputs/feeds.ts';
import { typeLabel } from '../src/views.ts';
import { formatMinutes } from '../src/zoned-format.ts';
import { page } from './_parts/layout.ts';

export const data = { permalink: '/subscribe/' };

const KIND: Record<Channel['type'], string> = { email: 'Email list', slack: 'Chat', teams: 'Chat', webhook: 'Webhook' };

/** What a channel carries, in words: "IMAP, Webmail; incidents only". */
function scope(site: SiteModel, channel: Channel): string {
  const services = channel.services?.map((id) => site.serviceById.get(id)!.name).join(', ') ?? 'all services';
  const types = channel.types ? `; ${channel.types.map((type) => `${typeLabel(type).toLowerCase()}s`).join(' and ')} only` : '';
  return `${services}${types}`;
}

function channelItem(site: SiteModel, channel: Channel): SafeHtml {
  const name = channel.title ?? (channel.type === 'email' ? channel.to.join(', ') : channel.name);
  return html`<li><a href="${channel.signup!}">${KIND[channel.type]}: ${name}</a> <span class="scope">(${scope(site, channel)})</span></li>\n`;
}

function links(base: string): SafeHtml {
  return html`<ul class="links">
${outputLinks(base).map((link) => html`<li><a href="${link.href}" type="${link.type}">${link.title}</a></li>\n`)}</ul>`;
}

export function render({ site }: { site: SiteModel }): string {
  const { notify } = site.config;
  const channels = notify.channels.filter((channel) => channel.signup);
  const reminder = notify.reminderMinutes ? `${formatMinutes(notify.reminderMinutes)} before maintenance starts, ` : '';
  return page({
    site,
    title: 'Subscribe',
    url: '/subscribe/',
    description: 'Every way to hear about incidents and maintenance',
    body: html`<h1>Subscribe</h1>
<section class="channels">
<h2>Email and chat</h2>
${channels.length
  ? html`<p>Messages are sent when a notice is posted or updated, ${reminder}and when maintenance starts and ends.</p>
<ul class="links">
${channels.map((channel) => channelItem(site, channel))}</ul>`
  : html`<p class="empty">No email lists or chat channels to join; use a feed or a calendar below.</p>`}
</section>
<section class="feeds">
<h2>Everything</h2>
<p>Feeds of all notices, and a calendar of planned maintenance:</p>
${links('/')}
</section>
<section class="per-service">
<h2>One service</h2>
${site.services.map((service) => html`<h3><a href="${service.url}">${service.name}</a></h3>
${links(service.url)}
`)}
</section>`,
  }).toString();
}
