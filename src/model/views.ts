/**
 * Presentation helpers for the HTML pages: state names in words, their text
 * icons, availability cells, the zone's name. Pure functions of the model, so pages
 * hold no logic of their own and these are unit-tested without a build.
 */
import { formatAvailability, serviceAvailability, type Availability, type DayAvailability } from './availability.ts';
import type { NoticeView, ServiceView, SiteModel } from './site-model.ts';
import type { Impact, Notice, NoticeType, UpdateStatus } from '../content/notice.ts';
import type { ServiceState } from './state.ts';
import type { Locale } from '../i18n/locale.ts';

/** Any state or status a badge can show. */
export type StateName = ServiceState | UpdateStatus;

/** 'in-progress' -> "In progress", 'degraded-performance' -> "Degraded performance", in the site's language. */
export function stateLabel(state: StateName, locale: Locale): string {
  return locale.t(`state.${state}`);
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

/** The home page banner for the site's overall state. */
export function overallLabel(state: ServiceState, locale: Locale): string {
  return locale.t(`overall.${state}`);
}

export function typeLabel(type: NoticeType, locale: Locale): string {
  return locale.t(`type.${type}`);
}

export function impactLabel(impact: Impact, locale: Locale): string {
  return locale.t(`impact.${impact}`);
}

// ---------------------------------------------------------------------------
// Availability history, once per service per build.

const availabilityMemo = new WeakMap<ServiceView, { now: number; zone: string; value: Availability<NoticeView> }>();

/**
 * Carries the 90-day availability worked out for `before`, a service of the
 * previous model, over to `after`, the same service in a rebuild's model
 * with the same notices (not among the rebuild's changed services) and the
 * same config: the preview's rebuild then works out only the changed
 * services' (all twelve took some 25 ms at 10,000 notices). The memo's "now"
 * is checked on use as ever, so one carried across a moved "now" is not used.
 */
export function keepAvailability(before: ServiceView, after: ServiceView): void {
  const cached = availabilityMemo.get(before);
  if (cached) availabilityMemo.set(after, cached);
}

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

/**
 * What one cell of the strip says: "Sep 12: 99.47%, 1 incident",
 * "Oct 2 (today): 100%, maintenance".
 */
export function dayText(day: DayAvailability, locale: Locale, today = false): string {
  const label = locale.dates.day(day);
  const parts = [`${today ? locale.t('strip.today', { day: label }) : label}: ${formatAvailability(day.ratio, day.downtime)}`];
  if (day.incidents.length) parts.push(locale.count('count.incidents', day.incidents.length));
  if (day.maintenance.length) parts.push(locale.t('strip.maintenance'));
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
