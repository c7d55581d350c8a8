/**
 * Local times for the synthetic corpus as "wall-clock" numbers: Date.UTC of
 * the local fields. Exact away from the 02:00 daylight-saving changes, which
 * the corpus keeps clear of (see corpus.ts).
 */

export const MINUTE = 60_000;
export const DAY = 1440 * MINUTE;
export const pad = (n: number) => String(n).padStart(2, '0');

/** Wall-clock milliseconds (Date.UTC of the local fields) as "YYYY-MM-DD HH:MM". */
export function wall(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function parseWall(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a local time: ${text}`);
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!);
}

export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}`;
}
