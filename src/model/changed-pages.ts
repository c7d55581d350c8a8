/**
 * A rebuild under `npm start` renders only the pages whose content can differ
 * from the previous build's. This module decides which: it remembers the
 * validated notice each view was made from, and compares two models.
 */
import type { Notice } from '../content/notice.ts';
import type { MonthView, NoticeView, ServiceYearView, SiteModel } from './site-model.ts';
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

/**
 * The notice, month and service-year pages whose content can differ from the
 * previous build's: a notice whose file changed (its validated object is a new
 * one) or whose state, published updates or end changed with the clock; a
 * month or year page that lists such a notice, gained or lost one, or whose
 * neighbours changed. Unchanged files keep their objects (the parse cache), so
 * a config change, which clears that cache, makes every page differ.
 */
export function changedPages(
  previous: SiteModel,
  current: { notices: NoticeView[]; months: MonthView[]; serviceYears: ServiceYearView[]; now: Date },
): Pick<SiteModel, 'noticePages' | 'monthPages' | 'serviceYearPages'> {
  const before = new Map(previous.notices.map((view) => [view.url, view]));
  const changed = new Set<string>();
  for (const view of current.notices) {
    const old = before.get(view.url);
    if (!old || sourceOf.get(old) !== sourceOf.get(view) || renderState(old, previous.now) !== renderState(view, current.now)) {
      changed.add(view.url);
    }
  }
  const listChanged = (
    old: { notices: NoticeView[]; previous?: { url: string; count?: number }; next?: { url: string; count?: number } } | undefined,
    page: { notices: NoticeView[]; previous?: { url: string; count?: number }; next?: { url: string; count?: number } },
  ) =>
    !old ||
    old.notices.length !== page.notices.length ||
    old.notices.some((view, index) => view.url !== page.notices[index]!.url) ||
    page.notices.some((view) => changed.has(view.url)) ||
    JSON.stringify([old.previous, old.next]) !== JSON.stringify([page.previous, page.next]);
  const oldMonths = new Map(previous.months.map((month) => [month.url, month]));
  const oldYears = new Map(previous.serviceYears.map((year) => [year.url, year]));
  return {
    noticePages: current.notices.filter((view) => changed.has(view.url)),
    monthPages: current.months.filter((month) => listChanged(oldMonths.get(month.url), month)),
    serviceYearPages: current.serviceYears.filter((year) => listChanged(oldYears.get(year.url), year)),
  };
}

