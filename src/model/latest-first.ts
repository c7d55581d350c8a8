/**
 * Latest news first (issue 11): what the pages show of a notice's updates.
 * Every timeline runs newest first, as Statuspage's do, and ends with the
 * notice as first posted; lists show an open notice's newest update rather
 * than its first body. Pure functions of a list of updates, oldest first as
 * the model keeps them, so they work on whatever list a view holds (the
 * published updates, or those plus entries the model synthesises).
 */
import type { NoticeView } from './site-model.ts';
import type { Update } from '../content/notice.ts';
import { isOpenIncident } from './state.ts';

/** Anything dated that a timeline lists. */
interface Dated {
  at: Date;
}

/**
 * `entries` newest first. Entries at the same instant keep their meaning: the
 * one listed later (said later) comes first.
 */
export function newestFirst<T extends Dated>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.at.getTime() - a.entry.at.getTime() || b.index - a.index)
    .map(({ entry }) => entry);
}

/** The newest of `entries` (the later-listed of equals), or undefined for none. */
export function newestOf<T extends Dated>(entries: readonly T[]): T | undefined {
  return newestFirst(entries)[0];
}

/** One entry of a notice's timeline as pages show it. */
export type PageTimelineEntry =
  | { kind: 'update'; at: Date; status: Update['status']; html: string }
  /** The notice as first posted: its date and body, always last. */
  | { kind: 'posted'; at: Date; html: string };

/**
 * The updates a page shows of a notice: its timeline (the published updates
 * plus the entries the clock made, oldest first, as the model keeps them).
 */
export function shownUpdates(notice: NoticeView): readonly Update[] {
  return notice.timeline;
}

/** A notice's timeline: its updates newest first, then the original post. */
export function noticeTimeline(notice: Pick<NoticeView, 'date' | 'html'>, updates: readonly Update[]): PageTimelineEntry[] {
  return [
    ...newestFirst(updates).map((update): PageTimelineEntry => ({ kind: 'update', at: update.at, status: update.status, html: update.html })),
    { kind: 'posted', at: notice.date, html: notice.html },
  ];
}

/**
 * What a list (the home page, a service page) says of a notice that is
 * happening now (an open incident or a maintenance in progress): its newest
 * update. Undefined for any other notice, or one without updates yet (the list
 * shows its summary then).
 */
export function latestNews(notice: NoticeView, now: Date): Update | undefined {
  const current = isOpenIncident(notice, notice.state, now) || (notice.type === 'maintenance' && notice.state === 'in-progress');
  return current ? newestOf(shownUpdates(notice)) : undefined;
}
