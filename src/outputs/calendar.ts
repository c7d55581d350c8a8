/**
 * `/maintenance.ics` and `/services/<id>/maintenance.ics` (spec §5): iCalendar
 * (RFC 5545) with one event per maintenance notice, written by ical-generator.
 *
 * - UID: the notice's absolute permalink. It depends on the date and file name
 *   only, so editing a title or body never changes it, and a calendar that
 *   imported the event updates it in place.
 * - DTSTART/DTEND: the window, in UTC (`Z`), so no client has to know the zone;
 *   a maintenance a `completed` update ended early ends then.
 * - SEQUENCE: the number of timeline entries at the build's "now" (published
 *   updates, and a start or end said by the clock: NoticeView.timeline); it grows
 *   whenever the notice gains one (RFC 5545 §3.8.7.4).
 * - DTSTAMP and LAST-MODIFIED: the latest of the notice's date and its timeline
 *   entries, never the build time, so the same input gives byte-identical files.
 *   CREATED: the notice's date.
 * - STATUS: CANCELLED for a cancelled maintenance, else CONFIRMED.
 * - TRANSP: TRANSPARENT: a maintenance window is not the subscriber's busy time.
 * - SUMMARY: the title; DESCRIPTION: window, services, body and updates as
 *   text, ending with the notice's URL (also in URL).
 * Lines end with CRLF, including the last, and are folded at 75 octets.
 * A calendar holds the last year's windows and every upcoming one (CALENDAR_PAST_DAYS, src/model/calendar-notices.ts).
 * Before the events comes the site zone's VTIMEZONE (timezones-ical-library):
 * the events do not need it (they are in UTC), but RFC 5545 requires a
 * calendar to hold at least one component, so a calendar with no event in
 * its reach is still a valid one.
 */
import ical, {
  escape,
  foldLines,
  ICalEvent,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalCalendar,
  type ICalEventData,
} from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { calendarNotices } from '../model/calendar-notices.ts';
import type { NoticeView, ServiceView, SiteModel } from '../model/model.ts';
import type { EventTextCache } from '../model/theme.ts';
import { lastChanged, noticeText, noticeUrl, servicesOf } from './common.ts';
import { CALENDAR_OUTPUT } from './registry.ts';
import { scrub } from './scrub.ts';

/** The calendar's file name, in the same folder as the feeds ('/' or a service's url). */
export const CALENDAR_FILE = CALENDAR_OUTPUT.file;

/**
 * The `webcal://` address of a calendar at absolute URL `url`: desktop and
 * phone calendars subscribe to it (and refresh it), where most of them treat
 * an https link as a one-off import.
 */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}

/** Calendar refresh hint for subscribers (REFRESH-INTERVAL, X-PUBLISHED-TTL): one hour. */
const REFRESH_SECONDS = 60 * 60;

/**
 * The maintenance calendar of the site, or of one service. With `cache` (one
 * per site, kept between its builds), an event already folded for this build
 * or the previous one is not folded again (see foldedEvent).
 */
export function renderCalendar(site: SiteModel, service?: ServiceView, cache: CalendarEventCache = site.theme.calendarEvents): string {
  const { config } = site;
  const title = service
    ? site.locale.t('calendar.service_title', { site: config.title, service: service.name })
    : site.locale.t('calendar.title', { site: config.title });
  const path = `${service ? service.url : '/'}${CALENDAR_FILE}`;
  const calendar = ical({
    prodId: { company: 'noticeboard', product: 'maintenance calendar', language: 'EN' },
    // ical-generator writes the calendar's name and description unescaped.
    name: escape(scrub(title).replace(/\n/g, ' '), false),
    description: escape(scrub(service ? service.description || title : config.description || title), false),
    url: `${config.url}${path}`,
    ttl: REFRESH_SECONDS,
  });
  const events = calendarNotices(service ? service.notices : site.notices, site.now).map((notice) => noticeEvent(cache, site, calendar, notice));
  // The calendar without events ends with END:VCALENDAR, where its zone and events go.
  const empty = calendar.toString();
  const end = empty.lastIndexOf('END:VCALENDAR');
  return `${empty.slice(0, end)}${vtimezone(config.timezone)}${events.join('')}${empty.slice(end)}\r\n`;
}

/**
 * The zone's VTIMEZONE, CRLF-terminated; UTC's for a zone the library does not
 * know. Made once per zone: the library unpacks its whole zone database on
 * every look-up (some 6 ms), and every calendar (the site's and each
 * service's) asks for the same block. A pure memo, the same for every site,
 * bounded by the zones there are.
 */
function vtimezone(zone: string): string {
  let text = vtimezones.get(zone);
  if (text === undefined) {
    const block = tzlib_get_ical_block(zone)[0] || tzlib_get_ical_block('Etc/UTC')[0];
    vtimezones.set(zone, (text = `${block}\r\n`));
  }
  return text;
}

const vtimezones = new Map<string, string>();

function eventData(site: SiteModel, notice: NoticeView): ICalEventData {
  const changed = lastChanged(notice);
  const url = noticeUrl(site, notice);
  return {
    id: url,
    sequence: notice.timeline.length,
    stamp: changed,
    created: notice.date,
    lastModified: changed,
    start: notice.window!.start,
    // A maintenance completed early ends when it did (as its page shows), not as planned.
    end: notice.shownWindow?.end ?? notice.window!.end!,
    summary: scrub(notice.title),
    description: noticeText(site, notice),
    url,
    status: notice.state === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    transparency: ICalEventTransparency.TRANSPARENT,
    categories: servicesOf(site, notice).map((item) => ({ name: scrub(item.name) })),
  };
}

/**
 * A notice's event as folded iCalendar text, made once per model: the site's
 * calendar and each of its services' calendars hold the same event, and its
 * data (the notice as text, the key of foldedEvent) is costly to make.
 */
function noticeEvent(cache: CalendarEventCache, site: SiteModel, calendar: ICalCalendar, notice: NoticeView): string {
  let text = noticeEvents.get(notice);
  if (text === undefined) noticeEvents.set(notice, (text = foldedEvent(cache, site, calendar, eventData(site, notice))));
  return text;
}

/** A view belongs to one model, or to the next ones of the same config and "now" (model.ts keeps it): a safe key. */
const noticeEvents = new WeakMap<NoticeView, string>();

/**
 * One event as folded iCalendar text (BEGIN:VEVENT to END:VEVENT), made once
 * for the same data. ical-generator 10 folds a calendar's lines in one pass
 * over its whole text that costs about a microsecond per character (it makes a
 * TextEncoder for each), some 2 ms per event: most of a large archive's
 * calendar time, paid again by every calendar an event is in and on every
 * `npm start` rebuild. (Version 11 fixes that but needs Node 22.) Folding works
 * line by line, so folding each event on its own gives the same bytes; the
 * data, turned to JSON, is the key, so any change to an event is a new entry.
 */
function foldedEvent(cache: CalendarEventCache, site: SiteModel, calendar: ICalCalendar, data: ICalEventData): string {
  if (cache.build !== site) {
    // A new build: keep what the last one used, drop anything older.
    cache.build = site;
    cache.previous = cache.current;
    cache.current = new Map();
  }
  const key = JSON.stringify(data);
  let text = cache.current.get(key) ?? cache.previous.get(key);
  if (text === undefined) text = foldLines(new ICalEvent(data, calendar).toString());
  cache.current.set(key, text);
  return text;
}

/** Folded events by their data: those of the current build's model and of the one before. */
export type CalendarEventCache = EventTextCache;
