/**
 * A rebuild under `npm start` renders only the pages whose content can differ
 * from the previous build's; the others stay in the output folder as that
 * build wrote them, so each page left out must be the very bytes a full build
 * would write. This module decides which pages of the families that grow with
 * the archive are rendered: notices, months, service years, history pages,
 * each service's feeds and calendar, and each service's availability pages
 * and downloads. Everything else (the home page, the site-wide feeds, the
 * API, the service pages, badges, ...) is rendered on every build.
 *
 * What a page of these families shows besides the notices it lists, and so
 * what is compared here:
 * - notice, month, service-year and history pages: the notices listed (each
 *   unchanged: notice-changes.ts), their order, the page's neighbours, and for
 *   history pages every filter's count (shown on each of them);
 * - a service's feeds: its newest notices; an empty feed, the site's newest
 *   change, so empty ones are always rendered (they cost nothing);
 * - a service's calendar: the maintenance in its reach at "now" (calendar-notices.ts);
 * - a service's availability: its notices, and the days from the site's first
 *   month to "now", so all of them when "now" or that first month moved.
 * Pages also show the config, the locale, the theme and "now" (`data-now`, which
 * the page script reads): model.ts asks for a full build when the config or
 * the part overrides could differ; "now" is the same under STATUS_NOW, and
 * otherwise a page left out keeps the `data-now` of the build that wrote it.
 */
import type { History, HistoryPage } from './history.ts';
import { calendarNotices } from './calendar-notices.ts';
import type { NoticeChanges } from './notice-changes.ts';
import type { AvailabilityReport, ServiceReport } from './availability-report.ts';
import type { MonthView, NoticeView, ServiceView, ServiceYearView, SiteModel } from './site-model.ts';

/** The pages a build renders of each family (all of them in a full build). */
export type PagesToRender = Pick<SiteModel, 'noticePages' | 'monthPages' | 'serviceYearPages' | 'historyPages' | 'feedServices' | 'availabilityPages'>;

/** What a rebuild compares of the new model with the previous one. */
export interface CurrentPages {
  notices: NoticeView[];
  months: MonthView[];
  serviceYears: ServiceYearView[];
  history: History<NoticeView>;
  services: ServiceView[];
  availability: AvailabilityReport<NoticeView>;
  now: Date;
}

/** Every page of every family: a full build. */
export function everyPage(current: CurrentPages): PagesToRender {
  return {
    noticePages: current.notices,
    monthPages: current.months,
    serviceYearPages: current.serviceYears,
    historyPages: current.history.pages,
    feedServices: current.services,
    availabilityPages: current.availability.services,
  };
}

/** A page that lists notices: the list, and whatever else of it `neighbours` gives (links to other pages). */
type Listing = { url: string; notices: NoticeView[] };

/**
 * The pages of `pages` that differ from the previous build's page at the
 * same URL: a new URL, another list of notices or order, a changed notice
 * listed, or other neighbours.
 */
function changedListings<P extends Listing>(before: readonly P[], pages: readonly P[], changes: NoticeChanges, neighbours: (page: P) => unknown): P[] {
  const old = new Map(before.map((page) => [page.url, page]));
  return pages.filter((page) => {
    const was = old.get(page.url);
    return (
      !was ||
      was.notices.length !== page.notices.length ||
      // The same notices in the same order, each unchanged (a changed one has no current view).
      was.notices.some((view, index) => changes.currentOf(view) !== page.notices[index]) ||
      JSON.stringify(neighbours(was)) !== JSON.stringify(neighbours(page))
    );
  });
}

const monthNeighbours = (page: MonthView | ServiceYearView) => [page.previous, page.next];
const historyNeighbours = (page: HistoryPage<NoticeView>) => [page.filterKey, page.older, page.newer, page.numberedPages];

/** The pages of each family whose content can differ from the previous build's, given what changed. */
export function changedPages(previous: SiteModel, current: CurrentPages, changes: NoticeChanges): PagesToRender {
  const sameNow = previous.now.getTime() === current.now.getTime();
  // Every history page shows every filter's count: a count changed, every page changed.
  const sameFilters = JSON.stringify(previous.history.filters) === JSON.stringify(current.history.filters);
  // The availability of every service covers the same days, from the site's first month to "now".
  const days = (report: AvailabilityReport) => report.services[0]?.days.length;
  const sameDays = sameNow && days(previous.availability) === days(current.availability);
  const calendarOf = (notices: readonly NoticeView[], now: Date) => calendarNotices(notices, now).map((view) => view.url).join('\n');
  const calendarMoved = (service: ServiceView) => {
    if (sameNow) return false;
    const was = previous.serviceById.get(service.id);
    return !was || calendarOf(was.notices, previous.now) !== calendarOf(service.notices, current.now);
  };
  return {
    noticePages: current.notices.filter((view) => changes.views.has(view)),
    monthPages: changedListings(previous.months, current.months, changes, monthNeighbours),
    serviceYearPages: changedListings(previous.serviceYears, current.serviceYears, changes, monthNeighbours),
    historyPages: sameFilters ? changedListings(previous.history.pages, current.history.pages, changes, historyNeighbours) : current.history.pages,
    feedServices: current.services.filter((service) => changes.services.has(service.id) || service.notices.length === 0 || calendarMoved(service)),
    availabilityPages: sameDays
      ? current.availability.services.filter((report: ServiceReport<NoticeView>) => changes.services.has(report.serviceId))
      : current.availability.services,
  };
}
