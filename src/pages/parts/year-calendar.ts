/**
 * A calendar-style year view of one service's availability: twelve months,
 * each an ordered list of its days laid out in weekday columns, one cell per
 * day coloured (and, for incidents, marked with a shape) by the day's worst
 * incident, hatched for maintenance. Like the 90-day strip, every cell's text
 * says it all ("Mar 31: 99.47%, 1 incident, maintenance"), so a screen reader
 * reads each month as a list of its days; sighted readers see the text as a
 * grid, days with something also as a tooltip, and the month tables next
 * to it hold the figures.
 */
import { formatAvailability } from '../../model/availability.ts';
import type { ReportDay } from '../../model/availability-report.ts';
import { escapeHtml, html, SafeHtml } from '../html.ts';
import type { Locale } from '../../i18n/locale.ts';

const IMPACT_CLASS = { minor: 'c1', major: 'c2', critical: 'c3' } as const;

/** Class per day: its worst weighted incident, else maintenance; none for a clear day. */
function dayClass(day: ReportDay): string {
  if (day.downtime > 0 && day.worst && day.worst !== 'none') return IMPACT_CLASS[day.worst];
  return day.maintenance ? 'cm' : '';
}

/** "Mar 31: 99.47%, 1 incident, maintenance" */
export function calendarDayText(day: ReportDay, locale: Locale): string {
  const parts = [`${locale.dates.day(day)}: ${formatAvailability(day.ratio, day.downtime)}`];
  if (day.incidents) parts.push(locale.count('count.incidents', day.incidents));
  if (day.maintenance) parts.push(locale.t('strip.maintenance'));
  return parts.join(', ');
}

/**
 * A report's days (oldest first) by year, then by month: grouped once per
 * report, as every one of its year pages (and its overview) shows a year.
 */
function monthsByYear(days: readonly ReportDay[]): Map<number, ReportDay[][]> {
  let byYear = grouped.get(days);
  if (byYear) return byYear;
  byYear = new Map();
  for (const day of days) {
    let months = byYear.get(day.year);
    if (!months) byYear.set(day.year, (months = []));
    const current = months.at(-1);
    if (current && current[0]!.month === day.month) current.push(day);
    else months.push([day]);
  }
  grouped.set(days, byYear);
  return byYear;
}

/** Keyed by the report's own list of days: a model object, gone with its model. */
const grouped = new WeakMap<readonly ReportDay[], Map<number, ReportDay[][]>>();

/** The days of `year` (from a report's days, oldest first), by month. */
export function yearCalendar(serviceName: string, year: number, days: readonly ReportDay[], locale: Locale): SafeHtml {
  const months = monthsByYear(days).get(year) ?? [];
  return html`<div class="calendar">
${months.map((monthDays) => {
  const first = monthDays[0]!;
  // Monday-first weekday columns: the first cell starts in its weekday's column.
  const weekday = (new Date(Date.UTC(first.year, first.month - 1, first.day)).getUTCDay() + 6) % 7;
  const cells = monthDays
    .map((day, index) => {
      const look = dayClass(day);
      const column = index === 0 ? `w${weekday}` : '';
      const classes = look && column ? `${look} ${column}` : look || column;
      const text = escapeHtml(calendarDayText(day, locale));
      // Days with something get the text as a tooltip too; clear days stay small.
      const title = day.incidents || day.maintenance ? ` title="${text}"` : '';
      return `<li${classes ? ` class="${classes}"` : ''}${title}>${text}`;
    })
    .join('');
  const label = locale.dates.month(first.year, first.month);
  return html`<div class="cal-month"><p class="cal-name" aria-hidden="true">${locale.dates.monthShort(first.year, first.month)}</p><ol class="cal" aria-label="${locale.t('calendar.label', { service: serviceName, month: label })}">${new SafeHtml(cells)}</ol></div>\n`;
})}</div>`;
}
