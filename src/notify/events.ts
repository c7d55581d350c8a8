/**
 * The events subscribers hear about, derived from the notices at "now": a
 * notice is posted, an update is published, a maintenance reminder comes due,
 * a maintenance starts and ends by the clock. Each has a stable id made from
 * the notice's permalink and the instant it is about, never from a title, so
 * editing a notice's text changes no id and a rerun recognises what it sent.
 */
import type { Notice, Update } from '../content/notice.ts';
import { isPublishedAt, maintenanceEnd, noticeState, type NoticeState } from '../model/state.ts';

export const EVENT_KINDS = ['posted', 'update', 'reminder', 'started', 'ended'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface NotifyEvent<N extends Notice = Notice> {
  /** e.g. `/2008/10/01/san-jose-pop-retrofit/#started`; the idempotency key receivers see. */
  id: string;
  kind: EventKind;
  /** When the event happened (and became due). */
  at: Date;
  notice: N;
  /** The update an `update` event is about. */
  update?: Update;
  /** The notice's state just after the event. */
  state: NoticeState;
}

/**
 * Every event that has happened by `now`, oldest first. Which of them to
 * send is the caller's business (the state file knows what was sent).
 * `reminderMinutes` is the lead time of maintenance reminders (0: none).
 */
export function eventsAsOf<N extends Notice>(notices: readonly N[], now: Date, reminderMinutes: number): NotifyEvent<N>[] {
  const events: NotifyEvent<N>[] = [];
  for (const notice of notices) {
    if (!isPublishedAt(notice, now)) continue;
    const event = (kind: EventKind, at: Date, suffix: string = kind, update?: Update) =>
      events.push({ id: `${notice.url}#${suffix}`, kind, at, notice, update, state: noticeState(notice, at) });
    event('posted', notice.date);

    const sameInstant = new Map<number, number>();
    for (const update of notice.updates) {
      if (update.at.getTime() > now.getTime()) continue;
      const n = sameInstant.get(update.at.getTime()) ?? 0;
      sameInstant.set(update.at.getTime(), n + 1);
      event('update', update.at, `update-${update.at.toISOString()}${n ? `-${n + 1}` : ''}`, update);
    }

    if (notice.type === 'maintenance') {
      for (const [kind, at] of maintenanceClock(notice, now, reminderMinutes)) event(kind, at);
    }
  }
  return events.sort(byTime);
}

/**
 * Oldest first; at one instant, in EVENT_KINDS order, and any other kind (a
 * service's state change) after them, as Statuspage sends a component's
 * update after the incident that caused it.
 */
export function byTime(a: { at: Date; kind: string; id: string }, b: { at: Date; kind: string; id: string }): number {
  const order = (kind: string) => {
    const index = EVENT_KINDS.indexOf(kind as EventKind);
    return index < 0 ? EVENT_KINDS.length : index;
  };
  return a.at.getTime() - b.at.getTime() || order(a.kind) - order(b.kind) || a.id.localeCompare(b.id);
}

/**
 * A maintenance's events by the clock, due by `now`. Each happens only after
 * the notice was posted (a notice posted late already says where things
 * stand), and only while the maintenance still stands: a cancellation
 * published before the instant stops it, and an end already announced by a
 * `completed` update is not announced again. A reminder that comes due only
 * once the window has begun is dropped: the start says more.
 */
function maintenanceClock(notice: Notice, now: Date, reminderMinutes: number): [EventKind, Date][] {
  const start = notice.window!.start;
  const end = maintenanceEnd(notice, now);
  const clock: [EventKind, Date][] = [];
  const due = (at: Date) => at.getTime() > notice.date.getTime() && at.getTime() <= now.getTime();
  const standing = (at: Date, expected: NoticeState) => noticeState(notice, at) === expected;

  if (reminderMinutes > 0) {
    const reminder = new Date(start.getTime() - reminderMinutes * 60_000);
    if (due(reminder) && now.getTime() < start.getTime() && standing(reminder, 'scheduled')) clock.push(['reminder', reminder]);
  }
  if (due(start) && start.getTime() < end.getTime() && standing(start, 'in-progress')) clock.push(['started', start]);
  const endedByUpdate = notice.updates.some((update) => update.status === 'completed' && update.at.getTime() === end.getTime());
  if (due(end) && !endedByUpdate && standing(end, 'completed')) clock.push(['ended', end]);
  return clock;
}

/** Whether a channel with these filters wants the event: a notice naming no services concerns everyone. */
export function matchesFilter(event: NotifyEvent, filter: { services?: readonly string[]; types?: readonly string[] }): boolean {
  if (filter.types && !filter.types.includes(event.notice.type)) return false;
  if (filter.services && event.notice.services.length) {
    return event.notice.services.some((id) => filter.services!.includes(id));
  }
  return true;
}
