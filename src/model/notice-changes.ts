/**
 * What changed between two models of one site, notice by notice: the first
 * question of a rebuild under `npm start` (changed-pages.ts asks the rest).
 * It remembers the validated notice each view was made from, so that a view
 * of an unchanged file is known to be unchanged without comparing its fields.
 */
import type { Notice } from '../content/notice.ts';
import type { NoticeView, SiteModel } from './site-model.ts';
import { incidentEnd } from './state.ts';

/** The validated notice each view was made from: the same object while its file is unchanged (see loadNotices). */
const sourceOf = new WeakMap<NoticeView, Notice>();

/** Called by buildModel for every view it makes. */
export function rememberSource(view: NoticeView, notice: Notice): void {
  sourceOf.set(view, notice);
}

/**
 * What a notice's own rendering depends on besides its file: the derived
 * state, which updates are published and whether an end is known yet, all as
 * of "now". Pages show nothing else of "now" that differs between notices.
 */
function renderState(view: NoticeView, now: Date): string {
  // incidentEnd is the written end, else the `resolved` update's, unless reopened since.
  const end = view.type === 'incident' ? incidentEnd(view, now) : view.window?.end;
  const ended = end !== undefined && end.getTime() <= now.getTime();
  return `${view.state}|${view.timeline.length}|${ended}|${view.scheduled}`;
}

export interface NoticeChanges {
  /**
   * URLs of this build's notices whose rendering can differ from the previous
   * build's: new ones, those whose file changed (its validated object is a new
   * one), and those whose state, published updates or end changed with the clock.
   */
  notices: Set<string>;
  /** URLs of the previous build's notices this one no longer has (deleted, or moved to another URL). */
  gone: Set<string>;
  /** Ids of the services that any of those notices names, before or after the change. */
  services: Set<string>;
}

/** Compares this build's notice views with the previous model's. */
export function noticeChanges(previous: SiteModel, notices: readonly NoticeView[], now: Date): NoticeChanges {
  const before = new Map(previous.notices.map((view) => [view.url, view]));
  const changes: NoticeChanges = { notices: new Set(), gone: new Set(), services: new Set() };
  const touch = (view: NoticeView) => view.services.forEach((id) => changes.services.add(id));
  for (const view of notices) {
    const old = before.get(view.url);
    before.delete(view.url);
    if (old && sourceOf.get(old) === sourceOf.get(view) && renderState(old, previous.now) === renderState(view, now)) continue;
    changes.notices.add(view.url);
    touch(view);
    if (old) touch(old);
  }
  for (const [url, old] of before) {
    changes.gone.add(url);
    touch(old);
  }
  return changes;
}
