/**
 * `/subscribe/`: every way to follow the site. Email lists and chat channels
 * the operator has published a sign-up link for (`signup` on a notify
 * channel), then the feeds and maintenance calendars, site-wide and per
 * service. Channels without a sign-up link are internal and not listed.
 */
import { html, type SafeHtml } from '../html.ts';
import type { SiteModel } from '../../model/model.ts';
import type { Channel } from '../../notify/config.ts';
import { outputLinks } from '../../outputs/feeds.ts';
import { page } from '../parts/layout.ts';
import { outputTitle } from '../parts/subscribe.ts';

export const data = { permalink: '/subscribe/' };

const KIND: Record<Channel['type'], string> = { email: 'subscribe.kind.email', slack: 'subscribe.kind.chat', teams: 'subscribe.kind.chat', webhook: 'subscribe.kind.webhook' };

/** What a channel carries, in words: "IMAP, Webmail; incidents only". */
function scope(site: SiteModel, channel: Channel): string {
  const { t } = site.locale;
  const services = channel.services?.map((id) => site.serviceById.get(id)!.name).join(', ') ?? t('subscribe.all_services');
  const types = channel.types ? `; ${t('subscribe.only', { types: site.locale.list(channel.types.map((type) => t(`types.${type}`))) })}` : '';
  return `${services}${types}`;
}

function channelItem(site: SiteModel, channel: Channel): SafeHtml {
  const name = channel.title ?? (channel.type === 'email' ? channel.to.join(', ') : channel.name);
  return html`<li><a href="${channel.signup!}">${site.locale.t(KIND[channel.type])}: ${name}</a> <span class="scope">(${scope(site, channel)})</span></li>\n`;
}

function links(site: SiteModel, base: string): SafeHtml {
  return html`<ul class="links">
${outputLinks(base).map((link) => html`<li><a href="${link.href}" type="${link.type}">${outputTitle(site, link)}</a></li>\n`)}</ul>`;
}

export function render({ site }: { site: SiteModel }): string {
  const { notify } = site.config;
  const channels = notify.channels.filter((channel) => channel.signup);
  const { locale } = site;
  const { t } = locale;
  const reminder = notify.reminderMinutes ? t('subscribe.reminder', { duration: locale.duration(notify.reminderMinutes) }) : '';
  return page({
    site,
    title: t('subscribe.heading'),
    url: '/subscribe/',
    description: t('subscribe.description'),
    body: html`<h1>${t('subscribe.heading')}</h1>
<section class="channels">
<h2>${t('subscribe.channels')}</h2>
${channels.length
  ? html`<p>${t('subscribe.messages', { reminder })}</p>
<ul class="links">
${channels.map((channel) => channelItem(site, channel))}</ul>`
  : html`<p class="empty">${t('subscribe.no_channels')}</p>`}
</section>
<section class="feeds">
<h2>${t('subscribe.everything')}</h2>
<p>${t('subscribe.feeds_all')}</p>
${links(site, '/')}
</section>
<section class="per-service">
<h2>${t('subscribe.one_service')}</h2>
${site.services.map((service) => html`<h3><a href="${service.url}">${service.name}</a></h3>
${links(site, service.url)}
`)}
</section>`,
  }).toString();
}
