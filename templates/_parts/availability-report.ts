/**
 * The availability report tables: a period's figures in a row (minutes,
 * weighted downtime, availability), a period below the service's target
 * marked in words ("below the 99.95% target") and in colour.
 */
import { formatAvailability } from '../../src/availability.ts';
import type { PeriodFigures, ServiceReport } from '../../src/availability-report.ts';
import { html, type SafeHtml } from '../../src/html.ts';
import type { NoticeView, SiteModel } from '../../src/model.ts';
import { formatNumber, plural } from '../../src/views.ts';

const downtimeText = (value: number, language: string) => formatNumber(Math.round(value * 10) / 10, language);

/** The availability of a period, and its breach in words when below the target. */
export function availabilityCell(period: PeriodFigures, target: number | undefined): SafeHtml {
  const figure = formatAvailability(period.ratio, period.downtime);
  if (!period.belowTarget) return html`<td class="num">${figure}</td>`;
  return html`<td class="num breach"><strong>${figure}</strong> <span class="breach-words">✖ below the ${target}% target</span></td>`;
}

/** "March 2024", "March 2024 (to date)" */
export function periodLabel(period: PeriodFigures): string {
  return period.toDate ? `${period.label} (to date)` : period.label;
}

/** A table of periods (months, quarters or years), oldest first, with an optional incidents column. */
export function periodTable(
  site: SiteModel,
  report: ServiceReport<NoticeView>,
  periods: readonly PeriodFigures<NoticeView>[],
  caption: string,
  options: { incidents?: 'list' | 'count'; yearUrl?: (year: number) => string } = {},
): SafeHtml {
  const language = site.config.language;
  const incidentsCell = (period: PeriodFigures<NoticeView>) => {
    if (!period.incidents.length) return html`<td>None</td>`;
    if (options.incidents === 'count') {
      return html`<td><a href="${options.yearUrl!(period.year)}#p-${period.key}">${plural(period.incidents.length, 'incident')}</a></td>`;
    }
    return html`<td><ul class="inline">${period.incidents.map((notice) => html`<li><a href="${notice.url}">${notice.title}</a></li>`)}</ul></td>`;
  };
  // Wide tables scroll on a phone: the region is focusable so keyboards can scroll it too.
  return html`<div class="table-scroll" role="region" aria-label="${caption}" tabindex="0"><table class="report">
<caption>${caption}</caption>
<thead><tr><th scope="col">Period</th><th scope="col">Minutes</th><th scope="col">Weighted downtime (min)</th><th scope="col">Availability</th>${options.incidents ? html`<th scope="col">Incidents</th>` : ''}</tr></thead>
<tbody>
${periods.map(
  (period) => html`<tr id="p-${period.key}"${period.belowTarget ? html` class="below"` : ''}><th scope="row">${periodLabel(period)}</th><td class="num">${formatNumber(Math.round(period.minutes), language)}</td><td class="num">${downtimeText(period.downtime, language)}</td>${availabilityCell(period, report.target)}${options.incidents ? incidentsCell(period) : ''}</tr>\n`,
)}</tbody>
</table></div>`;
}
