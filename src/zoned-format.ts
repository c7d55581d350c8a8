/**
 * Shows instants in the site's time zone, always with the zone's abbreviation,
 * so a reader never has to guess which clock a time is on (spec §2).
 */
import { TZDate, tzName } from '@date-fns/tz';
import { format } from 'date-fns';

export interface LocalDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export function localDate(instant: Date, zone: string): LocalDate {
  const local = new TZDate(instant.getTime(), zone);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

export function zoneAbbreviation(instant: Date, zone: string): string {
  return tzName(zone, instant, 'short');
}

/** "12:01 AM PDT" */
export function formatTime(instant: Date, zone: string): string {
  return `${format(new TZDate(instant.getTime(), zone), 'h:mm a')} ${zoneAbbreviation(instant, zone)}`;
}

/** "Thursday, October 2, 2008" */
export function formatDay(instant: Date, zone: string): string {
  return format(new TZDate(instant.getTime(), zone), 'EEEE, MMMM d, yyyy');
}

/** "Thu, Oct 2, 2008, 12:01 AM PDT" */
export function formatDateTime(instant: Date, zone: string): string {
  return `${format(new TZDate(instant.getTime(), zone), 'EEE, MMM d, yyyy, h:mm a')} ${zoneAbbreviation(instant, zone)}`;
}

/** The exact instant for `<time datetime>`, with the zone's offset, e.g. 2008-10-02T00:01:00-07:00. */
export function isoInZone(instant: Date, zone: string): string {
  return format(new TZDate(instant.getTime(), zone), "yyyy-MM-dd'T'HH:mm:ssxxx");
}

/** "September 2008" */
export function monthLabel(year: number, month: number): string {
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
