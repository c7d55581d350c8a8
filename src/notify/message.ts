/**
 * What one event says, before any medium's formatting: a label ("Maintenance
 * scheduled"), the subject line, the facts (window, services, impact), what
 * was written (as Markdown source and as the site's rendered HTML) and the
 * link. Channel formatters (email.ts, slack.ts, teams.ts, webhook.ts) only
 * escape and arrange these; none of them decides what to say.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { escapeHtml } from '../pages/html.ts';
import type { SiteModel } from '../model/model.ts';
import { absolutizeLinks } from '../outputs/absolute-links.ts';
import { noticeUrl, servicesOf } from '../outputs/common.ts';
import { scrub } from '../outputs/scrub.ts';
import { incidentEnd } from '../model/state.ts';
import { createLocale } from '../i18n/locale.ts';
import { impactLabel, stateLabel, typeLabel } from '../model/views.ts';
import { formatDateTime, formatMinutes, formatTime } from '../time/zoned-format.ts';
import type { NotifyEvent } from './events.ts';

/** Messages are composed in English, as before the pages had languages (docs/languages.md). */
const ENGLISH = createLocale({ language: 'en' });

export interface NotifyMessage {
  event: NotifyEvent;
  /** "Maintenance scheduled", "Incident identified", "Maintenance reminder". */
  label: string;
  /** "[Maintenance scheduled] San Jose POP retrofit, Thu Oct 2 00:01 PDT" */
  subject: string;
  title: string;
  facts: { name: string; value: string }[];
  /** What was written, as Markdown source (reads as plain text). */
  text: string;
  /** The same as HTML: the site's own rendering (escaped unless the site allows raw HTML), links absolute. */
  html: string;
  /** The notice's absolute permalink. */
  url: string;
}

/** "Thu Oct 2 00:01 PDT": short enough for a subject line, with the zone. */
export function shortTime(instant: Date, zone: string): string {
  const zoneName = formatTime(instant, zone).split(' ').at(-1);
  return `${format(new TZDate(instant.getTime(), zone), 'EEE MMM d HH:mm')} ${zoneName}`;
}

export function composeMessage(site: SiteModel, event: NotifyEvent): NotifyMessage {
  const zone = site.config.timezone;
  const { notice } = event;
  const url = noticeUrl(site, notice);
  const label = labelOf(event);
  const subjectTime = notice.window?.start ?? event.at;
  const written = writtenText(event, zone, site.config.notify.reminderMinutes);
  return {
    event,
    label,
    subject: scrub(`[${label}] ${notice.title}, ${shortTime(subjectTime, zone)}`),
    title: scrub(notice.title),
    facts: factsOf(site, event),
    text: scrub(written.text),
    html: scrub(absolutizeLinks(written.html, url)),
    url,
  };
}

function labelOf(event: NotifyEvent): string {
  const type = typeLabel(event.notice.type, ENGLISH);
  switch (event.kind) {
    case 'reminder':
      return `${type} reminder`;
    case 'update':
      // A notice has no state: its updates are just updates.
      return event.state ? `${type} ${stateLabel(event.update!.status === 'update' ? 'update' : event.state, ENGLISH).toLowerCase()}` : `${type} update`;
    default:
      return event.state ? `${type} ${stateLabel(event.state, ENGLISH).toLowerCase()}` : type;
  }
}

function writtenText(event: NotifyEvent, zone: string, reminderMinutes: number): { text: string; html: string } {
  const { notice } = event;
  const sentence = (text: string) => ({ text, html: `<p>${escapeHtml(text)}</p>` });
  switch (event.kind) {
    case 'posted':
      return { text: notice.body.trim(), html: notice.html };
    case 'update':
      return { text: event.update!.body.trim(), html: event.update!.html };
    case 'reminder':
      return sentence(`This maintenance starts in ${formatMinutes(reminderMinutes)}, at ${formatDateTime(notice.window!.start, zone)}.`);
    case 'started':
      return sentence(`This maintenance has started. It is planned to end at ${formatDateTime(notice.window!.end!, zone)}.`);
    case 'ended':
      return sentence(`This maintenance ended at ${formatDateTime(event.at, zone)}.`);
  }
}

function factsOf(site: SiteModel, event: NotifyEvent): { name: string; value: string }[] {
  const zone = site.config.timezone;
  const { notice } = event;
  const facts: { name: string; value: string }[] = [];
  if (notice.window) {
    const end = notice.type === 'incident' ? incidentEnd(notice, event.at) : notice.window.end;
    const start = formatDateTime(notice.window.start, zone);
    const ended = end && end.getTime() <= event.at.getTime();
    facts.push({
      name: notice.type === 'maintenance' ? 'Window' : 'Started',
      value: end && (notice.type === 'maintenance' || ended) ? `${start} – ${formatDateTime(end, zone)}` : start,
    });
  }
  const services = servicesOf(site, notice).map((service) => service.name);
  if (services.length) facts.push({ name: 'Services', value: services.join(', ') });
  if (notice.type !== 'notice') facts.push({ name: 'Impact', value: impactLabel(notice.impact, ENGLISH) });
  if (event.kind === 'update') facts.push({ name: 'Posted', value: formatDateTime(event.at, zone) });
  return facts.map((fact) => ({ name: fact.name, value: scrub(fact.value) }));
}
