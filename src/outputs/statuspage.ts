/**
 * `/api/v2/*.json`: the site in the shapes of Atlassian Statuspage's public v2
 * API (spec §5), so status clients and aggregators read it unchanged. The
 * shapes are pinned in statuspage-schema.ts.
 *
 * Mapping (spec §4 -> Statuspage):
 * - Each service is a component; each catalog group is a group component
 *   (`group: true`, `components`: member ids) and its members carry its
 *   `group_id`. Service states map hyphen to underscore (`partial-outage` ->
 *   `partial_outage`); a group shows its worst member's state. A group with
 *   one member of the same name (a catalog that puts "DNS" in group "DNS")
 *   is not a component of its own: the service stands alone, with
 *   `group_id: null`, at the group's position. Two components with one name
 *   would be collapsed into one by the many clients that key by name.
 * - Incidents are notices of type incident, with their derived state
 *   (investigating, identified, monitoring, resolved; never postmortem).
 *   Maintenance notices are scheduled maintenances: scheduled, in-progress ->
 *   in_progress, completed -> completed, and cancelled -> completed too
 *   (Statuspage has no cancelled state; the update saying so stays in the
 *   timeline). Notices of type notice have no state and are not in the API.
 * - `incident_updates`, newest first: the notice's timeline at the build's
 *   "now" (every update published by then, and for a maintenance the
 *   `in_progress` at its start and `completed` at its end that the clock
 *   said, when no update says so), then the notice's own body as the first
 *   post at its date. An update
 *   with status `update` carries the state the notice had at that instant.
 *   `affected_components` is null: notices do not record per-update
 *   component changes.
 * - `impact` is the notice's impact; `shortlink` its absolute permalink;
 *   `started_at` the window's start for incidents and the date for maintenance
 *   (as Statuspage does, whose `scheduled_for` holds the window).
 * - `status.indicator` follows the site's overall state: operational -> none,
 *   degraded -> minor, partial outage -> major, major outage -> critical,
 *   maintenance -> maintenance.
 *
 * Ids are 12 base-36 characters like Statuspage's, hashed from the site URL,
 * service ids, group names and permalinks, so they never change when a title
 * or a body is edited. Times are ISO 8601 in the site's zone with its offset.
 *
 * No time here comes from the clock. `page.updated_at` is the latest instant at
 * which anything on the page changed as of "now" (a notice posted, an update
 * published, a window starting or ending), not the build time, so rebuilding
 * the same input at the same STATUS_NOW, or later while nothing changes,
 * gives the same bytes. Components have no creation date of their own: they
 * take the site's earliest instant; their `updated_at` is the last instant
 * their derived state could have changed.
 */
import type { NoticeView, ServiceView, SiteModel } from '../model/model.ts';
import type { Notice, Update } from '../content/notice.ts';
import { incidentEnd, maintenanceEnd, noticeState, stateChangeInstants, worstOf, type ServiceState } from '../model/state.ts';
import { isoWithOffset, lastChanged, latestOf, noticeUrl, servicesOf, stableId } from './common.ts';
import { scrubDeep } from './scrub.ts';
import type { z } from 'zod';
import type {
  componentsDocument,
  incidentsDocument,
  maintenancesDocument,
  statusDocument,
  summaryDocument,
} from './statuspage-schema.ts';
import type {
  ComponentStatus,
  StatuspageComponent,
  StatuspageIncident,
  StatuspageIncidentUpdate,
  StatuspageMaintenance,
  StatuspageMaintenanceUpdate,
  StatuspagePage,
  StatuspageStatus,
} from './statuspage-schema.ts';

/** How many notices the full lists (incidents.json, scheduled-maintenances.json) hold, as Statuspage's. */
const LIST_LIMIT = 50;

type IncidentStatus = StatuspageIncident['status'];
type MaintenanceStatus = StatuspageMaintenance['status'];

const INDICATOR: Record<ServiceState, StatuspageStatus> = {
  operational: { indicator: 'none', description: 'All Systems Operational' },
  'degraded-performance': { indicator: 'minor', description: 'Partially Degraded Service' },
  'partial-outage': { indicator: 'major', description: 'Partial System Outage' },
  'major-outage': { indicator: 'critical', description: 'Major Service Outage' },
  'under-maintenance': { indicator: 'maintenance', description: 'Service Under Maintenance' },
};

const MAINTENANCE_STATUS: Record<string, MaintenanceStatus> = {
  scheduled: 'scheduled',
  'in-progress': 'in_progress',
  completed: 'completed',
  cancelled: 'completed',
};

export function componentStatus(state: ServiceState): ComponentStatus {
  return state.replaceAll('-', '_') as ComponentStatus;
}

/** Everything the API files are built from, computed once per site. */
class StatuspageApi {
  readonly pageId: string;
  private readonly zone: string;
  private readonly origin: Date;
  private readonly componentsById = new Map<string, StatuspageComponent>();
  readonly components: StatuspageComponent[] = [];

  constructor(private readonly site: SiteModel) {
    this.zone = site.config.timezone;
    this.pageId = stableId(`page:${site.config.url}`);
    const instants = site.notices.flatMap((notice) => [notice.date, ...stateChangeInstants(notice)]);
    this.origin = instants.reduce<Date | undefined>((min, d) => (!min || d < min ? d : min), undefined) ?? new Date(0);
    this.buildComponents();
  }

  private time(instant: Date): string {
    return isoWithOffset(instant, this.zone);
  }

  /** The last instant at or before "now" at which `notices` could have changed anything. */
  private lastChange(notices: readonly Notice[], includePosts: boolean): Date {
    const now = this.site.now.getTime();
    const instants: Date[] = [];
    for (const notice of notices) {
      instants.push(...stateChangeInstants(notice));
      if (includePosts) instants.push(notice.date);
    }
    return latestOf(instants.filter((instant) => instant.getTime() <= now)) ?? this.origin;
  }

  page(): StatuspagePage {
    const { config } = this.site;
    return {
      id: this.pageId,
      name: config.title,
      url: config.url,
      time_zone: config.timezone,
      updated_at: this.time(this.lastChange(this.site.notices, true)),
    };
  }

  status(): StatuspageStatus {
    return { ...INDICATOR[this.site.overall] };
  }

  private buildComponents(): void {
    this.site.groups.forEach((group, groupIndex) => {
      if (group.name === undefined) {
        // Services listed without a group are top-level components.
        this.components.push(...group.services.map((service) => this.serviceComponent(service, groupIndex + 1, null)));
        return;
      }
      const only = group.services.length === 1 ? group.services[0]! : undefined;
      if (only && only.name === group.name) {
        this.components.push(this.serviceComponent(only, groupIndex + 1, null));
        return;
      }
      const groupId = stableId(`group:${group.name}`);
      const members = group.services.map((service, index) => this.serviceComponent(service, index + 1, groupId));
      const notices = group.services.flatMap((service) => service.notices);
      this.components.push({
        id: groupId,
        name: group.name,
        status: componentStatus(worstOf(group.services.map((service) => service.state))),
        created_at: this.time(this.origin),
        updated_at: this.time(this.lastChange(notices, false)),
        position: groupIndex + 1,
        description: null,
        showcase: false,
        start_date: null,
        group_id: null,
        page_id: this.pageId,
        group: true,
        only_show_if_degraded: false,
        components: members.map((member) => member.id),
      });
      this.components.push(...members);
    });
  }

  private serviceComponent(service: ServiceView, position: number, groupId: string | null): StatuspageComponent {
    const component: StatuspageComponent = {
      id: stableId(`service:${service.id}`),
      name: service.name,
      status: componentStatus(service.state),
      created_at: this.time(this.origin),
      updated_at: this.time(this.lastChange(service.notices, false)),
      position,
      description: service.description || null,
      showcase: false,
      start_date: null,
      group_id: groupId,
      page_id: this.pageId,
      group: false,
      only_show_if_degraded: false,
    };
    this.componentsById.set(service.id, component);
    return component;
  }

  componentOf(serviceId: string): StatuspageComponent | undefined {
    return this.componentsById.get(serviceId);
  }

  private affected(notice: Notice): StatuspageComponent[] {
    // A retired service has no component; the notice still names the others.
    return servicesOf(this.site, notice).flatMap((service) => this.componentsById.get(service.id) ?? []);
  }

  /** The notice's posts, newest first: its timeline, then the body at the notice's date. */
  private posts<S extends string>(notice: NoticeView, statusOf: (update: Update | undefined, at: Date) => S, incidentId: string) {
    const seen = new Map<string, number>();
    const updates = notice.timeline.map((update) => {
      const key = update.at.toISOString();
      // A clock-made entry is keyed by its status, so it never shifts the written updates' ids.
      const idKey = update.synthesised ? `auto:${notice.url}:${update.status}` : `update:${notice.url}:${key}:${seen.get(key) ?? 0}`;
      if (!update.synthesised) seen.set(key, (seen.get(key) ?? 0) + 1);
      return { id: stableId(idKey), at: update.at, body: update.body, status: statusOf(update, update.at) };
    });
    const first = { id: stableId(`post:${notice.url}`), at: notice.date, body: notice.body, status: statusOf(undefined, notice.date) };
    return [first, ...updates].reverse().map((post) => ({
      id: post.id,
      status: post.status,
      body: post.body.trim(),
      incident_id: incidentId,
      created_at: this.time(post.at),
      updated_at: this.time(post.at),
      display_at: this.time(post.at),
      affected_components: null,
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    }));
  }

  incident(notice: NoticeView): StatuspageIncident {
    const id = stableId(`notice:${notice.url}`);
    const status = notice.state as IncidentStatus;
    const end = status === 'resolved' ? incidentEnd(notice, this.site.now) : undefined;
    const monitoring = notice.published.find((update) => update.status === 'monitoring');
    const statusOf = (update: Update | undefined, at: Date): IncidentStatus => {
      if (update && update.status !== 'update') return update.status as IncidentStatus;
      return noticeState(notice, at) as IncidentStatus;
    };
    const incidentUpdates: StatuspageIncidentUpdate[] = this.posts(notice, statusOf, id);
    return {
      ...this.common(id, notice, end),
      status,
      monitoring_at: monitoring ? this.time(monitoring.at) : null,
      started_at: this.time(notice.window!.start),
      incident_updates: incidentUpdates,
    };
  }

  maintenance(notice: NoticeView): StatuspageMaintenance {
    const id = stableId(`notice:${notice.url}`);
    const status = MAINTENANCE_STATUS[notice.state!]!;
    const window = notice.window!;
    // resolved_at: when it was cancelled, or when it ended by spec §4 (as the derived state says).
    let end: Date | undefined;
    if (notice.state === 'cancelled') end = notice.published.find((update) => update.status === 'cancelled')!.at;
    else if (notice.state === 'completed') end = maintenanceEnd(notice, this.site.now);
    const statusOf = (update: Update | undefined, at: Date): MaintenanceStatus =>
      MAINTENANCE_STATUS[update && update.status !== 'update' ? update.status : noticeState(notice, at)!]!;
    const maintenanceUpdates: StatuspageMaintenanceUpdate[] = this.posts(notice, statusOf, id);
    return {
      ...this.common(id, notice, end),
      status,
      monitoring_at: null,
      started_at: this.time(notice.date),
      incident_updates: maintenanceUpdates,
      scheduled_for: this.time(window.start),
      scheduled_until: this.time(window.end!),
    };
  }

  /** The fields incidents and maintenances share, computed the same way for both. */
  private common(id: string, notice: NoticeView, end: Date | undefined) {
    return {
      id,
      name: notice.title,
      created_at: this.time(notice.date),
      updated_at: this.time(latestOf([lastChanged(notice), ...(end ? [end] : [])])!),
      resolved_at: end ? this.time(end) : null,
      impact: notice.impact,
      shortlink: noticeUrl(this.site, notice),
      page_id: this.pageId,
      components: this.affected(notice),
    };
  }

  /** Incidents, newest first, at most `limit`. */
  incidents(filter: (notice: NoticeView) => boolean = () => true, limit = Infinity): StatuspageIncident[] {
    return this.site.notices
      .filter((notice) => notice.type === 'incident' && filter(notice))
      .slice(0, limit)
      .map((notice) => this.incident(notice));
  }

  maintenances(notices: readonly NoticeView[]): StatuspageMaintenance[] {
    return notices.map((notice) => this.maintenance(notice));
  }

  allMaintenances(): NoticeView[] {
    return this.site.notices.filter((notice) => notice.type === 'maintenance');
  }
}

const unresolved = (notice: NoticeView) => notice.state !== 'resolved';

/** The API file paths, in a fixed order. */
export const STATUSPAGE_PATHS = [
  '/api/v2/summary.json',
  '/api/v2/status.json',
  '/api/v2/components.json',
  '/api/v2/incidents.json',
  '/api/v2/incidents/unresolved.json',
  '/api/v2/scheduled-maintenances.json',
  '/api/v2/scheduled-maintenances/upcoming.json',
  '/api/v2/scheduled-maintenances/active.json',
] as const;
export type StatuspagePath = (typeof STATUSPAGE_PATHS)[number];

type Incidents = z.infer<typeof incidentsDocument>;
type Maintenances = z.infer<typeof maintenancesDocument>;

/** Every API file's document, typed by the Statuspage shape it must have. */
interface StatuspageDocuments {
  '/api/v2/summary.json': z.infer<typeof summaryDocument>;
  '/api/v2/status.json': z.infer<typeof statusDocument>;
  '/api/v2/components.json': z.infer<typeof componentsDocument>;
  '/api/v2/incidents.json': Incidents;
  '/api/v2/incidents/unresolved.json': Incidents;
  '/api/v2/scheduled-maintenances.json': Maintenances;
  '/api/v2/scheduled-maintenances/upcoming.json': Maintenances;
  '/api/v2/scheduled-maintenances/active.json': Maintenances;
}

// Eleventy renders each API file separately from the same model: compute once per model.
const cache = new WeakMap<SiteModel, StatuspageDocuments>();

/** Every API file: site-relative path -> document. */
function statuspageDocuments(site: SiteModel): StatuspageDocuments {
  const cached = cache.get(site);
  if (cached) return cached;
  const api = new StatuspageApi(site);
  const page = api.page();
  const status = api.status();
  const active = api.maintenances(site.maintenanceInProgress);
  const upcoming = api.maintenances(site.upcomingMaintenance);
  const unresolvedIncidents = api.incidents(unresolved);
  const documents: StatuspageDocuments = {
    '/api/v2/summary.json': {
      page,
      components: api.components,
      incidents: unresolvedIncidents,
      scheduled_maintenances: [...active, ...upcoming],
      status,
    },
    '/api/v2/status.json': { page, status },
    '/api/v2/components.json': { page, components: api.components },
    '/api/v2/incidents.json': { page, incidents: api.incidents(undefined, LIST_LIMIT) },
    '/api/v2/incidents/unresolved.json': { page, incidents: unresolvedIncidents },
    '/api/v2/scheduled-maintenances.json': {
      page,
      scheduled_maintenances: api.maintenances(api.allMaintenances().slice(0, LIST_LIMIT)),
    },
    '/api/v2/scheduled-maintenances/upcoming.json': { page, scheduled_maintenances: upcoming },
    '/api/v2/scheduled-maintenances/active.json': { page, scheduled_maintenances: active },
  };
  cache.set(site, documents);
  return documents;
}

/**
 * What a Statuspage webhook says, as things stand at the model's "now" (for
 * `npm run notify`): the page's id and status, a notice in the API's own
 * shape, and a service's component (undefined for a retired service, which
 * has none). Make one per run: it computes the components once.
 */
export function statuspageWebhookParts(site: SiteModel) {
  const api = new StatuspageApi(site);
  return {
    pageId: api.pageId,
    status: api.status(),
    incident: (notice: NoticeView) => scrubDeep(notice.type === 'incident' ? api.incident(notice) : api.maintenance(notice)),
    component: (serviceId: string) => {
      const component = api.componentOf(serviceId);
      return component && scrubDeep(component);
    },
  };
}

/** One API file's bytes: pretty-printed JSON with every string scrubbed, and a final newline. */
export function renderStatuspage(site: SiteModel, path: StatuspagePath): string {
  const document = statuspageDocuments(site)[path];
  return `${JSON.stringify(scrubDeep(document), null, 2)}\n`;
}
