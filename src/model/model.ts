/**
 * The site model: everything pages, feeds and the API show, derived once from
 * the validated notices at the build's "now". Every index is built in one pass
 * over the notices (sorted once), so cost grows linearly with the archive.
 * Its shape is in site-model.ts; which pages a rebuild renders, in changed-pages.ts.
 */
import { buildAvailabilityReport } from './availability-report.ts';
import type { SiteConfig } from '../content/config.ts';
import { changedPages, everyPage } from './changed-pages.ts';
import { noticeChanges, rememberSource, viewsBySource } from './notice-changes.ts';
import { buildHistory } from './history.ts';
import { createLocale } from '../i18n/locale.ts';
import type { Notice } from '../content/notice.ts';
import {
  combineServiceStates,
  imposedServiceState,
  isOpenIncident,
  isPendingMaintenance,
  isPublishedAt,
  noticeState,
  stateChangeInstants,
  updatesAsOf,
  worstOf,
  type ServiceState,
} from './state.ts';
import type { MonthRef, MonthView, NoticeView, ServiceGroup, ServiceView, ServiceYearRef, ServiceYearView, SiteModel, YearView } from './site-model.ts';
import { searchParts } from './search-parts.ts';
import { plainTheme, type Theme } from './theme.ts';
import { timelineAsOf } from './timeline.ts';
import { keepAvailability } from './views.ts';
import { windowView } from './window-view.ts';
import { localDate, monthLabel } from '../time/zoned-format.ts';

// The model's types are imported from here by pages, outputs and notifications.
export type { MonthView, NoticeView, ServiceGroup, ServiceView, ServiceYearView, SiteModel } from './site-model.ts';

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
  /** The most notices in one part of the search index (default `SEARCH_PART_SIZE`, 2,000; tests set fewer). */
  searchPartSize?: number;
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
  const previous = comparable(options.previous, config, options.theme);
  // A view depends on its notice, "now" and the config alone: at the same "now", an unchanged notice keeps its view.
  const kept = previous && previous.now.getTime() === now.getTime() ? viewsBySource(previous) : undefined;
  for (const notice of published) {
    const old = kept?.get(notice);
    const { year, month } = old ? old.month : localDate(notice.date, zone);
    let current = months.at(-1);
    if (!current || current.year !== year || current.month !== month) {
      current = { year, month, label: monthLabel(year, month), url: `/${year}/${pad(month)}/`, notices: [] };
      months.push(current);
    }
    const view: NoticeView = old ?? {
      ...notice,
      state: noticeState(notice, now),
      scheduled: notice.date.getTime() > now.getTime(),
      published: updatesAsOf(notice, now),
      timeline: timelineAsOf(notice, now, bodies),
      shownWindow: windowView(notice, now, zone),
      month: refOf(current),
    };
    if (!old) rememberSource(view, notice);
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
  // The views kept above are matched again there: hand over the map rather than build it twice.
  const changes = previous && noticeChanges(previous, notices, now, kept);
  if (changes) {
    for (const service of services) {
      const before = previous.serviceById.get(service.id);
      if (before && !changes.services.has(service.id)) keepAvailability(before, service);
    }
  }
  const availability = buildAvailabilityReport(services, notices, now, zone, previous && changes && { report: previous.availability, now: previous.now, changed: changes.services, currentOf: changes.currentOf });
  const history = buildHistory(notices, services);
  const lists = { notices, months, serviceYears, history, services, availability, now };
  const pages = previous && changes ? changedPages(previous, lists, changes) : everyPage(lists);
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
    availability,
    history,
    searchParts: searchParts(notices, options.searchPartSize),
    theme: options.theme ?? plainTheme(),
  });
}

/**
 * The previous model, when this build may render only what changed since
 * (changed-pages.ts); else undefined, and every page is rendered. Not when
 * the config differs (every page shows it), nor when the site overrides
 * parts: a part is handed the whole model, so any page may show anything.
 */
function comparable(previous: SiteModel | undefined, config: SiteConfig, theme: Theme | undefined): SiteModel | undefined {
  if (!previous) return undefined;
  if (Object.keys(theme?.parts ?? {}).length || Object.keys(previous.theme.parts).length) return undefined;
  return JSON.stringify(previous.config) === JSON.stringify(config) ? previous : undefined;
}

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
