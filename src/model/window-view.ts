/**
 * The window a page shows for a notice at "now": derived once per notice by
 * buildModel (`NoticeView.shownWindow`) and formatted by src/pages/parts/time.ts.
 */
import type { Notice } from '../content/notice.ts';
import { incidentEnd, maintenanceEnd } from './state.ts';
import { localDate } from '../time/zoned-format.ts';

export interface WindowView {
  start: Date;
  /** Undefined for an incident nobody has ended yet ("ongoing"). */
  end?: Date;
  /** Whole minutes from start to end, when there is an end. */
  minutes?: number;
  /** End on the same local day as start, so it can be shown as a time only. */
  sameDay: boolean;
  /**
   * The end the notice planned, when a maintenance completed before it: `end`
   * is then when it actually ended. Undefined otherwise.
   */
  plannedEnd?: Date;
  /** `plannedEnd` on the same local day as start. */
  plannedSameDay?: boolean;
}

/**
 * The window a page shows: an incident's end as incidentEnd says at "now" (the
 * written end, else the published `resolved` update, and none once an open
 * update reopens it); until then it is ongoing. A maintenance that a published
 * `completed` update ended before its planned end shows when it actually
 * ended, and the planned end beside it. The model keeps each notice's as
 * `NoticeView.shownWindow`.
 */
export function windowView(notice: Notice, now: Date, zone: string): WindowView | undefined {
  if (!notice.window) return undefined;
  const { start } = notice.window;
  const end = notice.type === 'incident' ? incidentEnd(notice, now) : notice.window.end;
  if (!end) return { start, sameDay: false };
  const shown = { start, end, minutes: minutesBetween(start, end), sameDay: sameLocalDay(start, end, zone) };
  if (notice.type !== 'maintenance') return shown;
  const ended = maintenanceEnd(notice, now);
  if (ended.getTime() >= end.getTime()) return shown;
  return {
    start,
    end: ended,
    minutes: minutesBetween(start, ended),
    sameDay: sameLocalDay(start, ended, zone),
    plannedEnd: end,
    plannedSameDay: sameLocalDay(start, end, zone),
  };
}

function minutesBetween(start: Date, end: Date): number {
  return Math.round((end.getTime() - start.getTime()) / 60_000);
}

function sameLocalDay(a: Date, b: Date, zone: string): boolean {
  const x = localDate(a, zone);
  const y = localDate(b, zone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}
