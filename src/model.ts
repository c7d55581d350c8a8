/**
 * The site model: everything pages, feeds and the API show, derived once from
 * the validated notices at the build's "now". Every index is built in one pass
 * over the notices (sorted once), so cost grows linearly with the archive.
 */
import type { Service, SiteConfig } from './config.ts';
import type { Notice } from './notice.ts';
import {
  combineServiceStates,
  imposedServiceState,
  isOpenIncident,
  noticeState,
  stateChangeInstants,
  worstOf,
  type NoticeState,
  type ServiceState,
} from './state.ts';
import { localDate, monthLabel } from './zoned-format.ts';

// Views hold no cycles (a notice names its month by reference, not the month
// object), so Eleventy's data cascade can copy them safely.

export interface NoticeView extends Notice {
  state: NoticeState;
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
}

export interface ServiceGroup {
  name: string;
  services: ServiceView[];
}

export interface SiteModel {
  config: SiteConfig;
  now: Date;
  /** Every published notice, newest first. */
  notices: NoticeView[];
  months: MonthView[];
  years: YearView[];
  services: ServiceView[];
  groups: ServiceGroup[];
  serviceById: Map<string, ServiceView>;
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
}

export const RECENT_COUNT = 10;

const pad = (n: number) => String(n).padStart(2, '0');
const newestFirst = (a: Notice, b: Notice) => b.date.getTime() - a.date.getTime() || a.url.localeCompare(b.url);

const refOf = ({ year, month, label, url }: MonthRef): MonthRef => ({ year, month, label, url });

export function buildModel(
  config: SiteConfig,
  allNotices: readonly Notice[],
  now: Date,
  options: { includeDrafts?: boolean } = {},
): SiteModel {
  const zone = config.timezone;
  const published = allNotices.filter((notice) => options.includeDrafts || !notice.draft).sort(newestFirst);

  const months: MonthView[] = [];
  const notices: NoticeView[] = [];
  for (const notice of published) {
    const { year, month } = localDate(notice.date, zone);
    let current = months.at(-1);
    if (!current || current.year !== year || current.month !== month) {
      current = { year, month, label: monthLabel(year, month), url: `/${year}/${pad(month)}/`, notices: [] };
      months.push(current);
    }
    const view: NoticeView = { ...notice, state: noticeState(notice, now), month: refOf(current) };
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
  }));
  const serviceById = new Map(services.map((service) => [service.id, service]));
  const imposed = new Map<string, ServiceState[]>();
  for (const notice of notices) {
    const state = imposedServiceState(notice, notice.state, now);
    for (const id of notice.services) {
      const service = serviceById.get(id)!;
      service.notices.push(notice);
      if (state) {
        service.causes.push(notice);
        const list = imposed.get(id);
        if (list) list.push(state);
        else imposed.set(id, [state]);
      }
    }
  }
  for (const service of services) service.state = combineServiceStates(imposed.get(service.id) ?? []);

  const groups: ServiceGroup[] = [];
  for (const service of services) {
    let group = groups.find((candidate) => candidate.name === service.group);
    if (!group) groups.push((group = { name: service.group, services: [] }));
    group.services.push(service);
  }

  const startOf = (notice: Notice) => notice.window!.start.getTime();
  return {
    config,
    now,
    notices,
    months,
    years,
    services,
    groups,
    serviceById,
    overall: worstOf(services.map((service) => service.state)),
    openIncidents: notices.filter((notice) => isOpenIncident(notice, notice.state, now)),
    maintenanceInProgress: notices.filter((notice) => notice.type === 'maintenance' && notice.state === 'in-progress'),
    upcomingMaintenance: notices
      .filter((notice) => notice.type === 'maintenance' && notice.state === 'scheduled')
      .sort((a, b) => startOf(a) - startOf(b)),
    recent: notices.slice(0, RECENT_COUNT),
    nextChange: nextChangeAfter(notices, now),
  };
}

function nextChangeAfter(notices: readonly Notice[], now: Date): Date | undefined {
  let next: number | undefined;
  for (const notice of notices) {
    for (const instant of stateChangeInstants(notice)) {
      const time = instant.getTime();
      if (time > now.getTime() && (next === undefined || time < next)) next = time;
    }
  }
  return next === undefined ? undefined : new Date(next);
}
