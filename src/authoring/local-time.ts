/**
 * Writes instants the way a notice's front matter wants them: local to the
 * site's zone, with the offset added only where the local time is ambiguous
 * (the fall-back hour), so what the tools write always validates; and reads
 * the times given to them.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { parseTime } from '../time/time.ts';

export function formatLocalTime(instant: Date, zone: string): string {
  const local = format(new TZDate(instant.getTime(), zone), 'yyyy-MM-dd HH:mm');
  const parsed = parseTime(local, zone);
  if (parsed.ok && parsed.value.getTime() === Math.floor(instant.getTime() / 60_000) * 60_000) return local;
  return format(new TZDate(instant.getTime(), zone), 'yyyy-MM-dd HH:mmxxx');
}

/**
 * Reads a time given on the command line: a full time as the front matter
 * takes it, or just `HH:MM`, meaning that time on `day`'s date in `zone`
 * (`--start 03:05` at 04:00 is 03:05 today). Throws with the reason.
 */
export function parseTimeOfDay(zone: string, day: Date): (text: string) => Date {
  return (text) => {
    const trimmed = text.trim();
    const clock = /^(\d{1,2}):(\d{2})$/.exec(trimmed);
    const full = clock ? `${format(new TZDate(day.getTime(), zone), 'yyyy-MM-dd')} ${clock[1]!.padStart(2, '0')}:${clock[2]}` : trimmed;
    const parsed = parseTime(full, zone);
    if (!parsed.ok) throw new Error(clock ? `${trimmed} (${full}): ${parsed.error}` : parsed.error);
    return parsed.value;
  };
}
