/**
 * A notice's timeline at "now": the updates published by then, oldest first,
 * plus what the clock said on its own. A maintenance that began by the clock
 * gets an `in-progress` entry at its window's start, and one that ended by the
 * clock a `completed` entry at its end, as Statuspage records them, unless an
 * update of that status was published. Derived once per notice in the model
 * (`NoticeView.timeline`) so pages, feeds, calendars and the API show the same.
 */
import type { Notice, Update, UpdateStatus } from '../content/notice.ts';
import { maintenanceEnd, maintenanceState, updatesAsOf } from './state.ts';

export interface TimelineEntry extends Update {
  /** Set on an entry the clock made (no one wrote it): pages and outputs may say so. */
  synthesised?: true;
}

/** What the clock's entries say, in the site's language (src/i18n/: `timeline.in-progress`, `timeline.completed`). */
export interface SynthesisedBodies {
  'in-progress': string;
  completed: string;
}

const ENGLISH_BODIES: SynthesisedBodies = {
  'in-progress': 'The maintenance has begun.',
  completed: 'The maintenance is complete.',
};

function synthesised(status: keyof SynthesisedBodies, at: Date, bodies: SynthesisedBodies): TimelineEntry {
  const body = bodies[status];
  return { at, status, body, html: `<p>${body}</p>\n`, synthesised: true };
}

export function timelineAsOf(notice: Notice, now: Date, bodies: SynthesisedBodies = ENGLISH_BODIES): TimelineEntry[] {
  const published: TimelineEntry[] = updatesAsOf(notice, now);
  if (notice.type !== 'maintenance') return published;
  const has = (status: UpdateStatus) => published.some((update) => update.status === status);
  const start = notice.window!.start;
  const end = maintenanceEnd(notice, now);
  const cancelledBeforeStart = published.some((update) => update.status === 'cancelled' && update.at.getTime() <= start.getTime());
  const added: TimelineEntry[] = [];
  if (start.getTime() <= now.getTime() && end.getTime() > start.getTime() && !cancelledBeforeStart && !has('in-progress')) {
    added.push(synthesised('in-progress', start, bodies));
  }
  if (maintenanceState(notice, now) === 'completed' && !has('completed')) added.push(synthesised('completed', end, bodies));
  if (!added.length) return published;
  // Stable: a synthesised entry follows the written updates of the same instant.
  return [...published, ...added].sort((a, b) => a.at.getTime() - b.at.getTime());
}
