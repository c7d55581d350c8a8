/**
 * Says when something written for later will show, so a wrong day is seen at
 * once rather than discovered when the page does not change: a notice dated
 * after now is not published until its date, an update dated after now is not
 * shown until its time (README, "Derived state").
 */
import { formatDistanceStrict } from 'date-fns/formatDistanceStrict';
import type { Notice } from '../content/notice.ts';
import { followUpsAfterEnd } from '../model/state.ts';
import { formatDateTime } from '../time/zoned-format.ts';

/**
 * `"<subject> will be published at 2026-12-02 03:05 CET (in 6 hours)"`, or
 * undefined when `when` is not after `now`. `phrase` replaces "will be
 * published at" (e.g. "will show from" for an update, "starts at" for a window).
 */
export function futureNote(subject: string, when: Date, now: Date, zone: string, phrase = 'will be published at'): string | undefined {
  if (when.getTime() <= now.getTime()) return undefined;
  return `${subject} ${phrase} ${formatDateTime(when, zone)} (in ${formatDistanceStrict(when, now)}), not before.`;
}

/** One line per notice or update dated after `now`, for `npm run check`: `path: … will be published at …`. */
export function futureNotes(notices: readonly Notice[], now: Date, zone: string): string[] {
  const notes: string[] = [];
  for (const notice of notices) {
    const note = futureNote(`${notice.file}: "${notice.title}"`, notice.date, now, zone);
    if (note) notes.push(note);
    notice.updates.forEach((update, index) => {
      const later = futureNote(`${notice.file}: the update "${update.status}" (${index + 1} of ${notice.updates.length})`, update.at, now, zone, 'will show from');
      if (later) notes.push(later);
    });
  }
  return notes;
}

/**
 * One line per open-status update after an incident's written end, for
 * `npm run check`: it does not reopen the incident (src/state.ts incidentEnd).
 */
export function followUpNotes(notices: readonly Notice[], zone: string): string[] {
  return notices.flatMap((notice) =>
    followUpsAfterEnd(notice).map(
      (update) =>
        `${notice.file}: the update "${update.status}" at ${formatDateTime(update.at, zone)} comes after window.end (${formatDateTime(notice.window!.end!, zone)}), so the incident stays resolved; to reopen it, remove window.end and add a \`resolved\` update when it is over.`,
    ),
  );
}
