/**
 * Times as NOC staff write them (spec §2) and as pages show them.
 *
 * Written times are plain text: `YYYY-MM-DD HH:MM[:SS]` (or with `T`), with an
 * optional offset. Without an offset the time is local to the site's zone, and
 * a local time that does not exist or exists twice is refused rather than
 * guessed, because a wrong maintenance window is worse than a failed build.
 */
import { tzOffset } from '@date-fns/tz';
import { zoneOffset } from './zone-offset.ts';

const TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:\d{2})?$/;
const DATE_ONLY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const MINUTE = 60_000;

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Parses a written time. YAML hands us strings (the project reads YAML 1.2, which
 * has no timestamp type), so quoted and unquoted text mean the same instant.
 */
export function parseTime(text: string, zone: string): Parsed<Date> {
  const trimmed = text.trim();
  if (DATE_ONLY_PATTERN.test(trimmed)) {
    return { ok: false, error: `"${trimmed}" has no time of day; write a time too, e.g. "${trimmed} 09:00"` };
  }
  const match = TIME_PATTERN.exec(trimmed);
  if (!match) {
    return {
      ok: false,
      error: `"${trimmed}" is not a time; write YYYY-MM-DD HH:MM (in ${zone}), optionally with :SS and an offset like Z or ${formatOffset(tzOffset(zone, new Date(Date.UTC(2025, 0, 1))))}`,
    };
  }
  const [, y, mo, d, h, mi, s = '0', offset] = match;
  const fields = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = fields;
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallClockAsUtc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { ok: false, error: `"${trimmed}" is not a real calendar date and time` };
  }
  if (offset !== undefined) {
    const minutes = offset === 'Z' ? 0 : parseOffset(offset);
    return { ok: true, value: new Date(wallClockAsUtc - minutes * MINUTE) };
  }
  return resolveLocalTime(trimmed, wallClockAsUtc, zone);
}

function parseOffset(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [hh, mm] = offset.slice(1).split(':').map(Number) as [number, number];
  return sign * (hh * 60 + mm);
}

/**
 * Finds the instants whose wall clock in `zone` reads `wallClockAsUtc`. Zone
 * offsets change at most once within a day around any instant, so the offsets
 * a day before and after cover every candidate.
 */
function resolveLocalTime(text: string, wallClockAsUtc: number, zone: string): Parsed<Date> {
  const DAY = 24 * 60 * MINUTE;
  // tzOffset: minutes east of UTC at an instant (e.g. -420 for PDT).
  // zoneOffset: tzOffset's answer, mostly from memoized midnights (zone-offset.ts).
  const candidateOffsets = new Set([
    zoneOffset(zone, new Date(wallClockAsUtc - DAY)),
    zoneOffset(zone, new Date(wallClockAsUtc)),
    zoneOffset(zone, new Date(wallClockAsUtc + DAY)),
  ]);
  const matches: { instant: Date; offset: number }[] = [];
  for (const offset of candidateOffsets) {
    const instant = new Date(wallClockAsUtc - offset * MINUTE);
    if (zoneOffset(zone, instant) === offset) matches.push({ instant, offset });
  }
  if (matches.length === 0) return { ok: false, error: gapMessage(text, wallClockAsUtc, zone) };
  if (matches.length > 1) {
    matches.sort((a, b) => a.instant.getTime() - b.instant.getTime());
    const choices = matches.map(
      ({ offset, instant }) => `"${text}${formatOffset(offset)}" (${zoneName(zone, instant)})`,
    );
    return {
      ok: false,
      error: `"${text}" happens twice in ${zone} as the clocks fall back; add an offset: ${choices.join(' or ')}`,
    };
  }
  return { ok: true, value: matches[0]!.instant };
}

/**
 * The spring-forward gap, with the valid choices: "2025-03-30 02:30" does not
 * exist in Europe/Berlin: on 2025-03-30 clocks go from 02:00 CET to 03:00 CEST;
 * write 01:30 or 03:30, or give an offset +01:00 / +02:00.
 */
function gapMessage(text: string, wallClockAsUtc: number, zone: string): string {
  const DAY = 24 * 60 * MINUTE;
  const before = tzOffset(zone, new Date(wallClockAsUtc - DAY));
  const after = tzOffset(zone, new Date(wallClockAsUtc + DAY));
  // The change happens at one instant in the day before or after: find it to the minute.
  let low = wallClockAsUtc - DAY;
  let high = wallClockAsUtc + DAY;
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
    if (tzOffset(zone, new Date(middle)) === before) low = middle;
    else high = middle;
  }
  const change = new Date(high);
  const wall = (instant: number, offset: number) => new Date(instant + offset * MINUTE).toISOString();
  const clock = (iso: string) => iso.slice(11, 16);
  const gap = (after - before) * MINUTE;
  const day = text.slice(0, 10);
  return (
    `"${text}" does not exist in ${zone}: on ${day} clocks go from ` +
    `${clock(wall(change.getTime(), before))} ${zoneName(zone, new Date(change.getTime() - MINUTE))} to ` +
    `${clock(wall(change.getTime(), after))} ${zoneName(zone, change)}; write ${clock(wall(wallClockAsUtc - gap, 0))} or ` +
    `${clock(wall(wallClockAsUtc + gap, 0))}, or give an offset ${formatOffset(before)} / ${formatOffset(after)}`
  );
}

/** en-US knows only American zone names and en-GB only European ones, so both are asked. */
const ZONE_NAME_LOCALES = ['en-US', 'en-GB'];
const zoneNameFormats = new Map<string, Intl.DateTimeFormat[]>();

/**
 * The zone's short name at `instant`, as people there write it: "PDT" in
 * Los Angeles, "CEST" in Berlin, else the offset ("GMT+9"). The formatters are
 * made once per zone: pages ask for every time they show.
 */
export function zoneName(zone: string, instant: Date): string {
  let formats = zoneNameFormats.get(zone);
  if (!formats) {
    formats = ZONE_NAME_LOCALES.map((locale) => new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }));
    zoneNameFormats.set(zone, formats);
  }
  let fallback = '';
  for (const format of formats) {
    const part = format.formatToParts(instant).find((item) => item.type === 'timeZoneName')?.value;
    if (part && !/^(GMT|UTC)[+-]/.test(part)) return part;
    fallback ||= part ?? '';
  }
  return fallback;
}

const DURATION_PATTERN = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

/** Parses `5m`, `90m`, `2h`, `1h30m`, `3d` into minutes. */
export function parseDuration(text: string): Parsed<number> {
  const trimmed = String(text).trim();
  const match = DURATION_PATTERN.exec(trimmed);
  if (!match || trimmed === '') {
    return {
      ok: false,
      error: `"${trimmed}" is not a duration; write e.g. 5m, 90m, 2h, 1h30m or 3d`,
    };
  }
  const [, d = '0', h = '0', m = '0'] = match;
  const minutes = Number(d) * 1440 + Number(h) * 60 + Number(m);
  if (minutes === 0) return { ok: false, error: `"${trimmed}" is zero; a duration must be longer than that` };
  return { ok: true, value: minutes };
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * MINUTE);
}
