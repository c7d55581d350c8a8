/**
 * The site model: everything pages, feeds and the API show, derived once from
 * the validated notices at the build's "now". Every index is built in one pass
 * over the notices (sorted once), so cost grows linearly with the archive.
 */
import { buildAvailabilityReport, type AvailabilityReport } from './availability-report.ts';
import type { Service, SiteConfig } from '../content/config.ts';
import { buildHistory, type History } from './history.ts';
import { createLocale, type Locale } from '../i18n/locale.ts';
import type { Notice, Update } from '../content/notice.ts';
import {
  combineServiceStates,
  imposedServiceState,
  incidentEnd,
  isOpenIncident,
  isPendingMaintenance,
  isPublishedAt,
  noticeState,
  stateChangeInstants,
  updatesAsOf,
  worstOf,
  type NoticeState,
  type ServiceState,
} from './state.ts';
import { PLAIN_THEME, type Theme } from './theme.ts';
import { timelineAsOf, type TimelineEntry } from './timeline.ts';
import { windowView, type WindowView } from './views.ts';
import { localDate, monthLabel } from '../time/zoned-format.ts';

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

interface MonthRef {
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

interface YearView {
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

interface ServiceYearRef {
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
  history: History;
  /** Asset URLs and part overrides for the pages (theme.ts). */
  theme: Theme;
}

const RECENT_COUNT = 10;
/** How many of a service's newest notices its own page lists. */
const SERVICE_RECENT_COUNT = 50;

const pad = (n: number) => String(n).padStart(2, '0');
const newestFirst = (a: Notice, b: Notice) => b.date.getTime() - a.date.getTime() || a.url.localeCompare(b.url);

const refOf = ({ year, month, label, url }: MonthRef): MonthRef => ({ year, month, label, url });

interface ModelOptions {
  includeDrafts?: boolean;
  /**
   * The model of the previous build in this process, when only notice files
   * changed since: the page lists then hold only what changed (`changedPages`).
   */
  previous?: SiteModel;
  /** The site's assets and part overrides; default: plain asset names, no overrides. */
  theme?: Theme;
}

export function buildModel(
  config: SiteConfig,
  allNotices: readonly Notice[],
  now: Date,
  options: ModelOptions = {},
): SiteModel {
  const zone = config.timezone;
  // A draft, or a notice dated after "now" (scheduled), is shown only in the preview.
  const published = allNotices.filter((notice) => options.includeDrafts || isPublishedAt(notice, now)).sort(newestFirst);
  // Scheduled notices left out still change the site at their date.
  const scheduledDates = options.includeDrafts
    ? []
    : allNotices.filter((notice) => !notice.draft && !isPublishedAt(notice, now)).map((notice) => notice.date);

  const locale = createLocale({ language: config.language, clock: config.clock, strings: config.strings });
  const bodies = { 'in-progress': locale.t('timeline.in-progress'), completed: locale.t('timeline.completed') };
  const months: MonthView[] = [];
  const notices: NoticeView[] = [];
  for (const notice of published) {
    const { year, month } = localDate(notice.date, zone);
    let current = months.at(-1);
    if (!current || current.year !== year || current.month !== month) {
      current = { year, month, label: monthLabel(year, month), url: `/${year}/${pad(month)}/`, notices: [] };
      months.push(current);
    }
    const view: NoticeView = {
      ...notice,
      state: noticeState(notice, now),
      scheduled: notice.date.getTime() > now.getTime(),
      published: updatesAsOf(notice, now),
      timeline: timelineAsOf(notice, now, bodies),
      shownWindow: windowView(notice, now, zone),
      month: refOf(current),
    };
    sourceOf.set(view, notice);
    current.notices.push(view);
    notices.push(view);
  }
  months.forEach((month, index) => {
    const next = months[index - 1];
    const previous = months[index + 1];
    if (next) month.next = refOf(next);
    if (previous) month.previous = refOf(previous);
  });

  const years: YearView[] = [];
  for (const month of months) {
    let year = years.at(-1);
    if (!year || year.year !== month.year) years.push((year = { year: month.year, months: [], count: 0 }));
    year.months.push(month);
    year.count += month.notices.length;
  }

  const services: ServiceView[] = config.services.map((service) => ({
    ...service,
    state: 'operational',
    url: `/services/${service.id}/`,
    notices: [],
    causes: [],
    stateWithoutMaintenance: 'operational',
    pendingMaintenance: [],
    recent: [],
    years: [],
  }));
  const serviceById = new Map(services.map((service) => [service.id, service]));
  const imposed = new Map<string, ServiceState[]>();
  for (const notice of notices) {
    const state = imposedServiceState(notice, notice.state, now);
    const pending = isPendingMaintenance(notice, notice.state) ? { start: notice.window!.start, end: notice.window!.end! } : undefined;
    for (const id of notice.services) {
      const service = serviceById.get(id)!;
      service.notices.push(notice);
      if (pending) service.pendingMaintenance.push(pending);
      if (state) {
        service.causes.push(notice);
        const list = imposed.get(id);
        if (list) list.push(state);
        else imposed.set(id, [state]);
      }
    }
  }
  const serviceYears: ServiceYearView[] = [];
  for (const service of services) {
    const states = imposed.get(service.id) ?? [];
    service.state = combineServiceStates(states);
    // Maintenance imposes only `under-maintenance`; incidents never do.
    service.stateWithoutMaintenance = worstOf(states.filter((state) => state !== 'under-maintenance'));
    service.recent = service.notices.slice(0, SERVICE_RECENT_COUNT);
    service.years = yearPages(service);
    serviceYears.push(...service.years);
  }

  // Retired services keep their pages and history but are off the current status (README, catalog).
  const current = services.filter((service) => !service.retired);
  const groups: ServiceGroup[] = [];
  for (const service of current) {
    let group = groups.find((candidate) => candidate.name === service.group);
    if (!group) groups.push((group = { name: service.group, services: [] }));
    group.services.push(service);
  }

  const startOf = (notice: Notice) => notice.window!.start.getTime();
  const pages = options.previous
    ? changedPages(options.previous, { notices, months, serviceYears, now })
    : { noticePages: notices, monthPages: months, serviceYearPages: serviceYears };
  // Frozen, so Eleventy hands every template this very object: it neither
  // copies it into each template's data nor wraps it in a Proxy for each
  // paginated page (ProxyWrap and DeepCopy pass frozen objects through).
  // That saves a trap on every `site.*` read of every page, and caches keyed
  // by the model (the Statuspage API's) are computed once per build, not once
  // per page.
  return Object.freeze({
    config,
    locale,
    now,
    notices,
    months,
    years,
    services,
    groups,
    serviceById,
    serviceYears,
    ...pages,
    overall: worstOf(current.map((service) => service.state)),
    openIncidents: notices.filter((notice) => isOpenIncident(notice, notice.state, now)),
    maintenanceInProgress: notices.filter((notice) => notice.type === 'maintenance' && notice.state === 'in-progress'),
    upcomingMaintenance: notices
      .filter((notice) => notice.type === 'maintenance' && notice.state === 'scheduled')
      .sort((a, b) => startOf(a) - startOf(b)),
    recent: notices.slice(0, RECENT_COUNT),
    nextChange: nextChangeAfter(notices, scheduledDates, now),
    availability: buildAvailabilityReport(services, notices, now, zone),
    history: buildHistory(notices, services),
    theme: options.theme ?? PLAIN_THEME,
  });
}

/** The validated notice each view was made from: the same object while its file is unchanged (see loadNotices). */
const sourceOf = new WeakMap<NoticeView, Notice>();

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
function changedPages(
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

/** A service's notices (newest first) split by year, newest year first, linked to their neighbours. */
function yearPages(service: ServiceView): ServiceYearView[] {
  const years: ServiceYearView[] = [];
  for (const notice of service.notices) {
    let page = years.at(-1);
    if (!page || page.year !== notice.month.year) {
      const year = notice.month.year;
      page = { year, url: `${service.url}${year}/`, count: 0, serviceId: service.id, notices: [] };
      years.push(page);
    }
    page.notices.push(notice);
    page.count++;
  }
  const refOfYear = ({ year, url, count }: ServiceYearRef): ServiceYearRef => ({ year, url, count });
  years.forEach((page, index) => {
    const next = years[index - 1];
    const previous = years[index + 1];
    if (next) page.next = refOfYear(next);
    if (previous) page.previous = refOfYear(previous);
  });
  return years;
}

/** The earliest instant after `now` among the shown notices' state changes and dates and the scheduled notices' dates. */
function nextChangeAfter(notices: readonly Notice[], scheduledDates: readonly Date[], now: Date): Date | undefined {
  let next: number | undefined;
  const consider = (instant: Date) => {
    const time = instant.getTime();
    if (time > now.getTime() && (next === undefined || time < next)) next = time;
  };
  for (const notice of notices) {
    consider(notice.date);
    stateChangeInstants(notice).forEach(consider);
  }
  scheduledDates.forEach(consider);
  return next === undefined ? undefined : new Date(next);
}
