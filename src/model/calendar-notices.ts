/**
 * Which maintenance notices a calendar (src/outputs/calendar.ts) lists at a
 * build's "now". In the model, not the output, because the preview's rebuild
 * (changed-pages.ts) asks the same question to know whether a service's
 * calendar can differ from the last build's when only the clock moved.
 */
import type { NoticeView } from './site-model.ts';

/**
 * How far back a calendar reaches: windows that ended more than this long
 * before "now" are history, not plans, and leaving them out keeps a calendar's
 * size bounded however long the archive grows (like `feed_items` for feeds).
 */
export const CALENDAR_PAST_DAYS = 365;

/**
 * The maintenance notices among `notices` whose window ends within
 * CALENDAR_PAST_DAYS before `now` or later, oldest window first.
 */
export function calendarNotices(notices: readonly NoticeView[], now: Date): NoticeView[] {
  const since = now.getTime() - CALENDAR_PAST_DAYS * 24 * 60 * 60 * 1000;
  return notices
    .filter((notice) => notice.type === 'maintenance' && notice.window?.end && notice.window.end.getTime() >= since)
    .sort((a, b) => a.window!.start.getTime() - b.window!.start.getTime() || a.url.localeCompare(b.url));
}
