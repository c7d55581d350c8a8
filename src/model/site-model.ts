/**
 * The shape of the site model: what pages, feeds, the API and notifications
 * read. Types only; model.ts derives it (buildModel), so a module that only
 * reads the model needs nothing of how it is built.
 */
import type { AvailabilityReport, ServiceReport } from './availability-report.ts';
import type { Service, SiteConfig } from '../content/config.ts';
import type { History, HistoryPage } from './history.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Notice, Update } from '../content/notice.ts';
import type { NoticeState, ServiceState } from './state.ts';
import type { Theme } from './theme.ts';
import type { TimelineEntry } from './timeline.ts';
import type { WindowView } from './window-view.ts';

// Views hold no cycles (a notice names its month by reference, not the month
// object), so Eleventy's data cascade can copy them safely.

export interface NoticeView extends Notice {
  state: NoticeState;
  /** Dated after "now": only the `npm start` preview shows it (marked, like a draft); see isPublishedAt. */
  scheduled: boolean;
  /** The updates published by "now", oldest first: all that pages and outputs show. */
  published: Update[];
  /**
   * `published` plus what the clock said: a maintenance's `in-progress` at its
   * start and `completed` at its end when no update says so (see timeline.ts).
   * Oldest first. What pages, feeds, calendars and the API show.
   */
  timeline: TimelineEntry[];
  /** The window as pages show it at "now" (see windowView); undefined for a notice without one. */
  shownWindow?: WindowView;
  /** The month archive this notice is listed in. */
  month: MonthRef;
}

export interface MonthRef {
  year: number;
  /** 1-12 */
  month: number;
  /** "September 2008" */
  label: string;
  url: string;
}

export interface MonthView extends MonthRef {
  /** Newest first. */
  notices: NoticeView[];
  /** The nearest older and newer months that have notices. */
  previous?: MonthRef;
  next?: MonthRef;
}

export interface YearView {
  year: number;
  /** Newest first. */
  months: MonthView[];
  count: number;
}

export interface ServiceView extends Service {
  state: ServiceState;
  url: string;
  /** Every notice naming this service, newest first. */
  notices: NoticeView[];
  /** Notices that make the state what it is now. */
  causes: NoticeView[];
  /** What `state` would be without maintenance: the state it returns to when the maintenance in progress ends. */
  stateWithoutMaintenance: ServiceState;
  /**
   * The windows of this service's maintenance that is scheduled or in progress
   * at "now", newest notice first: when its state may change on the reader's clock.
   */
  pendingMaintenance: { start: Date; end: Date }[];
  /**
   * The newest notices naming this service, at most SERVICE_RECENT_COUNT: the
   * history `/services/<id>/` shows, so that page stays small however long
   * the archive grows. The rest is on the year pages.
   */
  recent: NoticeView[];
  /** One history page per year that has notices about this service, newest first. */
  years: ServiceYearView[];
}

export interface ServiceYearRef {
  year: number;
  /** `/services/<id>/YYYY/` */
  url: string;
  /** Notices about the service published that year. */
  count: number;
}

/**
 * `/services/<id>/YYYY/`: every notice naming one service published in one
 * year (in the site's zone), newest first. Pages by year keep their URLs and
 * their contents: a notice is always listed on the same page, and only the
 * current year's page changes as notices are added.
 */
export interface ServiceYearView extends ServiceYearRef {
  /** The service, by id (look it up in `serviceById`): views hold no cycles. */
  serviceId: string;
  /** Newest first. */
  notices: NoticeView[];
  /** The nearest older and newer years with notices about this service. */
  previous?: ServiceYearRef;
  next?: ServiceYearRef;
}

export interface ServiceGroup {
  /** Undefined for the services the catalog lists without a group. */
  name?: string;
  services: ServiceView[];
}

export interface SiteModel {
  config: SiteConfig;
  /** The site's language: every message pages and feeds show, and its date formats (src/i18n/). */
  locale: Locale;
  now: Date;
  /** Every published notice, newest first. */
  notices: NoticeView[];
  months: MonthView[];
  years: YearView[];
  services: ServiceView[];
  groups: ServiceGroup[];
  serviceById: Map<string, ServiceView>;
  /** Every service's year pages, services in catalog order, each newest first: one page each. */
  serviceYears: ServiceYearView[];
  /**
   * The pages this build must render, for the templates that make one page per
   * notice, month or service year to paginate over. A build renders all of
   * them (these are `notices`, `months` and `serviceYears`). A rebuild under
   * `npm start` after only notices changed renders only the pages whose
   * content can differ from the previous build's (see `changedPages`); the
   * others stay in `_site/` as that build wrote them.
   */
  noticePages: NoticeView[];
  monthPages: MonthView[];
  serviceYearPages: ServiceYearView[];
  /** Likewise, the `/history/` pages to render (all of `history.pages` in a build). */
  historyPages: HistoryPage<NoticeView>[];
  /** Likewise, the services whose feeds and calendar are rendered (all of `services` in a build). */
  feedServices: ServiceView[];
  /** Likewise, the services whose availability pages and downloads are rendered (all of `availability.services` in a build). */
  availabilityPages: ServiceReport<NoticeView>[];
  /** The worst state of any service. */
  overall: ServiceState;
  openIncidents: NoticeView[];
  maintenanceInProgress: NoticeView[];
  /** Soonest first. */
  upcomingMaintenance: NoticeView[];
  /** The newest notices, for the home page. */
  recent: NoticeView[];
  /** The next instant at which any derived state changes, if any. */
  nextChange?: Date;
  /** Monthly, quarterly and yearly availability of every service (availability-report.ts). */
  availability: AvailabilityReport<NoticeView>;
  /** The paginated `/history/` pages, unfiltered and by type and service (history.ts). */
  history: History<NoticeView>;
  /**
   * The notices of each part of the search index (search-parts.ts): one part,
   * all of `notices`, up to 2,000 notices; more parts beyond, each written to
   * its own folder and merged in the reader's browser.
   */
  searchParts: NoticeView[][];
  /** Asset URLs and part overrides for the pages (theme.ts). */
  theme: Theme;
}
