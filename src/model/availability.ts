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
import { zoneOffset } from '../time/zone-offset.ts';

export const AVAILABILITY_DAYS = 90;

/** How much of an incident's duration counts as downtime, by impact. */
export const IMPACT_WEIGHT: Record<Impact, number> = { critical: 1, major: 0.5, minor: 0.25, none: 0 };

const IMPACT_RANK: Record<Impact, number> = { none: 0, minor: 1, major: 2, critical: 3 };
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
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

/**
 * The first instant of each local calendar day in `zone` (after the gap, if
 * midnight is skipped), for one run over consecutive days. TZDate gives the
 * answer but costs several offset look-ups and allocations a day; most days
 * are far from any clock change, so there midnight is read from the zone's
 * offset, which is the same on the day before and the day after. The offsets
 * come from zoneOffset (tzOffset's answer, from a memo of the zone's UTC
 * midnights shared with the rest of the build: time/zone-offset.ts), so a
 * report's thousands of days cost one Intl call per midnight, not two per
 * day. A day near a change, or in a zone whose offset has seconds, still asks
 * TZDate (tests/availability.test.ts holds the daylight-saving days).
 */
function localDayStarts(zone: string): (year: number, month: number, day: number) => Date {
  const offsetAt = (time: number) => zoneOffset(zone, new Date(time));
  return (year, month, day) => {
    const midnight = Date.UTC(year, month - 1, day);
    const offset = offsetAt(midnight);
    if (Number.isInteger(offset) && offsetAt(midnight - DAY) === offset && offsetAt(midnight + DAY) === offset) {
      const start = midnight - offset * MINUTE;
      if (offsetAt(start) === offset) return new Date(start);
    }
    return new Date(new TZDate(year, month - 1, day, zone).getTime());
  };
}

/**
 * The last `count` local days in `zone`, oldest first, ending with the day
 * `now` falls on, which ends at `now`.
 */
export function dayBounds(now: Date, zone: string, count = AVAILABILITY_DAYS): DayBounds[] {
  const today = localDate(now, zone);
  const startOfLocalDay = localDayStarts(zone);
  const days: DayBounds[] = [];
  let next = now;
  for (let back = 0; back < count; back++) {
    // Calendar arithmetic on the date alone; the zone only decides where a day starts.
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day - back));
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    const start = startOfLocalDay(year, month, day);
    days.push({ year, month, day, start, end: next.getTime() < start.getTime() ? start : next });
    next = start;
  }
  return days.reverse();
}

/**
 * Where the days of some bounds start and end, as numbers, and how many of
 * their minutes count: worked out once and shared by every service over the
 * same days (the availability reports run every service over years of days).
 */
export interface DayGrid {
  bounds: readonly DayBounds[];
  starts: Float64Array;
  ends: Float64Array;
  /** Minutes of each day that count: 1440, 1380 or 1500, fewer for today. */
  minutes: Float64Array;
}

export function dayGrid(bounds: readonly DayBounds[]): DayGrid {
  const starts = new Float64Array(bounds.length);
  const ends = new Float64Array(bounds.length);
  const minutes = new Float64Array(bounds.length);
  bounds.forEach(({ start, end }, i) => {
    starts[i] = start.getTime();
    ends[i] = end.getTime();
    minutes[i] = (ends[i]! - starts[i]!) / MINUTE;
  });
  return { bounds, starts, ends, minutes };
}

/**
 * One service's figures for each day of a grid, as columns (index = day):
 * what serviceAvailability's days and the availability reports are made of,
 * without an object per day. Most days have nothing: their lists stay unset.
 */
export interface DayTotals<N extends Notice = Notice> {
  /** Weighted downtime in minutes (may be fractional). */
  downtime: Float64Array;
  /** The heaviest impact among incidents touching the day, if any did. */
  worst: (Impact | undefined)[];
  /** Incidents that touched the day, in the order of the service's notices. */
  incidents: (N[] | undefined)[];
  /** Maintenance (not cancelled) that touched the day. */
  maintenance: (N[] | undefined)[];
}

/** Index of the day containing `time` (the first day if before them all). */
function dayIndex(starts: Float64Array, time: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= time) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Calls `visit` for each day the interval [start, end) overlaps. */
function forEachDay(grid: DayGrid, start: number, end: number, visit: (index: number) => void): void {
  const { starts, ends } = grid;
  for (let i = dayIndex(starts, start); i < starts.length && starts[i]! < end; i++) {
    if (ends[i]! > start) visit(i);
  }
}

/** The per-day figures of a service over `grid` up to `now`, from the notices that name it (any order). */
export function dayTotals<N extends Notice>(notices: readonly N[], now: Date, grid: DayGrid): DayTotals<N> {
  const { starts, ends } = grid;
  const count = starts.length;
  const totals: DayTotals<N> = {
    downtime: new Float64Array(count),
    worst: new Array<Impact | undefined>(count),
    incidents: new Array<N[] | undefined>(count),
    maintenance: new Array<N[] | undefined>(count),
  };
  const { downtime, worst, incidents, maintenance } = totals;
  const from = starts[0]!;
  const until = now.getTime();

  // Edges of weighted incident intervals, for the sweep below.
  const edges: { time: number; weight: number; delta: 1 | -1 }[] = [];
  for (const notice of notices) {
    if (!notice.window) continue;
    // A window written to end before the first day counts on none of them,
    // whatever the updates say (an incident's written end is its end, a
    // maintenance's end only moves earlier): skipped before working out its
    // state, as most of a long archive is.
    const written = notice.window.end?.getTime();
    if (written !== undefined && written <= from) continue;
    const start = Math.max(notice.window.start.getTime(), from);
    if (notice.type === 'incident') {
      // An incident nobody has ended (or whose end is not yet said) lasts until now.
      const end = Math.min(incidentEnd(notice, now)?.getTime() ?? until, until);
      if (end <= start) continue;
      forEachDay(grid, start, end, (i) => {
        (incidents[i] ??= []).push(notice);
        const heaviest = worst[i];
        if (heaviest === undefined || IMPACT_RANK[notice.impact] > IMPACT_RANK[heaviest]) worst[i] = notice.impact;
      });
      const weight = IMPACT_WEIGHT[notice.impact];
      if (weight > 0) edges.push({ time: start, weight, delta: 1 }, { time: end, weight, delta: -1 });
    } else if (notice.type === 'maintenance' && maintenanceState(notice, now) !== 'cancelled') {
      // `notices` may be plain Notices (the tests pass some), so the state is derived, not read from NoticeView.state.
      const end = Math.min(maintenanceEnd(notice, now).getTime(), until);
      if (end <= start) continue;
      forEachDay(grid, start, end, (i) => {
        (maintenance[i] ??= []).push(notice);
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
    while (dayPointer < count && ends[dayPointer]! <= segmentStart) dayPointer++;
    for (let i = dayPointer; i < count && starts[i]! < segmentEnd; i++) {
      const overlap = Math.min(segmentEnd, ends[i]!) - Math.max(segmentStart, starts[i]!);
      if (overlap > 0) downtime[i]! += (overlap / MINUTE) * weight;
    }
  }
  return totals;
}

/**
 * The availability of a service over the days up to `now`, from the notices
 * that name it (any order). Notices of other services must not be passed.
 * `span` is a number of days, or their bounds from `dayBounds(now, zone, …)`.
 */
export function serviceAvailability<N extends Notice>(
  notices: readonly N[],
  now: Date,
  zone: string,
  span: number | readonly DayBounds[] = AVAILABILITY_DAYS,
): Availability<N> {
  const grid = dayGrid(typeof span === 'number' ? dayBounds(now, zone, span) : span);
  const totals = dayTotals(notices, now, grid);
  // Days with nothing share one frozen empty list.
  const none = NOTHING as unknown as N[];
  let minutes = 0;
  let downtime = 0;
  const days = grid.bounds.map(({ year, month, day, start, end }, i): DayAvailability<N> => {
    const dayMinutes = grid.minutes[i]!;
    const dayDowntime = totals.downtime[i]!;
    const availability: DayAvailability<N> = {
      year,
      month,
      day,
      start,
      end,
      minutes: dayMinutes,
      downtime: dayDowntime,
      ratio: dayMinutes > 0 ? 1 - dayDowntime / dayMinutes : 1,
      incidents: totals.incidents[i] ?? none,
      maintenance: totals.maintenance[i] ?? none,
    };
    const worst = totals.worst[i];
    if (worst !== undefined) availability.worst = worst;
    minutes += dayMinutes;
    downtime += dayDowntime;
    return availability;
  });
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
