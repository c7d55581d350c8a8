/**
 * `/availability/`: every service's availability over the last 12 months and
 * the last 4 quarters (the current ones to date), in one table, periods below
 * a service's target marked; with the downloads.
 */
import { tHtml } from '../../i18n/markup.ts';
import { html } from '../html.ts';
import type { SiteModel } from '../../model/model.ts';
import { availabilityDownloads } from '../../outputs/availability-downloads.ts';
import { availabilityCell, periodLabel } from '../parts/availability-report.ts';
import { page } from '../parts/layout.ts';
import { timeTag } from '../parts/time.ts';

export const data = { permalink: '/availability/' };

const MONTHS = 12;
const QUARTERS = 4;

export function render({ site }: { site: SiteModel }): string {
  const reports = site.availability.services;
  const first = reports[0]!;
  const months = first.months.slice(-MONTHS);
  const quarters = first.quarters.slice(-QUARTERS);
  const { locale } = site;
  const { t } = locale;
  const header = [...months, ...quarters].map((period) => periodLabel(period, locale, true));
  const counts = { months: locale.number(MONTHS), quarters: locale.number(QUARTERS) };
  return page({
    site,
    title: t('report.availability'),
    url: '/availability/',
    description: t('availability_page.description'),
    body: html`<h1>${t('report.availability')}</h1>
<p class="note">${tHtml(locale, 'availability_page.note', { ...counts, time: timeTag(site.now, site.config.timezone, locale) })}</p>
<p class="links">${availabilityDownloads('/').map((link) => html`<a href="${link.href}" download>${t('availability_page.download_all', { format: link.format.toUpperCase() })}</a> `)}</p>
<div class="table-scroll" role="region" aria-label="${t('availability_page.table_label')}" tabindex="0">
<table class="report wide">
<caption>${t('availability_page.caption', counts)}</caption>
<thead><tr><th scope="col">${t('availability_page.service')}</th>${header.map((label) => html`<th scope="col">${label}</th>`)}</tr></thead>
<tbody>
${reports.map((report) => {
  const service = site.serviceById.get(report.serviceId)!;
  return html`<tr><th scope="row"><a href="${service.url}availability/">${service.name}</a>${report.target !== undefined ? html`<br><span class="count">${t('availability_page.target', { target: locale.number(report.target) })}</span>` : ''}</th>${[...report.months.slice(-MONTHS), ...report.quarters.slice(-QUARTERS)].map((period) => availabilityCell(period, report.target, locale))}</tr>\n`;
})}</tbody>
</table>
</div>`,
  }).toString();
}
