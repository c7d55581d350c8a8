/** `/services/<id>/`: one service's state now, why, and its history. */
import { tHtml } from '../../i18n/markup.ts';
import { html } from '../html.ts';
import type { ServiceView, SiteModel } from '../../model/model.ts';
import { feedLinks } from '../../outputs/feeds.ts';
import { page } from '../parts/layout.ts';
import { noticeList } from '../parts/notice.ts';
import { availabilitySection } from '../parts/availability.ts';
import { serviceStateBadge } from '../parts/state.ts';
import { subscribeSection } from '../parts/subscribe.ts';
import { timeTag } from '../parts/time.ts';

export const data = {
  pagination: { data: 'site.services', size: 1, alias: 'service' },
  permalink: (data: { service: ServiceView }) => data.service.url,
};

export function render({ site, service }: { site: SiteModel; service: ServiceView }): string {
  const { locale } = site;
  const { t } = locale;
  return page({
    site,
    title: service.name,
    url: service.url,
    description: service.description || undefined,
    feeds: feedLinks(service.url).map((feed) => ({ ...feed, title: t('feed.link_title', { name: service.name, format: feed.title }) })),
    body: html`<h1>${service.name}</h1>
${service.description ? html`<p class="description">${service.description}</p>` : ''}
${service.retired
  ? html`<section class="state-now">
<h2>${t('service.retired')}</h2>
<p>${t('service.retired_text', { service: service.name })}</p>
</section>`
  : html`<section class="state-now">
<h2>${t('service.state_now')}</h2>
<p class="asof">${tHtml(locale, 'service.state_asof', { badge: serviceStateBadge(service, locale), time: timeTag(site.now, site.config.timezone, locale) })}</p>
${service.causes.length
  ? html`<p>${t('service.because')}</p>
${noticeList(service.causes, site, '', { latest: true })}`
  : ''}
</section>`}
${availabilitySection(site, service)}
<p class="links"><a href="${service.url}availability/">${t('service.availability_link', { service: service.name })}</a></p>
<section class="history">
<h2>${t('service.notices')}</h2>
${noticeList(service.recent, site, t('service.no_notices', { service: service.name }))}
${service.years.length
  ? html`<nav class="years" aria-label="${t('service.by_year_label', { service: service.name })}"><h3>${t('service.by_year')}</h3>
<ul>
${service.years.map((year) => html`<li><a href="${year.url}">${year.year}</a> <span class="count">(${year.count})</span></li>\n`)}</ul>
</nav>`
  : ''}
</section>
${subscribeSection(site, service.url, t('service.subscribe_what', { service: service.name }))}`,
  }).toString();
}
