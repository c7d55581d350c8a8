/**
 * `/services/<id>/availability/`: one service's availability over the whole
 * history (years, quarters, every month, with downtime and the incidents per
 * month counted), the newest year as a calendar; and
 * `/services/<id>/availability/YYYY/`: one year in full, each month with the
 * incidents behind it. A year page lists only that year's incidents, so no
 * page grows with the whole archive.
 */
import type { ServiceReport } from '../src/availability-report.ts';
import { html } from '../src/html.ts';
import type { SiteModel } from '../src/model.ts';
import { availabilityDownloads } from '../src/outputs/availability-downloads.ts';
import { page } from './_parts/layout.ts';
import { periodTable } from './_parts/availability-report.ts';
import { timeTag } from './_parts/time.ts';
import { yearCalendar } from './_parts/year-calendar.ts';

type ReportPage = { serviceId: string; year?: number; url: string };

export const data = {
  pagination: {
    data: 'site.availability.services',
    size: 1,
    alias: 'reportPage',
    before: (reports: ServiceReport[]): ReportPage[] =>
      reports.flatMap((report) => {
        const base = `/services/${report.serviceId}/availability/`;
        return [{ serviceId: report.serviceId, url: base }, ...report.years.map((year) => ({ serviceId: report.serviceId, year: year.year, url: `${base}${year.year}/` }))];
      }),
  },
  permalink: ({ reportPage }: { reportPage: ReportPage }) => reportPage.url,
};

export function render({ site, reportPage }: { site: SiteModel; reportPage: ReportPage }): string {
  const service = site.serviceById.get(reportPage.serviceId)!;
  const report = site.availability.byService.get(service.id)!;
  const base = `${service.url}availability/`;
  const yearUrl = (year: number) => `${base}${year}/`;
  const year = reportPage.year ?? report.years.at(-1)!.year;
  const title = reportPage.year ? `${service.name}: availability in ${year}` : `${service.name}: availability`;
  const inYear = <T extends { year: number }>(periods: readonly T[]) => periods.filter((period) => period.year === year);
  const calendar = html`<section class="year-view">
<h2>${year} by day</h2>
<p class="legend">One cell per day in the site's time zone, Monday first. <span class="key"><span class="sw" aria-hidden="true"></span> no downtime</span> <span class="key"><span class="sw d1" aria-hidden="true"></span> minor</span> <span class="key"><span class="sw d2" aria-hidden="true"></span> major</span> <span class="key"><span class="sw d3" aria-hidden="true"></span> critical</span> <span class="key"><span class="sw dm" aria-hidden="true"></span> maintenance (not downtime)</span></p>
${yearCalendar(service.name, year, report.days)}
</section>`;
  const body = reportPage.year
    ? html`${periodTable(site, report, inYear(report.months), `${year} by month`, { incidents: 'list' })}
${periodTable(site, report, [...inYear(report.quarters), ...inYear(report.years)], `${year} by quarter, and the year`)}
${calendar}
<nav class="pager" aria-label="Other years"><ul>
${report.years.map((other) => html`<li><a href="${yearUrl(other.year)}"${other.year === year ? html` aria-current="page"` : ''}>${other.year}</a></li>`)}
<li><a href="${base}">All years</a></li>
</ul></nav>`
    : html`${periodTable(site, report, [...report.years].reverse(), 'By year')}
<nav class="years" aria-label="Each year in full"><ul>
${[...report.years].reverse().map((other) => html`<li><a href="${yearUrl(other.year)}">${other.year} in full</a></li>`)}
</ul></nav>
${periodTable(site, report, [...report.quarters].reverse(), 'By quarter')}
${calendar}
${periodTable(site, report, [...report.months].reverse(), 'By month, newest first', { incidents: 'count', yearUrl })}`;
  return page({
    site,
    title,
    url: reportPage.url,
    description: `Monthly, quarterly and yearly availability of ${service.name}`,
    body: html`<h1>${title}</h1>
<p class="note">Weighted downtime, as on the 90-day strips: a critical incident counts in full, major half, minor a quarter, none not at all; overlapping incidents count once; maintenance is not downtime. Months are calendar months in the site's time zone; the current one counts up to ${timeTag(site.now, site.config.timezone)}.${report.target !== undefined ? html` Target: <strong>${report.target}%</strong>; periods below it are marked.` : ''}</p>
<p class="links"><a href="${service.url}">${service.name} now</a> ${availabilityDownloads(service.url).map((link) => html`<a href="${link.href}" download>Download ${link.format.toUpperCase()}</a> `)}<a href="/availability/">All services</a></p>
${body}`,
  }).toString();
}
