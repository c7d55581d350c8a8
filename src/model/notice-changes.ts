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

/** A model's views by the validated notice each was made from. */
export function viewsBySource(model: SiteModel): Map<Notice, NoticeView> {
  const views = new Map<Notice, NoticeView>();
  for (const view of model.notices) {
    const source = sourceOf.get(view);
    if (source) views.set(source, view);
  }
  return views;
}

export interface NoticeChanges {
  /**
   * This build's views whose rendering can differ from the previous build's:
   * new notices, those whose file changed (its validated object is a new one),
   * and those whose state, published updates or end changed with the clock.
   */
  views: Set<NoticeView>;
  /** Ids of the services that any of those notices names, before or after the change, and any notice this build no longer has. */
  services: Set<string>;
  /** This build's view of a notice of the previous build that did not change; else undefined. */
  currentOf(previous: NoticeView): NoticeView | undefined;
}

/**
 * Compares this build's notice views with the previous model's. A view is
 * matched by the validated notice it was made from, not by its fields: views
 * have as many shapes as notices have, and reading a field of each of 10,000
 * such objects costs more than the rest of this comparison.
 */
export function noticeChanges(
  previous: SiteModel,
  notices: readonly NoticeView[],
  now: Date,
  // The model's own map when it made one (it is emptied here as views are matched).
  before: Map<Notice, NoticeView> = viewsBySource(previous),
): NoticeChanges {
  const sameNow = previous.now.getTime() === now.getTime();
  const current = new Map<NoticeView, NoticeView>();
  const changes: NoticeChanges = { views: new Set(), services: new Set(), currentOf: (view) => current.get(view) };
  const touch = (view: NoticeView) => view.services.forEach((id) => changes.services.add(id));
  for (const view of notices) {
    const source = sourceOf.get(view);
    const old = source && before.get(source);
    // A view kept from the previous build (model.ts) is that build's, unchanged.
    // The same notice at the same "now" is the same view: its derived state depends on nothing else.
    if (old && (sameNow || renderState(old, previous.now) === renderState(view, now))) {
      before.delete(source);
      current.set(old, view);
      continue;
    }
    changes.views.add(view);
    touch(view);
  }
  // What is left of the previous build: notices edited (their new view is above), moved, or deleted.
  for (const old of before.values()) touch(old);
  return changes;
}
