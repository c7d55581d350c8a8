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
import type { NoticeView, SiteModel } from '../model/site-model.ts';
import type { ServiceState } from '../model/state.ts';
import { buildComponents, type Components } from './statuspage-components.ts';
import { ApiContext } from './statuspage-context.ts';
import { StatuspageNotices } from './statuspage-notices.ts';
import { STATUSPAGE_FILES } from './registry.ts';
import { scrubDeep } from './scrub.ts';
import type * as z from '../content/zod.ts';
import type {
  componentsDocument,
  incidentsDocument,
  maintenancesDocument,
  statusDocument,
  summaryDocument,
  StatuspagePage,
  StatuspageStatus,
} from './statuspage-schema.ts';

/** How many notices the full lists (incidents.json, scheduled-maintenances.json) hold, as Statuspage's. */
const LIST_LIMIT = 50;

const INDICATOR: Record<ServiceState, StatuspageStatus> = {
  operational: { indicator: 'none', description: 'All Systems Operational' },
  'degraded-performance': { indicator: 'minor', description: 'Partially Degraded Service' },
  'partial-outage': { indicator: 'major', description: 'Partial System Outage' },
  'major-outage': { indicator: 'critical', description: 'Major Service Outage' },
  'under-maintenance': { indicator: 'maintenance', description: 'Service Under Maintenance' },
};

/** Everything the API files are built from, computed once per site. */
class StatuspageApi {
  readonly context: ApiContext;
  readonly components: Components;
  readonly notices: StatuspageNotices;

  constructor(private readonly site: SiteModel) {
    this.context = new ApiContext(site);
    this.components = buildComponents(this.context);
    this.notices = new StatuspageNotices(this.context, this.components);
  }

  page(): StatuspagePage {
    const { config } = this.site;
    return {
      id: this.context.pageId,
      name: config.title,
      url: config.url,
      time_zone: config.timezone,
      updated_at: this.context.time(this.context.lastChange(this.site.notices, true)),
    };
  }

  status(): StatuspageStatus {
    return { ...INDICATOR[this.site.overall] };
  }
}

const unresolved = (notice: NoticeView) => notice.state !== 'resolved';

/** The API file paths, in a fixed order (the output registry's). */
export const STATUSPAGE_PATHS = STATUSPAGE_FILES.map((file) => `/${file}` as const);
export type StatuspagePath = `/${(typeof STATUSPAGE_FILES)[number]}`;

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
  const { notices } = api;
  const components = api.components.list;
  const page = api.page();
  const status = api.status();
  const active = notices.maintenances(site.maintenanceInProgress);
  const upcoming = notices.maintenances(site.upcomingMaintenance);
  const unresolvedIncidents = notices.incidents(unresolved);
  const documents: StatuspageDocuments = {
    '/api/v2/summary.json': {
      page,
      components,
      incidents: unresolvedIncidents,
      scheduled_maintenances: [...active, ...upcoming],
      status,
    },
    '/api/v2/status.json': { page, status },
    '/api/v2/components.json': { page, components },
    '/api/v2/incidents.json': { page, incidents: notices.incidents(undefined, LIST_LIMIT) },
    '/api/v2/incidents/unresolved.json': { page, incidents: unresolvedIncidents },
    '/api/v2/scheduled-maintenances.json': {
      page,
      scheduled_maintenances: notices.maintenances(notices.allMaintenances().slice(0, LIST_LIMIT)),
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
    pageId: api.context.pageId,
    status: api.status(),
    incident: (notice: NoticeView) => scrubDeep(notice.type === 'incident' ? api.notices.incident(notice) : api.notices.maintenance(notice)),
    component: (serviceId: string) => {
      const component = api.components.byService.get(serviceId);
      return component && scrubDeep(component);
    },
  };
}

/** One API file's bytes: pretty-printed JSON with every string scrubbed, and a final newline. */
export function renderStatuspage(site: SiteModel, path: StatuspagePath): string {
  const document = statuspageDocuments(site)[path];
  return `${JSON.stringify(scrubDeep(document), null, 2)}\n`;
}
