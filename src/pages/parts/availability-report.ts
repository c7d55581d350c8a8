/**
 * The availability report tables: a period's figures in a row (minutes,
 * weighted downtime, availability), a period below the service's target
 * marked in words ("below the 99.95% target") and in colour.
 */
import { formatAvailability } from '../../model/availability.ts';
import type { PeriodFigures, ServiceReport } from '../../model/availability-report.ts';
import { html, type SafeHtml } from '../html.ts';
import type { NoticeView, SiteModel } from '../../model/model.ts';
import type { Locale } from '../../i18n/locale.ts';

const downtimeText = (value: number, locale: Locale) => locale.number(Math.round(value * 10) / 10);

/** The availability of a period, and its breach in words when below the target. */
export function availabilityCell(period: PeriodFigures, target: number | undefined, locale: Locale): SafeHtml {
  const figure = formatAvailability(period.ratio, period.downtime);
  if (!period.belowTarget) return html`<td class="num">${figure}</td>`;
  return html`<td class="num breach"><strong>${figure}</strong> <span class="breach-words">${locale.t('report.below_target', { target: target === undefined ? '' : locale.number(target) })}</span></td>`;
}

/** "March 2024", "March 2024 (to date)" */
/** "September 2008", "Q3 2008", "2008", with "(to date)" for the period still running, in the site's language. */
export function periodLabel(period: PeriodFigures, locale: Locale, short = false): string {
  const label = periodName(period, locale, short);
  return period.toDate ? locale.t('report.to_date', { period: label }) : label;
}

function periodName(period: PeriodFigures, locale: Locale, short: boolean): string {
  const year = Number(period.key.slice(0, 4));
  if (period.kind === 'year') return String(year);
  if (period.kind === 'quarter') return locale.t('report.quarter', { quarter: period.key.slice(6), year });
  const month = Number(period.key.slice(5, 7));
  return short ? locale.t('report.month_short', { month: locale.dates.monthShort(year, month), year }) : locale.dates.month(year, month);
}

/** A table of periods (months, quarters or years), oldest first, with an optional incidents column. */
export function periodTable(
  site: SiteModel,
  report: ServiceReport<NoticeView>,
  periods: readonly PeriodFigures<NoticeView>[],
  caption: string,
  options: { incidents?: 'list' | 'count'; yearUrl?: (year: number) => string } = {},
): SafeHtml {
  const { locale } = site;
  const incidentsCell = (period: PeriodFigures<NoticeView>) => {
    if (!period.incidents.length) return html`<td>${locale.t('report.none')}</td>`;
    if (options.incidents === 'count') {
      return html`<td><a href="${options.yearUrl!(period.year)}#p-${period.key}">${locale.count('count.incidents', period.incidents.length)}</a></td>`;
    }
    return html`<td><ul class="inline">${period.incidents.map((notice) => html`<li><a href="${notice.url}">${notice.title}</a></li>`)}</ul></td>`;
  };
  // Wide tables scroll on a phone: the region is focusable so keyboards can scroll it too.
  return html`<div class="table-scroll" role="region" aria-label="${caption}" tabindex="0"><table class="report">
<caption>${caption}</caption>
<thead><tr><th scope="col">${locale.t('report.period')}</th><th scope="col">${locale.t('report.minutes')}</th><th scope="col">${locale.t('report.downtime')}</th><th scope="col">${locale.t('report.availability')}</th>${options.incidents ? html`<th scope="col">${locale.t('report.incidents')}</th>` : ''}</tr></thead>
<tbody>
${periods.map(
  (period) => html`<tr id="p-${period.key}"${period.belowTarget ? html` class="below"` : ''}><th scope="row">${periodLabel(period, locale)}</th><td class="num">${locale.number(Math.round(period.minutes))}</td><td class="num">${downtimeText(period.downtime, locale)}</td>${availabilityCell(period, report.target, locale)}${options.incidents ? incidentsCell(period) : ''}</tr>\n`,
)}</tbody>
</table></div>`;
}
