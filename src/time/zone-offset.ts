/**
 * A zone's UTC offset at an instant, as @date-fns/tz's tzOffset gives it
 * (minutes east of UTC, e.g. -420 for PDT), with fewer Intl calls. Each
 * tzOffset call formats a date with Intl (some 10 µs); a build asks for
 * thousands of instants (every written time is resolved with four look-ups,
 * every shown time with one), nearly all on days without a clock change.
 *
 * So the offset is read at UTC midnights, once per zone and midnight, and an
 * instant between two midnights with the same offset has that offset. That
 * rests on what resolveLocalTime (time.ts) and the availability strip
 * (model/availability.ts) already assume: a zone's offset changes at most once
 * within a day, so equal offsets at both ends of a day mean no change inside
 * it. On a day whose ends differ (a change that day) the instant is asked
 * about directly.
 */
import { tzOffset } from '@date-fns/tz';

const DAY = 24 * 60 * 60 * 1000;
/** Bounds the memo (a zone's century of days is 36,525 entries): cleared when it fills. */
const MAX_MIDNIGHTS = 200_000;

const midnights = new Map<string, Map<number, number>>();
let stored = 0;

function offsetAtMidnight(zone: string, day: number): number {
  let days = midnights.get(zone);
  if (!days) midnights.set(zone, (days = new Map()));
  let offset = days.get(day);
  if (offset === undefined) {
    if (stored >= MAX_MIDNIGHTS) {
      midnights.clear();
      stored = 0;
      midnights.set(zone, (days = new Map()));
    }
    days.set(day, (offset = tzOffset(zone, new Date(day * DAY))));
    stored++;
  }
  return offset;
}

/** The same number as `tzOffset(zone, instant)`. */
export function zoneOffset(zone: string, instant: Date): number {
  const day = Math.floor(instant.getTime() / DAY);
  if (Number.isFinite(day)) {
    const start = offsetAtMidnight(zone, day);
    if (start === offsetAtMidnight(zone, day + 1)) return start;
  }
  return tzOffset(zone, instant);
}
