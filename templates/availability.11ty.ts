/**
 * `/availability/`: every service's availability over the last 12 months and
 * the last 4 quarters (the current ones to date), in one table, periods below
 * a service's target marked; with the downloads.
 */
import { html } from '../src/html.ts';
import type { SiteModel } from '../src/model.ts';
import { availabilityDownloads } from '../src/outputs/availability-downloads.ts';
import { availabilityCell } from './_parts/availability-report.ts';
import { page } from './_parts/layout.ts';
import { timeTag } from './_parts/time.ts';

export const data = { permalink: '/availability/' };

const MONTHS = 12;
const QUARTERS = 4;

export function render({ site }: { site: SiteModel }): string {
  const reports = site.availability.services;
  const first = reports[0]!;
  const months = first.months.slice(-MONTHS);
  const quarters = first.quarters.slice(-QUARTERS);
  const header = [...months.map((m) => ({ ...m, label: m.label.replace(/^(\w{3})\w* /, '$1 ') })), ...quarters].map(
    (period) => (period.toDate ? `${period.label} (to date)` : period.label),
  );
  return page({
    site,
    title: 'Availability',
    url: '/availability/',
    description: 'Every service: the last 12 months and 4 quarters',
    body: html`<h1>Availability</h1>
<p class="note">Every service over the last ${MONTHS} months and ${QUARTERS} quarters, in the site's time zone; the current month and quarter count up to ${timeTag(site.now, site.config.timezone)}. Downtime is weighted by impact as on the 90-day strips (critical in full, major half, minor a quarter); overlapping incidents count once; maintenance is not downtime. A service's own page has every month of its history and the incidents behind each.</p>
<p class="links">${availabilityDownloads('/').map((link) => html`<a href="${link.href}" download>Download ${link.format.toUpperCase()} (every service, every period)</a> `)}</p>
<div class="table-scroll" role="region" aria-label="Availability by service" tabindex="0">
<table class="report wide">
<caption>Availability by service, last ${MONTHS} months and ${QUARTERS} quarters</caption>
<thead><tr><th scope="col">Service</th>${header.map((label) => html`<th scope="col">${label}</th>`)}</tr></thead>
<tbody>
${reports.map((report) => {
  const service = site.serviceById.get(report.serviceId)!;
  return html`<tr><th scope="row"><a href="${service.url}availability/">${service.name}</a>${report.target !== undefined ? html`<br><span class="count">target ${report.target}%</span>` : ''}</th>${[...report.months.slice(-MONTHS), ...report.quarters.slice(-QUARTERS)].map((period) => availabilityCell(period, report.target))}</tr>\n`;
})}</tbody>
</table>
</div>`,
  }).toString();
}
