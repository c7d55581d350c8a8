/**
 * `/services/<id>/availability/`: one service's availability over the whole
 * history (years, quarters, every month, with downtime and the incidents per
 * month counted), the newest year as a calendar; and
 * `/services/<id>/availability/YYYY/`: one year in full, each month with the
 * incidents behind it. A year page lists only that year's incidents, so no
 * page grows with the whole archive.
 */
import type { ServiceReport } from '../../model/availability-report.ts';
import { tHtml } from '../../i18n/markup.ts';
import { html } from '../html.ts';
import type { SiteModel } from '../../model/model.ts';
import { availabilityDownloads } from '../../outputs/availability-downloads.ts';
import { legendKeys } from '../parts/availability.ts';
import { page } from '../parts/layout.ts';
import { periodTable } from '../parts/availability-report.ts';
import { timeTag } from '../parts/time.ts';
import { yearCalendar } from '../parts/year-calendar.ts';

type ReportPage = { serviceId: string; year?: number; url: string };

export const data = {
  pagination: {
    data: 'site.availabilityPages',
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
  const { locale } = site;
  const { t } = locale;
  const title = reportPage.year ? t('service_report.title_year', { service: service.name, year }) : t('service_report.title', { service: service.name });
  const inYear = <T extends { year: number }>(periods: readonly T[]) => periods.filter((period) => period.year === year);
  const calendar = html`<section class="year-view">
<h2>${t('service_report.by_day', { year })}</h2>
<p class="legend">${t('service_report.legend')} ${legendKeys(site)}</p>
${yearCalendar(service.name, year, report.days, locale)}
</section>`;
  const body = reportPage.year
    ? html`${periodTable(site, report, inYear(report.months), t('service_report.by_month_year', { year }), { incidents: 'list' })}
${periodTable(site, report, [...inYear(report.quarters), ...inYear(report.years)], t('service_report.by_quarter_year', { year }))}
${calendar}
<nav class="pager" aria-label="${t('pager.other_years')}"><ul>
${report.years.map((other) => html`<li><a href="${yearUrl(other.year)}"${other.year === year ? html` aria-current="page"` : ''}>${other.year}</a></li>`)}
<li><a href="${base}">${t('service_report.all_years')}</a></li>
</ul></nav>`
    : html`${periodTable(site, report, [...report.years].reverse(), t('service_report.by_year'))}
<nav class="years" aria-label="${t('service_report.years_label')}"><ul>
${[...report.years].reverse().map((other) => html`<li><a href="${yearUrl(other.year)}">${t('service_report.year_in_full', { year: other.year })}</a></li>`)}
</ul></nav>
${periodTable(site, report, [...report.quarters].reverse(), t('service_report.by_quarter'))}
${calendar}
${periodTable(site, report, [...report.months].reverse(), t('service_report.by_month'), { incidents: 'count', yearUrl })}`;
  return page({
    site,
    title,
    url: reportPage.url,
    description: t('service_report.description', { service: service.name }),
    body: html`<h1>${title}</h1>
<p class="note">${tHtml(locale, 'service_report.note', { time: timeTag(site.now, site.config.timezone, locale) })}${report.target !== undefined ? html` ${tHtml(locale, 'service_report.target', { target: html`<strong>${locale.number(report.target)}%</strong>` })}` : ''}</p>
<p class="links"><a href="${service.url}">${t('service_year.now', { service: service.name })}</a> ${availabilityDownloads(service.url).map((link) => html`<a href="${link.href}" download>${t('service_report.download', { format: link.format.toUpperCase() })}</a> `)}<a href="/availability/">${t('service_report.all_services')}</a></p>
${body}`,
  }).toString();
}
