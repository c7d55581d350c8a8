/**
 * Shows instants in the site's time zone, always with the zone's abbreviation,
 * so a reader never has to guess which clock a time is on (spec §2).
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { formatOffset, zoneName } from './time.ts';
import { zoneOffset } from './zone-offset.ts';

interface LocalDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export function localDate(instant: Date, zone: string): LocalDate {
  const fast = local(instant, zone);
  if (fast) return { year: fast.year, month: fast.month, day: fast.day };
  const wall = new TZDate(instant.getTime(), zone);
  return { year: wall.getFullYear(), month: wall.getMonth() + 1, day: wall.getDate() };
}

export const WEEKDAY_ABBREVIATIONS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

interface Local {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC. */
  offset: number;
  /** The zone's abbreviation then ("PDT"): asked for when first shown (see abbreviation). */
  abbreviation?: string;
}

/**
 * The wall clock in `zone` at `instant`, from the zone's offset (zoneOffset:
 * tzOffset's answer, mostly memoized) and UTC arithmetic: what TZDate does,
 * without its cost. Memoized: each instant is shown on many pages and feeds.
 * The abbreviation costs two more Intl calls, so it waits until a time is
 * shown: a notice's date is read for its URL's day on every build.
 */
const locals = new Map<string, Map<number, Local | null>>();
/** Instants memoized over all zones: the memo is cleared when it reaches a bound. */
let localsStored = 0;
function local(instant: Date, zone: string): Local | null {
  // By zone, then by the instant's number: a page shows many times, and a
  // string key made and hashed on every look-up cost more than the look-up.
  let byTime = locals.get(zone);
  if (!byTime) locals.set(zone, (byTime = new Map()));
  const time = instant.getTime();
  let value = byTime.get(time);
  if (value === undefined) {
    if (localsStored >= 500_000) {
      locals.clear();
      localsStored = 0;
      locals.set(zone, (byTime = new Map()));
    }
    const offset = zoneOffset(zone, instant);
    // Offsets with seconds (local mean time before 1900) take the slow path.
    if (!Number.isInteger(offset)) value = null;
    else {
      const wall = new Date(instant.getTime() + offset * 60_000);
      value = {
        year: wall.getUTCFullYear(),
        month: wall.getUTCMonth() + 1,
        day: wall.getUTCDate(),
        weekday: wall.getUTCDay(),
        hour: wall.getUTCHours(),
        minute: wall.getUTCMinutes(),
        second: wall.getUTCSeconds(),
        offset,
      };
    }
    byTime.set(time, value);
    localsStored++;
  }
  return value;
}

/** The zone's abbreviation at the instant `fast` shows, found once. */
function abbreviation(fast: Local, zone: string, instant: Date): string {
  return (fast.abbreviation ??= zoneName(zone, instant));
}

const clock = ({ hour, minute }: Local) => `${hour % 12 || 12}:${two(minute)} ${hour < 12 ? 'AM' : 'PM'}`;

/** "12:01 AM PDT" */
export function formatTime(instant: Date, zone: string): string {
  const fast = local(instant, zone);
  if (fast) return `${clock(fast)} ${abbreviation(fast, zone, instant)}`;
  return `${format(new TZDate(instant.getTime(), zone), 'h:mm a')} ${zoneName(zone, instant)}`;
}

/** "Thu, Oct 2, 2008, 12:01 AM PDT" */
export function formatDateTime(instant: Date, zone: string): string {
  const fast = local(instant, zone);
  if (fast) return `${WEEKDAY_ABBREVIATIONS[fast.weekday]}, ${MONTH_ABBREVIATIONS[fast.month - 1]} ${fast.day}, ${fast.year}, ${clock(fast)} ${abbreviation(fast, zone, instant)}`;
  return `${format(new TZDate(instant.getTime(), zone), 'EEE, MMM d, yyyy, h:mm a')} ${zoneName(zone, instant)}`;
}

/**
 * The exact instant for `<time datetime>`, with the zone's offset, e.g.
 * 2008-10-02T00:01:00-07:00; with `milliseconds`, 2008-10-02T00:01:00.000-07:00.
 */
export function isoInZone(instant: Date, zone: string, { milliseconds = false } = {}): string {
  const fast = local(instant, zone);
  if (fast && fast.year >= 1000 && fast.year <= 9999) {
    // Offsets are whole minutes here, so the wall clock's milliseconds are the instant's.
    const fraction = milliseconds ? `.${String(instant.getUTCMilliseconds()).padStart(3, '0')}` : '';
    return `${fast.year}-${two(fast.month)}-${two(fast.day)}T${two(fast.hour)}:${two(fast.minute)}:${two(fast.second)}${fraction}${formatOffset(fast.offset)}`;
  }
  return format(new TZDate(instant.getTime(), zone), milliseconds ? "yyyy-MM-dd'T'HH:mm:ss.SSSxxx" : "yyyy-MM-dd'T'HH:mm:ssxxx");
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "September 2008" */
export function monthLabel(year: number, month: number): string {
  // What date-fns writes, without parsing its pattern for each of the many months a build names.
  if (Number.isInteger(year) && year >= 1000 && year <= 9999 && Number.isInteger(month) && month >= 1 && month <= 12) {
    return `${MONTH_NAMES[month - 1]} ${year}`;
  }
  return format(new Date(Date.UTC(year, month - 1, 15)), 'MMMM yyyy');
}

/** "1 h 30 min", "5 min", "3 days" — for window lengths. */
export function formatMinutes(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} day${days === 1 ? '' : 's'}`);
  if (hours) parts.push(`${hours} h`);
  if (mins) parts.push(`${mins} min`);
  return parts.join(' ') || '0 min';
}
