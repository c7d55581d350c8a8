/** `/services/<id>/`: one service's state now, why, and its history. */
import { html } from '../src/html.ts';
import type { ServiceView, SiteModel } from '../src/model.ts';
import { feedLinks } from '../src/outputs/feeds.ts';
import { page } from './_parts/layout.ts';
import { noticeList } from './_parts/notice.ts';
import { availabilitySection } from './_parts/availability.ts';
import { serviceStateBadge } from './_parts/state.ts';
import { subscribeSection } from './_parts/subscribe.ts';
import { timeTag } from './_parts/time.ts';

export const data = {
  pagination: { data: 'site.services', size: 1, alias: 'service' },
  permalink: (data: { service: ServiceView }) => data.service.url,
};

export function render({ site, service }: { site: SiteModel; service: ServiceView }): string {
  return page({
    site,
    title: service.name,
    url: service.url,
    description: service.description || undefined,
    feeds: feedLinks(service.url).map((feed) => ({ ...feed, title: `${service.name}: ${feed.title}` })),
    body: html`<h1>${service.name}</h1>
${service.description ? html`<p class="description">${service.description}</p>` : ''}
${service.retired
  ? html`<section class="state-now">
<h2>Retired</h2>
<p>${service.name} is no longer offered. Its history stays here.</p>
</section>`
  : html`<section class="state-now">
<h2>State now</h2>
<p class="asof">${serviceStateBadge(service)} as of ${timeTag(site.now, site.config.timezone)}</p>
${service.causes.length
  ? html`<p>Because of:</p>
${noticeList(service.causes, site, '', { latest: true })}`
  : ''}
</section>`}
${availabilitySection(site, service)}
<p class="links"><a href="${service.url}availability/">${service.name}: availability by month, quarter and year</a></p>
<section class="history">
<h2>Notices</h2>
${noticeList(service.recent, site, `No notices about ${service.name} yet.`)}
${service.years.length
  ? html`<nav class="years" aria-label="Notices about ${service.name} by year"><h3>By year</h3>
<ul>
${service.years.map((year) => html`<li><a href="${year.url}">${year.year}</a> <span class="count">(${year.count})</span></li>\n`)}</ul>
</nav>`
  : ''}
</section>
${subscribeSection(site, service.url, `notices about ${service.name}`)}`,
  }).toString();
}
