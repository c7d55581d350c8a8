/**
 * Availability history: for one service, the last 90 local days in the site's
 * zone, each with its weighted downtime, and the availability over all of them.
 *
 * - Days are calendar days in the site's zone, so a day is 23 or 25 hours long
 *   when the clocks change. The last day is the build's "now" day and counts
 *   only up to "now": the future has not happened yet.
 * - Downtime comes from incident windows, clipped to each day and to "now". A
 *   minute of an incident counts as much downtime as its impact says
 *   (IMPACT_WEIGHT: critical all of it, major half, minor a quarter, none
 *   nothing). Where incidents overlap, the minute counts once, at the heaviest
 *   weight.
 * - Maintenance (not cancelled) is flagged on the days it touches but never
 *   counts as downtime.
 *
 * Pure functions of the notices and the instant. Cost per service is linear in
 * that service's own notices plus the days (one sort of its incident edges).
 */
import { TZDate } from '@date-fns/tz';
import type { Impact, Notice } from '../content/notice.ts';
import { incidentEnd, maintenanceEnd, maintenanceState } from './state.ts';
import { localDate } from '../time/zoned-format.ts';

export const AVAILABILITY_DAYS = 90;

/** How much of an incident's duration counts as downtime, by impact. */
export const IMPACT_WEIGHT: Record<Impact, number> = { critical: 1, major: 0.5, minor: 0.25, none: 0 };

const IMPACT_RANK: Record<Impact, number> = { none: 0, minor: 1, major: 2, critical: 3 };
const MINUTE = 60_000;
const NOTHING: readonly never[] = Object.freeze([]);

export interface DayBounds {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  /** The first instant of the local day. */
  start: Date;
  /** The first instant of the next local day, or "now" for the last day. */
  end: Date;
}

export interface DayAvailability<N extends Notice = Notice> extends DayBounds {
  /** Minutes of the day that count: 1440, 1380 or 1500, fewer for today. */
  minutes: number;
  /** Weighted downtime in minutes (may be fractional). */
  downtime: number;
  /** 0-1: 1 - downtime / minutes; 1 for a day with no minutes yet. */
  ratio: number;
  /** The heaviest impact among incidents touching the day, if any did. */
  worst?: Impact;
  /** Incidents that touched this day, in the order of the service's notices. */
  incidents: N[];
  /** Maintenance (not cancelled) that touched this day. */
  maintenance: N[];
}

export interface Availability<N extends Notice = Notice> {
  /** Oldest first; the last is the "now" day. */
  days: DayAvailability<N>[];
  minutes: number;
  downtime: number;
  /** 0-1 over all days. */
  ratio: number;
}

/** The first instant of a local calendar day in `zone` (after the gap, if midnight is skipped). */
function startOfLocalDay(year: number, month: number, day: number, zone: string): Date {
  return new Date(new TZDate(year, month - 1, day, zone).getTime());
}

/**
 * The last `count` local days in `zone`, oldest first, ending with the day
 * `now` falls on, which ends at `now`.
 */
export function dayBounds(now: Date, zone: string, count = AVAILABILITY_DAYS): DayBounds[] {
  const today = localDate(now, zone);
  const days: DayBounds[] = [];
  let next = now;
  for (let back = 0; back < count; back++) {
    // Calendar arithmetic on the date alone; the zone only decides where a day starts.
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    const start = startOfLocalDay(year, month, day, zone);
    days.push({ year, month, day, start, end: next.getTime() < start.getTime() ? start : next });
    next = start;
  }
  return days.reverse();
}

/** Index of the day containing `time` (the first day if before them all). */
function dayIndex(days: readonly DayBounds[], time: number): number {
  let low = 0;
  let high = days.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (days[mid]!.start.getTime() <= time) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Calls `visit` for each day the interval [start, end) overlaps. */
function forEachDay(days: readonly DayBounds[], start: number, end: number, visit: (index: number) => void): void {
  for (let i = dayIndex(days, start); i < days.length && days[i]!.start.getTime() < end; i++) {
    if (days[i]!.end.getTime() > start) visit(i);
  }
}

/**
 * The availability of a service over the days up to `now`, from the notices
 * that name it (any order). Notices of other services must not be passed.
 * `span` is a number of days, or their bounds from `dayBounds(now, zone, …)`
 * when many services share them (working out where each local day starts is
 * the costly part over a long history).
 */
export function serviceAvailability<N extends Notice>(
  notices: readonly N[],
  now: Date,
  zone: string,
  span: number | readonly DayBounds[] = AVAILABILITY_DAYS,
): Availability<N> {
  const bounds = typeof span === 'number' ? dayBounds(now, zone, span) : span;
  // Most days have nothing: they share one frozen empty list until something touches them,
  // which keeps a report over years of days from allocating two lists per day.
  const none = NOTHING as unknown as N[];
  const days: DayAvailability<N>[] = bounds.map(({ year, month, day, start, end }) => ({
    year,
    month,
    day,
    start,
    end,
    minutes: (end.getTime() - start.getTime()) / MINUTE,
    downtime: 0,
    ratio: 1,
    incidents: none,
    maintenance: none,
  }));
  const from = bounds[0]!.start.getTime();
  const until = now.getTime();

  // Edges of weighted incident intervals, for the sweep below.
  const edges: { time: number; weight: number; delta: 1 | -1 }[] = [];
  for (const notice of notices) {
    if (!notice.window) continue;
    const start = Math.max(notice.window.start.getTime(), from);
    if (notice.type === 'incident') {
      // An incident nobody has ended (or whose end is not yet said) lasts until now.
      const end = Math.min(incidentEnd(notice, now)?.getTime() ?? until, until);
      if (end <= start) continue;
      forEachDay(days, start, end, (i) => {
        const day = days[i]!;
        if (day.incidents === none) day.incidents = [];
        day.incidents.push(notice);
        if (day.worst === undefined || IMPACT_RANK[notice.impact] > IMPACT_RANK[day.worst]) day.worst = notice.impact;
      });
      const weight = IMPACT_WEIGHT[notice.impact];
      if (weight > 0) edges.push({ time: start, weight, delta: 1 }, { time: end, weight, delta: -1 });
    } else if (notice.type === 'maintenance' && maintenanceState(notice, now) !== 'cancelled') {
      // `notices` may be plain Notices (the tests pass some), so the state is derived, not read from NoticeView.state.
      const end = Math.min(maintenanceEnd(notice, now).getTime(), until);
      if (end <= start) continue;
      forEachDay(days, start, end, (i) => {
        const day = days[i]!;
        if (day.maintenance === none) day.maintenance = [];
        day.maintenance.push(notice);
      });
    }
  }

  // Sweep: between consecutive edges the heaviest open weight applies, once.
  edges.sort((a, b) => a.time - b.time);
  const open = new Map<number, number>();
  let dayPointer = 0;
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e]!;
    open.set(edge.weight, (open.get(edge.weight) ?? 0) + edge.delta);
    const next = edges[e + 1];
    if (!next || next.time === edge.time) continue;
    let weight = 0;
    for (const [w, n] of open) if (n > 0 && w > weight) weight = w;
    if (weight === 0) continue;
    const segmentStart = edge.time;
    const segmentEnd = next.time;
    while (dayPointer < days.length && days[dayPointer]!.end.getTime() <= segmentStart) dayPointer++;
    for (let i = dayPointer; i < days.length && days[i]!.start.getTime() < segmentEnd; i++) {
      const day = days[i]!;
      const overlap = Math.min(segmentEnd, day.end.getTime()) - Math.max(segmentStart, day.start.getTime());
      if (overlap > 0) day.downtime += (overlap / MINUTE) * weight;
    }
  }

  let minutes = 0;
  let downtime = 0;
  for (const day of days) {
    day.ratio = day.minutes > 0 ? 1 - day.downtime / day.minutes : 1;
    minutes += day.minutes;
    downtime += day.downtime;
  }
  return { days, minutes, downtime, ratio: minutes > 0 ? 1 - downtime / minutes : 1 };
}

/**
 * An availability as people read it: "100%" only when there was no downtime
 * at all, otherwise rounded down to two decimals so a bad day never shows as
 * perfect ("99.99%", "98.95%").
 */
export function formatAvailability(ratio: number, downtime: number): string {
  if (downtime <= 0) return '100%';
  const hundredths = Math.min(Math.floor(ratio * 10_000 + 1e-9), 9_999);
  return `${(Math.max(hundredths, 0) / 100).toFixed(2)}%`;
}
