/**
 * Writes instants the way a notice's front matter wants them: local to the
 * site's zone, with the offset added only where the local time is ambiguous
 * (the fall-back hour), so what the tools write always validates.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { parseTime } from '../time.ts';

export function formatLocalTime(instant: Date, zone: string): string {
  const local = format(new TZDate(instant.getTime(), zone), 'yyyy-MM-dd HH:mm');
  const parsed = parseTime(local, zone);
  if (parsed.ok && parsed.value.getTime() === Math.floor(instant.getTime() / 60_000) * 60_000) return local;
  return format(new TZDate(instant.getTime(), zone), 'yyyy-MM-dd HH:mmxxx');
}
