/**
 * Presentation helpers for the HTML pages: state names in words, their text
 * icons, window lengths and the like. Pure functions of the model, so pages
 * hold no logic of their own and these are unit-tested without a build.
 */
import type { Impact, Notice, NoticeType, Update, UpdateStatus } from './notice.ts';
import { incidentEnd, type ServiceState } from './state.ts';
import { localDate } from './zoned-format.ts';

/** Any state or status a badge can show. */
export type StateName = ServiceState | UpdateStatus;

const STATE_WORDS: Record<StateName, string> = {
  operational: 'Operational',
  'degraded-performance': 'Degraded performance',
  'partial-outage': 'Partial outage',
  'major-outage': 'Major outage',
  'under-maintenance': 'Under maintenance',
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  scheduled: 'Scheduled',
  'in-progress': 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
  update: 'Update',
};

/** 'in-progress' -> "In progress", 'degraded-performance' -> "Degraded performance". */
export function stateLabel(state: StateName): string {
  return STATE_WORDS[state];
}

/**
 * How a state looks: a tone (the badge's colour class) and a text icon whose
 * shape differs between tones, so colour is never the only cue.
 */
export type Tone = 'ok' | 'info' | 'maintenance' | 'minor' | 'major' | 'critical' | 'neutral';

const STATE_LOOK: Record<StateName, { tone: Tone; icon: string }> = {
  operational: { tone: 'ok', icon: '✔' },
  'degraded-performance': { tone: 'minor', icon: '▲' },
  'partial-outage': { tone: 'major', icon: '◆' },
  'major-outage': { tone: 'critical', icon: '✖' },
  'under-maintenance': { tone: 'maintenance', icon: '■' },
  investigating: { tone: 'major', icon: '?' },
  identified: { tone: 'major', icon: '!' },
  monitoring: { tone: 'minor', icon: '◔' },
  resolved: { tone: 'ok', icon: '✔' },
  scheduled: { tone: 'info', icon: '◷' },
  'in-progress': { tone: 'maintenance', icon: '▶' },
  completed: { tone: 'ok', icon: '✔' },
  cancelled: { tone: 'neutral', icon: '⊘' },
  update: { tone: 'neutral', icon: '•' },
};

export function stateTone(state: StateName): Tone {
  return STATE_LOOK[state].tone;
}

export function stateIcon(state: StateName): string {
  return STATE_LOOK[state].icon;
}

const OVERALL_WORDS: Record<ServiceState, string> = {
  operational: 'All systems operational',
  'under-maintenance': 'Maintenance in progress',
  'degraded-performance': 'Degraded performance',
  'partial-outage': 'Partial outage',
  'major-outage': 'Major outage',
};

/** The home page banner for the site's overall state. */
export function overallLabel(state: ServiceState): string {
  return OVERALL_WORDS[state];
}

const TYPE_WORDS: Record<NoticeType, string> = { incident: 'Incident', maintenance: 'Maintenance', notice: 'Notice' };

export function typeLabel(type: NoticeType): string {
  return TYPE_WORDS[type];
}

const IMPACT_WORDS: Record<Impact, string> = { none: 'None', minor: 'Minor', major: 'Major', critical: 'Critical' };

export function impactLabel(impact: Impact): string {
  return IMPACT_WORDS[impact];
}

/** ["Jared", "Nathan"] -> "Jared and Nathan", in the site's language. */
export function joinNames(names: readonly string[], language = 'en'): string {
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(names);
}

/** `count` with its noun, "1 notice" / "3 notices". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/**
 * Updates published by `now`, oldest first. Like the derived state, pages never
 * tell what has not been said yet.
 */
export function updatesAsOf(notice: Notice, now: Date): Update[] {
  return notice.updates.filter((update) => update.at.getTime() <= now.getTime());
}

export interface WindowView {
  start: Date;
  /** Undefined for an incident nobody has ended yet ("ongoing"). */
  end?: Date;
  /** Whole minutes from start to end, when there is an end. */
  minutes?: number;
  /** End on the same local day as start, so it can be shown as a time only. */
  sameDay: boolean;
}

/**
 * The window a page shows: for an incident without an `end`, the `resolved`
 * update ends it once that update is published; until then it is ongoing.
 */
export function windowView(notice: Notice, now: Date, zone: string): WindowView | undefined {
  if (!notice.window) return undefined;
  const { start } = notice.window;
  let end = notice.window.end;
  if (notice.type === 'incident' && !end) {
    const resolved = incidentEnd(notice);
    if (resolved && resolved.getTime() <= now.getTime()) end = resolved;
  }
  if (!end) return { start, sameDay: false };
  return { start, end, minutes: minutesBetween(start, end), sameDay: sameLocalDay(start, end, zone) };
}

export function minutesBetween(start: Date, end: Date): number {
  return Math.round((end.getTime() - start.getTime()) / 60_000);
}

export function sameLocalDay(a: Date, b: Date, zone: string): boolean {
  const x = localDate(a, zone);
  const y = localDate(b, zone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}
