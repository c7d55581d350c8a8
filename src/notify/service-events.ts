/**
 * A service's state changes as events (Statuspage's `component_update`
 * webhooks): each instant at which the state the site showed for a service
 * changed, with the state before and after. Ids are
 * `/services/<id>/#state-<instant in UTC>`, stable across runs and edits.
 *
 * A service's state at an instant is what the site said then: the notices
 * published by that instant, each in the state it had then, combined by the
 * same rules as the model (imposedServiceState, combineServiceStates). It can
 * change only at a notice's date or one of its state change instants, so only
 * those instants in [from, now] are looked at, and only the notices that have
 * one there or already weigh on the service at `from`: the work follows what
 * happened since the baseline, not the size of the archive.
 */
import type { NoticeView, ServiceView, SiteModel } from '../model/model.ts';
import type { NoticeType } from '../content/notice.ts';
import { combineServiceStates, imposedServiceState, isPublishedAt, noticeState, stateChangeInstants, type ServiceState } from '../model/state.ts';

export interface ServiceStateEvent {
  /** e.g. `/services/imap/#state-2008-09-22T17:00:00.000Z` */
  id: string;
  kind: 'component_update';
  at: Date;
  service: ServiceView;
  oldState: ServiceState;
  newState: ServiceState;
  /** The types of the notices whose start or end made the change (for a channel's `types` filter). */
  causeTypes: NoticeType[];
}

/** What `notice` imposes on its services at `at`, as the site said then. */
function imposedAt(notice: NoticeView, at: Date): ServiceState | undefined {
  if (!isPublishedAt(notice, at)) return undefined;
  return imposedServiceState(notice, noticeState(notice, at), at);
}

/** Every change of a current service's state at an instant in [from, now], oldest first. */
export function serviceStateEventsSince(site: SiteModel, from: Date): ServiceStateEvent[] {
  const start = from.getTime();
  const now = site.now.getTime();
  const beforeStart = new Date(start - 1);
  const byService = new Map<string, { instants: Set<number>; notices: NoticeView[] }>();
  for (const notice of site.notices) {
    if (notice.type === 'notice') continue;
    const instants = [notice.date, ...stateChangeInstants(notice)].map((instant) => instant.getTime()).filter((time) => time >= start && time <= now);
    if (!instants.length && imposedAt(notice, beforeStart) === undefined) continue;
    for (const id of notice.services) {
      let entry = byService.get(id);
      if (!entry) byService.set(id, (entry = { instants: new Set(), notices: [] }));
      instants.forEach((time) => entry.instants.add(time));
      entry.notices.push(notice);
    }
  }

  const events: ServiceStateEvent[] = [];
  for (const [id, { instants, notices }] of byService) {
    const service = site.serviceById.get(id);
    // A retired service has no component in the API, so nothing to update.
    if (!service || service.retired) continue;
    for (const time of [...instants].sort((a, b) => a - b)) {
      const at = new Date(time);
      const before = new Date(time - 1);
      const causes = notices.filter((notice) => imposedAt(notice, before) !== imposedAt(notice, at));
      if (!causes.length) continue;
      const oldState = combineServiceStates(notices.flatMap((notice) => imposedAt(notice, before) ?? []));
      const newState = combineServiceStates(notices.flatMap((notice) => imposedAt(notice, at) ?? []));
      if (oldState === newState) continue;
      events.push({
        id: `${service.url}#state-${at.toISOString()}`,
        kind: 'component_update',
        at,
        service,
        oldState,
        newState,
        causeTypes: [...new Set(causes.map((notice) => notice.type))],
      });
    }
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
}

/** Whether a channel with these filters wants the change: its service, and a notice type among the causes. */
export function serviceEventMatches(event: ServiceStateEvent, filter: { services?: readonly string[]; types?: readonly string[] }): boolean {
  if (filter.types && !event.causeTypes.some((type) => filter.types!.includes(type))) return false;
  return !filter.services || filter.services.includes(event.service.id);
}
