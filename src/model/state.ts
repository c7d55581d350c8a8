/**
 * Derived state (spec §4): what each notice and service is at the build's "now".
 * Pure functions of the notice and the instant, so they are tested without a build.
 */
import type { Impact, Notice, Update, UpdateStatus } from '../content/notice.ts';

type IncidentState = 'investigating' | 'identified' | 'monitoring' | 'resolved';
type MaintenanceState = 'scheduled' | 'in-progress' | 'completed' | 'cancelled';
export type NoticeState = IncidentState | MaintenanceState | null;

export const SERVICE_STATES = [
  'operational',
  'degraded-performance',
  'partial-outage',
  'major-outage',
  'under-maintenance',
] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

const IMPACT_TO_SERVICE_STATE: Record<Impact, ServiceState> = {
  none: 'operational',
  minor: 'degraded-performance',
  major: 'partial-outage',
  critical: 'major-outage',
};

/** Worse states rank higher; used to pick a service's overall state. */
const SEVERITY: Record<ServiceState, number> = {
  operational: 0,
  'under-maintenance': 1,
  'degraded-performance': 2,
  'partial-outage': 3,
  'major-outage': 4,
};

/**
 * Whether a notice is public at `now`: not a draft, and its `date` has come.
 * A notice dated later is scheduled: no page, feed, calendar or API shows it
 * until then (the `npm start` preview shows it, marked). Pure, so anything
 * that must agree with the site (the model, a notifier) can ask the same.
 */
export function isPublishedAt(notice: Pick<Notice, 'date' | 'draft'>, now: Date): boolean {
  return !notice.draft && notice.date.getTime() <= now.getTime();
}

/**
 * Updates published by `now`, oldest first: a build never tells what has not
 * been said yet. The model keeps each notice's as `NoticeView.published`.
 */
export function updatesAsOf(notice: Notice, now: Date): Update[] {
  return notice.updates.filter((update) => update.at.getTime() <= now.getTime());
}

function latestStatus(updates: Update[], among: readonly UpdateStatus[]): UpdateStatus | undefined {
  for (let i = updates.length - 1; i >= 0; i--) {
    if (among.includes(updates[i]!.status)) return updates[i]!.status;
  }
  return undefined;
}

const OPEN_INCIDENT_STATUSES: readonly UpdateStatus[] = ['investigating', 'identified', 'monitoring'];

/**
 * When the incident's service impact ends, as of `now`: the written
 * `window.end`, else its `resolved` update. A written end is what the author
 * says the impact was (spec §4: resolved once its end has passed), so updates
 * after it are follow-ups and change nothing. A `resolved` update is news like
 * any other: an open status (investigating, identified, monitoring) published
 * after it reopens the incident, and only a later `resolved` ends it again.
 * Only updates published by `now` count, so a resolution that is not yet said
 * ends nothing. Undefined while nobody has said it is over. The one place the
 * reopen rule lives: state, pages, availability, feeds and API all ask here.
 */
export function incidentEnd(notice: Notice, now: Date): Date | undefined {
  if (notice.window?.end) return notice.window.end;
  let end: Date | undefined;
  for (const update of notice.updates) {
    if (update.at.getTime() > now.getTime()) break;
    if (OPEN_INCIDENT_STATUSES.includes(update.status)) end = undefined;
    else if (update.status === 'resolved' && end === undefined) end = update.at;
  }
  return end;
}

/**
 * The open-status updates of an incident dated after its written end: they
 * do not reopen it (see incidentEnd), which `check` says, in case a reopening
 * was meant.
 */
export function followUpsAfterEnd(notice: Notice): Update[] {
  const end = notice.type === 'incident' ? notice.window?.end : undefined;
  if (!end) return [];
  return notice.updates.filter((update) => OPEN_INCIDENT_STATUSES.includes(update.status) && update.at.getTime() > end.getTime());
}

function incidentState(notice: Notice, now: Date): IncidentState {
  const end = incidentEnd(notice, now);
  if (end !== undefined && end.getTime() <= now.getTime()) return 'resolved';
  const status = latestStatus(updatesAsOf(notice, now), OPEN_INCIDENT_STATUSES);
  return (status as IncidentState | undefined) ?? 'investigating';
}

/**
 * When a maintenance ends (spec §4: `completed` once an update says so or its
 * end has passed): its window's end, or its first `completed` update published
 * by `now` if that is earlier. May be after `now`. A cancelled maintenance
 * stops at its cancellation instead (see maintenanceState).
 */
export function maintenanceEnd(notice: Notice, now: Date): Date {
  let end = notice.window!.end!;
  for (const update of notice.updates) {
    const at = update.at.getTime();
    if (update.status === 'completed' && at <= now.getTime() && at < end.getTime()) end = update.at;
  }
  return end;
}

export function maintenanceState(notice: Notice, now: Date): MaintenanceState {
  const latest = latestStatus(updatesAsOf(notice, now), ['scheduled', 'in-progress', 'completed', 'cancelled']);
  if (latest === 'cancelled') return 'cancelled';
  if (maintenanceEnd(notice, now).getTime() <= now.getTime()) return 'completed';
  if (notice.window!.start.getTime() <= now.getTime()) return 'in-progress';
  return 'scheduled';
}

export function noticeState(notice: Notice, now: Date): NoticeState {
  if (notice.type === 'incident') return incidentState(notice, now);
  if (notice.type === 'maintenance') return maintenanceState(notice, now);
  return null;
}

/** A maintenance that has not ended or been cancelled: its window may still move the state on the reader's clock. */
export function isPendingMaintenance(notice: Notice, state: NoticeState): boolean {
  return notice.type === 'maintenance' && (state === 'scheduled' || state === 'in-progress');
}

/** An incident that has begun and is not resolved. */
export function isOpenIncident(notice: Notice, state: NoticeState, now: Date): boolean {
  return notice.type === 'incident' && state !== 'resolved' && notice.window!.start.getTime() <= now.getTime();
}

/** The service state an affecting notice imposes, or undefined if it imposes none now. */
export function imposedServiceState(notice: Notice, state: NoticeState, now: Date): ServiceState | undefined {
  if (notice.type === 'maintenance' && state === 'in-progress') return 'under-maintenance';
  // An open incident of impact `none` is news, not a change of service state.
  if (isOpenIncident(notice, state, now) && notice.impact !== 'none') return IMPACT_TO_SERVICE_STATE[notice.impact];
  return undefined;
}

/**
 * Combines the states imposed on one service. Maintenance in progress wins, as
 * the spec says; otherwise the worst incident impact; otherwise operational.
 */
export function combineServiceStates(imposed: readonly ServiceState[]): ServiceState {
  if (imposed.includes('under-maintenance')) return 'under-maintenance';
  return worstOf(imposed);
}

/** The most severe state; for the site as a whole, where an outage anywhere outranks maintenance. */
export function worstOf(states: readonly ServiceState[]): ServiceState {
  return states.reduce<ServiceState>((worst, state) => (SEVERITY[state] > SEVERITY[worst] ? state : worst), 'operational');
}

/**
 * Instants after which `noticeState` may change; `/build.json`'s next_change
 * is the earliest future one. Every update counts (a `resolved` one ends an
 * incident, an open one may reopen it), and so does the written end.
 */
export function stateChangeInstants(notice: Notice): readonly Date[] {
  // Asked of every notice by the model, the API (per service and per group) and notifications;
  // a notice's view is kept between preview rebuilds (model.ts), and so is this.
  const known = changeInstants.get(notice);
  if (known) return known;
  const instants: Date[] = [];
  if (notice.type !== 'notice') {
    instants.push(notice.window!.start, ...notice.updates.map((update) => update.at));
    if (notice.window!.end) instants.push(notice.window!.end);
  }
  changeInstants.set(notice, Object.freeze(instants));
  return instants;
}

/** A notice's (or view's) instants: its fields never change once it is made. */
const changeInstants = new WeakMap<Notice, readonly Date[]>();
