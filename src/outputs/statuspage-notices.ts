/**
 * Incidents and scheduled maintenances in the API's shapes: a notice, its
 * derived state and its posts (the timeline, newest first, then the body),
 * as the mapping in statuspage.ts describes.
 */
import type { Notice, Update } from '../content/notice.ts';
import type { NoticeView } from '../model/site-model.ts';
import { incidentEnd, maintenanceEnd, noticeState } from '../model/state.ts';
import { lastChanged, latestOf, noticeUrl, servicesOf, stableId } from './common.ts';
import type { Components } from './statuspage-components.ts';
import type { ApiContext } from './statuspage-context.ts';
import type {
  StatuspageComponent,
  StatuspageIncident,
  StatuspageIncidentUpdate,
  StatuspageMaintenance,
  StatuspageMaintenanceUpdate,
} from './statuspage-schema.ts';

type IncidentStatus = StatuspageIncident['status'];
type MaintenanceStatus = StatuspageMaintenance['status'];

const MAINTENANCE_STATUS: Record<string, MaintenanceStatus> = {
  scheduled: 'scheduled',
  'in-progress': 'in_progress',
  completed: 'completed',
  cancelled: 'completed',
};

export class StatuspageNotices {
  constructor(
    private readonly api: ApiContext,
    private readonly components: Components,
  ) {}

  private time(instant: Date): string {
    return this.api.time(instant);
  }

  private affected(notice: Notice): StatuspageComponent[] {
    // A retired service has no component; the notice still names the others.
    return servicesOf(this.api.site, notice).flatMap((service) => this.components.byService.get(service.id) ?? []);
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
    const end = status === 'resolved' ? incidentEnd(notice, this.api.site.now) : undefined;
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
    else if (notice.state === 'completed') end = maintenanceEnd(notice, this.api.site.now);
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
      shortlink: noticeUrl(this.api.site, notice),
      page_id: this.api.pageId,
      components: this.affected(notice),
    };
  }

  /** Incidents, newest first, at most `limit`. */
  incidents(filter: (notice: NoticeView) => boolean = () => true, limit = Infinity): StatuspageIncident[] {
    return this.api.site.notices
      .filter((notice) => notice.type === 'incident' && filter(notice))
      .slice(0, limit)
      .map((notice) => this.incident(notice));
  }

  maintenances(notices: readonly NoticeView[]): StatuspageMaintenance[] {
    return notices.map((notice) => this.maintenance(notice));
  }

  allMaintenances(): NoticeView[] {
    return this.api.site.notices.filter((notice) => notice.type === 'maintenance');
  }
}
