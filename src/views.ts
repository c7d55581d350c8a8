/**
 * Presentation helpers for the HTML pages: state names in words, their text
 * icons, window lengths and the like. Pure functions of the model, so pages
 * hold no logic of their own and these are unit-tested without a build.
 */
import { formatAvailability, serviceAvailability, type Availability, type DayAvailability } from './availability.ts';
import type { NoticeView, ServiceView, SiteModel } from './model.ts';
import type { Impact, Notice, NoticeType, UpdateStatus } from './notice.ts';
import { incidentEnd, maintenanceEnd, type ServiceState } from './state.ts';
import { localDate, MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS } from './zoned-format.ts';

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
type Tone = 'ok' | 'info' | 'maintenance' | 'minor' | 'major' | 'critical' | 'neutral';

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
const listFormats = new Map<string, Intl.ListFormat>();

export function joinNames(names: readonly string[], language = 'en'): string {
  let format = listFormats.get(language);
  if (!format) listFormats.set(language, (format = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' })));
  return format.format(names);
}

/** `count` with its noun, "1 notice" / "3 notices". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

export interface WindowView {
  start: Date;
  /** Undefined for an incident nobody has ended yet ("ongoing"). */
  end?: Date;
  /** Whole minutes from start to end, when there is an end. */
  minutes?: number;
  /** End on the same local day as start, so it can be shown as a time only. */
  sameDay: boolean;
  /**
   * The end the notice planned, when a maintenance completed before it: `end`
   * is then when it actually ended. Undefined otherwise.
   */
  plannedEnd?: Date;
  /** `plannedEnd` on the same local day as start. */
  plannedSameDay?: boolean;
}

/**
 * The window a page shows: an incident's end as incidentEnd says at "now" (the
 * written end, else the published `resolved` update, and none once an open
 * update reopens it); until then it is ongoing. A maintenance that a published
 * `completed` update ended before its planned end shows when it actually
 * ended, and the planned end beside it. The model keeps each notice's as
 * `NoticeView.shownWindow`.
 */
export function windowView(notice: Notice, now: Date, zone: string): WindowView | undefined {
  if (!notice.window) return undefined;
  const { start } = notice.window;
  const end = notice.type === 'incident' ? incidentEnd(notice, now) : notice.window.end;
  if (!end) return { start, sameDay: false };
  const shown = { start, end, minutes: minutesBetween(start, end), sameDay: sameLocalDay(start, end, zone) };
  if (notice.type !== 'maintenance') return shown;
  const ended = maintenanceEnd(notice, now);
  if (ended.getTime() >= end.getTime()) return shown;
  return {
    start,
    end: ended,
    minutes: minutesBetween(start, ended),
    sameDay: sameLocalDay(start, ended, zone),
    plannedEnd: end,
    plannedSameDay: sameLocalDay(start, end, zone),
  };
}

function minutesBetween(start: Date, end: Date): number {
  return Math.round((end.getTime() - start.getTime()) / 60_000);
}

function sameLocalDay(a: Date, b: Date, zone: string): boolean {
  const x = localDate(a, zone);
  const y = localDate(b, zone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

// ---------------------------------------------------------------------------
// Availability history, once per service per build.

const availabilityMemo = new WeakMap<ServiceView, { now: number; zone: string; value: Availability<NoticeView> }>();

/**
 * The 90-day availability of a service, from that service's own notices.
 * Computed once per service per build and shared by every page that shows it
 * (`/`, `/services/<id>/`): the service view objects are the same for every
 * page of one build, so they key the memo.
 */
export function availabilityOf(site: Pick<SiteModel, 'now' | 'config'>, service: ServiceView): Availability<NoticeView> {
  const zone = site.config.timezone;
  const cached = availabilityMemo.get(service);
  if (cached && cached.now === site.now.getTime() && cached.zone === zone) return cached.value;
  const value = serviceAvailability(service.notices, site.now, zone);
  availabilityMemo.set(service, { now: site.now.getTime(), zone, value });
  return value;
}

/** "Fri, Sep 12, 2008": a calendar day, without any zone arithmetic. */
export function dayLabelLong(day: { year: number; month: number; day: number }): string {
  const weekday = WEEKDAY_ABBREVIATIONS[new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay()];
  return `${weekday}, ${dayLabel(day, true)}`;
}

/** "Sep 12", or with the year "Sep 12, 2008". */
export function dayLabel(day: { year: number; month: number; day: number }, withYear = false): string {
  const label = `${MONTH_ABBREVIATIONS[day.month - 1]} ${day.day}`;
  return withYear ? `${label}, ${day.year}` : label;
}

/**
 * What one cell of the strip says: "Sep 12: 99.47%, 1 incident",
 * "Oct 2 (today): 100%, maintenance".
 */
export function dayText(day: DayAvailability, today = false): string {
  const parts = [`${dayLabel(day)}${today ? ' (today)' : ''}: ${formatAvailability(day.ratio, day.downtime)}`];
  if (day.incidents.length) parts.push(plural(day.incidents.length, 'incident'));
  if (day.maintenance.length) parts.push('maintenance');
  return parts.join(', ');
}

/** How a day looks in the strip: by its worst weighted incident, else maintenance, else fine. */
type DayLook = 'ok' | 'minor' | 'major' | 'critical' | 'maintenance';

export function dayLook(day: DayAvailability): DayLook {
  if (day.downtime > 0 && day.worst && day.worst !== 'none') return day.worst;
  if (day.maintenance.length) return 'maintenance';
  return 'ok';
}

/** A service page's "days with incidents or maintenance": the strip's days that had any, newest first. */
export function notableDays<N extends Notice>(availability: Availability<N>): DayAvailability<N>[] {
  return availability.days.filter((day) => day.incidents.length || day.maintenance.length).reverse();
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** 12345.6 -> "12,345.6" in the site's language. Memoized like joinNames. */
export function formatNumber(value: number, language = 'en'): string {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)));
  return format.format(value);
}

/**
 * How the pages name the site's zone: "Pacific Time" for America/Los_Angeles,
 * "Coordinated Universal Time" for UTC (where the generic name is only an offset).
 */
const zoneNames = new Map<string, string>();

/** Memoized: every page names the zone, and each Intl.DateTimeFormat is slow to make and holds native memory. */
export function zoneName(zone: string, language = 'en'): string {
  const key = `${zone}|${language}`;
  let name = zoneNames.get(key);
  if (name === undefined) zoneNames.set(key, (name = computeZoneName(zone, language)));
  return name;
}

function computeZoneName(zone: string, language = 'en'): string {
  const name = (style: 'longGeneric' | 'long') =>
    new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: style })
      .formatToParts(new Date(0))
      .find((part) => part.type === 'timeZoneName')?.value;
  const generic = name('longGeneric');
  return (generic && !/^GMT[+-]/.test(generic) ? generic : name('long')) ?? zone;
}
