/**
 * Availability reports: for every service, every month, quarter and year of
 * the site's history up to "now", with minutes, weighted downtime and the
 * availability, as an SLA report needs them.
 *
 * The figures come from the very function the 90-day strips are made of
 * (dayTotals in availability.ts), run over every local day from the
 * first day of the site's first month to "now": so the rules are the strips'
 * (impact weights, maintenance excluded, overlapping incidents counted once,
 * days in the site's zone, today only up to "now"). A month is the sum of its
 * days, a quarter of its months, a year of its quarters, so a month with a
 * daylight-saving change has its real minutes (44,580 for a March in
 * Europe/Berlin) and an incident crossing midnight at a month's end is split
 * between the two months.
 *
 * Every service's report covers the same periods (from the site's first
 * notice), so the site-wide table and the downloads line up. Cost: linear in
 * the days of history times the services, plus each service's notices.
 */
import { dayBounds, dayGrid, dayTotals, type DayGrid, type DayTotals } from './availability.ts';
import type { Notice } from '../content/notice.ts';
import { localDate, monthLabel } from '../time/zoned-format.ts';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface PeriodFigures<N extends Notice = Notice> {
  kind: PeriodKind;
  /** "2008-03", "2008-Q1", "2008": the period column of the downloads. */
  key: string;
  /** "March 2008", "Q1 2008", "2008". */
  label: string;
  year: number;
  /** The first instant of the period in the site's zone. */
  start: Date;
  /** The first instant of the next period, or "now" for the period "now" is in. */
  end: Date;
  /** True for the period "now" falls in: it counts only up to "now". */
  toDate: boolean;
  minutes: number;
  /** Weighted downtime in minutes. */
  downtime: number;
  /** 0-1 */
  ratio: number;
  /** Below the service's `sla` target; false when it has none. */
  belowTarget: boolean;
  /** Incidents that touched the period, newest first (months only; empty for quarters and years). */
  incidents: N[];
}

export interface ReportDay {
  year: number;
  month: number;
  day: number;
  minutes: number;
  downtime: number;
  ratio: number;
  worst?: Notice['impact'];
  incidents: number;
  maintenance: boolean;
}

export interface ServiceReport<N extends Notice = Notice> {
  serviceId: string;
  /** The catalog's `sla`, a percentage such as 99.95, if set. */
  target?: number;
  /** Oldest first. */
  months: PeriodFigures<N>[];
  quarters: PeriodFigures<N>[];
  years: PeriodFigures<N>[];
  /** Every local day of the history, oldest first, for the calendar view. */
  days: ReportDay[];
}

export interface AvailabilityReport<N extends Notice = Notice> {
  /** One per service, in catalog order. */
  services: ServiceReport<N>[];
  byService: Map<string, ServiceReport<N>>;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local days from the first of `first`'s month to the day of `now`, inclusive. */
function daysSince(first: { year: number; month: number }, now: Date, zone: string): number {
  const today = localDate(now, zone);
  const from = Date.UTC(first.year, first.month - 1, 1);
  const to = Date.UTC(today.year, today.month - 1, today.day);
  return Math.round((to - from) / 86_400_000) + 1;
}

/** The month (in `zone`) of the site's oldest date or window start; "now"'s month when there are none. */
export function historyStart(notices: readonly Notice[], now: Date, zone: string): { year: number; month: number } {
  let oldest = now.getTime();
  for (const notice of notices) {
    oldest = Math.min(oldest, notice.date.getTime(), notice.window?.start.getTime() ?? Infinity);
  }
  const { year, month } = localDate(new Date(oldest), zone);
  return { year, month };
}

interface ServiceInput<N extends Notice> {
  id: string;
  sla?: number;
  /** Every notice naming the service, any order. */
  notices: readonly N[];
}

/**
 * The previous build's report, for a rebuild under `npm start`: a service none
 * of whose notices changed keeps its report when the days are the same ones
 * (the same "now" and the same first month), its notices the new build's views.
 */
export interface PreviousReport<N extends Notice> {
  report: AvailabilityReport<N>;
  now: Date;
  /** Ids of the services any changed notice names, before or after the change. */
  changed: ReadonlySet<string>;
  /** This build's view of an unchanged notice of the previous build, to stand in for it in a report kept. */
  currentOf(previous: N): N | undefined;
}

export function buildAvailabilityReport<N extends Notice>(
  services: readonly ServiceInput<N>[],
  allNotices: readonly Notice[],
  now: Date,
  zone: string,
  previous?: PreviousReport<N>,
): AvailabilityReport<N> {
  // The days and periods are the same for every service: where each starts is worked out once.
  const days = daysSince(historyStart(allNotices, now, zone), now, zone);
  const kept = keptReport(previous, now, days);
  const key = `${now.getTime()}|${zone}|${days}`;
  // A rebuild over the same days takes the previous build's grid (working it out was half of a rebuild's availability).
  const before = previous && sharedDays.get(previous.report);
  let shared = before?.key === key ? before : undefined;
  const reports = services.map((service) => {
    const report = kept(service);
    if (report) return report;
    if (!shared) {
      const grid = dayGrid(dayBounds(now, zone, days));
      shared = { key, grid, calendar: periodCalendar(grid), quiet: quietDays(grid) };
    }
    return serviceReport(service, now, shared.grid, shared.calendar, shared.quiet);
  });
  const report = { services: reports, byService: new Map(reports.map((report) => [report.serviceId, report])) };
  if (shared) sharedDays.set(report, shared);
  return report;
}

/** What every service's report over the same days shares (read only), and its key: "now", the zone, the number of days. */
type SharedDays = { key: string; grid: DayGrid; calendar: PeriodCalendar; quiet: ReportDay[] };

/** A report's shared days, for the next rebuild's report (kept with the report, gone with its model). */
const sharedDays = new WeakMap<AvailabilityReport<Notice>, SharedDays>();

/** The previous build's report of a service, when it is this build's too (see PreviousReport); else undefined. */
function keptReport<N extends Notice>(previous: PreviousReport<N> | undefined, now: Date, days: number): (service: ServiceInput<N>) => ServiceReport<N> | undefined {
  if (!previous || previous.now.getTime() !== now.getTime()) return () => undefined;
  return (service) => {
    const old = previous.report.byService.get(service.id);
    if (!old || previous.changed.has(service.id) || old.days.length !== days || old.target !== service.sla) return undefined;
    let complete = true;
    const current = (incident: N) => previous.currentOf(incident) ?? ((complete = false), incident);
    const months = old.months.map((month) => (month.incidents.length ? { ...month, incidents: month.incidents.map(current) } : month));
    // An incident not in this build is a change this report did not hear of: work it out again.
    return complete ? { ...old, months } : undefined;
  };
}

/** A period every service's report has: its parts (days of a month, months of a quarter, quarters of a year) are `from` up to `to`. */
interface Period extends Pick<PeriodFigures, 'kind' | 'key' | 'label' | 'year' | 'start' | 'end' | 'minutes'> {
  from: number;
  to: number;
}

interface PeriodCalendar {
  months: Period[];
  quarters: Period[];
  years: Period[];
  /** The end of the last day: "now". */
  now: Date;
}

/**
 * Consecutive parts with the same key, as periods: a month is the sum of its
 * days, a quarter of its months, a year of its quarters.
 */
function groupParts<P extends { year: number; start: Date; end: Date }>(
  kind: PeriodKind,
  parts: readonly P[],
  minutesOf: (index: number) => number,
  keyOf: (part: P) => string,
  labelOf: (first: P, key: string) => string,
): Period[] {
  const periods: Period[] = [];
  let index = 0;
  while (index < parts.length) {
    const first = parts[index]!;
    const key = keyOf(first);
    const from = index;
    let minutes = 0;
    for (; index < parts.length && keyOf(parts[index]!) === key; index++) minutes += minutesOf(index);
    periods.push({ kind, key, label: labelOf(first, key), year: first.year, start: first.start, end: parts[index - 1]!.end, from, to: index, minutes });
  }
  return periods;
}

function periodCalendar(grid: DayGrid): PeriodCalendar {
  const months = groupParts(
    'month',
    grid.bounds,
    (i) => grid.minutes[i]!,
    ({ year, month }) => `${year}-${pad(month)}`,
    ({ year, month }) => monthLabel(year, month),
  );
  const quarters = groupParts(
    'quarter',
    months,
    (i) => months[i]!.minutes,
    ({ year, key }) => `${year}-Q${Math.floor((Number(key.slice(5, 7)) - 1) / 3) + 1}`,
    ({ year }, key) => `${key.slice(5)} ${year}`,
  );
  const years = groupParts(
    'year',
    quarters,
    (i) => quarters[i]!.minutes,
    ({ year }) => String(year),
    (_, key) => key,
  );
  return { months, quarters, years, now: grid.bounds.at(-1)!.end };
}

/**
 * Each day of the grid as a service without downtime, incidents or maintenance
 * that day has it: most days of most services are like that, so every service's
 * report shares these (frozen) instead of holding its own copy.
 */
function quietDays(grid: DayGrid): ReportDay[] {
  return grid.bounds.map(({ year, month, day }, i) =>
    Object.freeze({ year, month, day, minutes: grid.minutes[i]!, downtime: 0, ratio: 1, worst: undefined, incidents: 0, maintenance: false }),
  );
}

function serviceReport<N extends Notice>(
  service: ServiceInput<N>,
  now: Date,
  grid: DayGrid,
  calendar: PeriodCalendar,
  quiet: readonly ReportDay[],
): ServiceReport<N> {
  const totals = dayTotals(service.notices, now, grid);
  const below = (ratio: number) => service.sla !== undefined && ratio * 100 < service.sla;
  const figures = (period: Period, downtime: number, incidents: N[]): PeriodFigures<N> => {
    const { kind, key, label, year, start, end, minutes } = period;
    const ratio = minutes > 0 ? 1 - downtime / minutes : 1;
    return { kind, key, label, year, start, incidents, end, toDate: end.getTime() === calendar.now.getTime(), minutes, downtime, ratio, belowTarget: below(ratio) };
  };
  const sum = (values: ArrayLike<number>, { from, to }: Period) => {
    let total = 0;
    for (let i = from; i < to; i++) total += values[i]!;
    return total;
  };
  const monthDowntime = calendar.months.map((month) => sum(totals.downtime, month));
  const quarterDowntime = calendar.quarters.map((quarter) => sum(monthDowntime, quarter));
  return {
    serviceId: service.id,
    target: service.sla,
    months: calendar.months.map((month, i) => figures(month, monthDowntime[i]!, incidentsIn(totals, month))),
    quarters: calendar.quarters.map((quarter, i) => figures(quarter, quarterDowntime[i]!, [])),
    years: calendar.years.map((year) => figures(year, sum(quarterDowntime, year), [])),
    days: quiet.map((quietDay, i) => {
      const downtime = totals.downtime[i]!;
      if (downtime === 0 && totals.incidents[i] === undefined && totals.maintenance[i] === undefined) return quietDay;
      const { year, month, day, minutes } = quietDay;
      return {
        year,
        month,
        day,
        minutes,
        downtime,
        ratio: minutes > 0 ? 1 - downtime / minutes : 1,
        worst: totals.worst[i],
        incidents: totals.incidents[i]?.length ?? 0,
        maintenance: totals.maintenance[i] !== undefined,
      };
    }),
  };
}

/** The incidents that touched a month's days, newest first. */
function incidentsIn<N extends Notice>(totals: DayTotals<N>, month: Period): N[] {
  let incidents: Set<N> | undefined;
  for (let i = month.from; i < month.to; i++) {
    const touched = totals.incidents[i];
    if (touched) for (const incident of touched) (incidents ??= new Set()).add(incident);
  }
  return incidents ? [...incidents].sort((a, b) => b.date.getTime() - a.date.getTime()) : [];
}
