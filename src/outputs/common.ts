/**
 * What every machine-readable output says about a notice, computed one way:
 * absolute URLs, the instant a notice last changed, stable ids, and the notice
 * as HTML and as plain text. Like the pages, outputs show the notice's
 * timeline at the build's "now" (`NoticeView.timeline`: the updates published
 * by then, and a maintenance's start and end said by the clock).
 *
 * Nothing here reads the clock: every instant comes from the notices or from
 * `site.now`, so the same input and the same STATUS_NOW give the same bytes.
 */
import { createHash } from 'node:crypto';
import { html, trusted, type SafeHtml } from '../pages/html.ts';
import { newestFirst } from '../model/latest-first.ts';
import type { NoticeView, ServiceView, SiteModel } from '../model/model.ts';
import type { Notice } from '../content/notice.ts';
import { stateLabel, typeLabel } from '../model/views.ts';
import { isoInZone } from '../time/zoned-format.ts';
import { absolutizeLinks } from './absolute-links.ts';
import { scrub } from './scrub.ts';

/** `path` (site-relative, starting with `/`) as an absolute URL on the site. */
export function siteUrl(site: SiteModel, path: string): string {
  return `${site.config.url}${path}`;
}

/** A notice's permalink as an absolute URL: its feed id, and the root of its calendar UID. */
export function noticeUrl(site: SiteModel, notice: Notice): string {
  return siteUrl(site, notice.url);
}

/** When the notice last changed: its latest timeline entry, else its date (spec §5 `updated`). */
export function lastChanged(notice: NoticeView): Date {
  let latest = notice.date;
  for (const update of notice.timeline) {
    if (update.at.getTime() > latest.getTime()) latest = update.at;
  }
  return latest;
}

/** The latest of `instants`, or undefined for none. */
export function latestOf(instants: Iterable<Date>): Date | undefined {
  let latest: Date | undefined;
  for (const instant of instants) if (!latest || instant.getTime() > latest.getTime()) latest = instant;
  return latest;
}

/**
 * A short, stable id for anything the outputs name (Statuspage ids): the first
 * 12 base-36 digits of SHA-256 over `key`. Keys are built from permalinks and
 * service ids, never from titles, so editing a title keeps every id.
 */
export function stableId(key: string): string {
  const digest = createHash('sha256').update(key).digest();
  let id = '';
  for (let i = 0; id.length < 12; i++) id += (digest[i]! % 36).toString(36);
  return id;
}

/** An instant as ISO 8601 with milliseconds and the site zone's offset, e.g. 2008-09-30T00:01:00.000-07:00. */
export function isoWithOffset(instant: Date, zone: string): string {
  return isoInZone(instant, zone, { milliseconds: true });
}

/**
 * The services a notice names, in the catalog's order: how feeds, calendars
 * and the API list them. (Pages list them in the notice's own order.)
 */
export function servicesOf(site: SiteModel, notice: Notice): ServiceView[] {
  return site.services.filter((service) => notice.services.includes(service.id));
}

/** "Tue, Sep 30, 2008, 12:01 AM PDT – 12:06 AM PDT", or "from … (ongoing)"; undefined for a notice without a window. */
function windowText(site: SiteModel, notice: NoticeView): string | undefined {
  const zone = site.config.timezone;
  const window = notice.shownWindow;
  if (!window) return undefined;
  const start = site.locale.dates.dateTime(window.start, zone);
  if (!window.end) return site.locale.t('feed.window_ongoing', { start });
  return `${start} – ${site.locale.dates.dateTime(window.end, zone)}`;
}

/**
 * The whole notice as HTML for a feed entry: what it is and when, then the
 * update timeline newest first ending with the notice as first posted (the
 * body), with every link absolute and every character an XML document may carry.
 */
export function noticeHtml(site: SiteModel, notice: NoticeView): string {
  // Every feed that carries a notice (site-wide and per service, three formats
  // each) shows the same HTML: build it once per notice and build.
  let cached = htmlCache.get(notice);
  if (cached === undefined) htmlCache.set(notice, (cached = renderNoticeHtml(site, notice)));
  return cached;
}

/** A view belongs to one model, or to the next ones of the same config and "now" (model.ts keeps it): a safe key. */
const htmlCache = new WeakMap<NoticeView, string>();

function renderNoticeHtml(site: SiteModel, notice: NoticeView): string {
  const zone = site.config.timezone;
  const { locale } = site;
  const at = (instant: Date) => html`<time datetime="${isoInZone(instant, zone)}">${locale.dates.dateTime(instant, zone)}</time>`;
  const services = servicesOf(site, notice).map((service) => service.name);
  const window = windowText(site, notice);
  const facts: SafeHtml[] = [html`<strong>${typeLabel(notice.type, locale)}</strong>`];
  if (services.length) facts.push(html`${locale.t('feed.services', { services: services.join(', ') })}`);
  if (window) facts.push(html`${locale.t('feed.window', { window })}`);
  // Newest first, the notice as first posted last, as the pages show it (src/latest-first.ts).
  const updates = newestFirst(notice.timeline);
  const markup = html`<p>${facts.map((fact, index) => (index ? html` · ${fact}` : fact))}</p>
${updates.length
    ? html`<h3>${locale.t('feed.updates')}</h3>
${updates.map(
  (update) => html`<h4>${at(update.at)}: ${stateLabel(update.status, locale)}</h4>
${trusted(update.html)}`,
)}<h4>${at(notice.date)}: ${locale.t('feed.posted')}</h4>
`
    : ''}${trusted(notice.html)}`;
  return scrub(absolutizeLinks(markup.toString(), noticeUrl(site, notice), site.config.url));
}

/**
 * The notice as plain text for a calendar event's DESCRIPTION: the window,
 * the services, the body and updates as written (Markdown reads as text),
 * and the notice's URL last.
 */
export function noticeText(site: SiteModel, notice: NoticeView): string {
  const zone = site.config.timezone;
  const { locale } = site;
  const lines: string[] = [];
  const window = windowText(site, notice);
  if (window) lines.push(locale.t('feed.window', { window }));
  const services = servicesOf(site, notice).map((service) => service.name);
  if (services.length) lines.push(locale.t('feed.services', { services: services.join(', ') }));
  // Newest first, the notice as first posted last, as the pages and feeds show it.
  for (const update of newestFirst(notice.timeline)) {
    lines.push('', `${stateLabel(update.status, locale)} (${locale.dates.dateTime(update.at, zone)}): ${update.body.trim()}`);
  }
  lines.push('', notice.body.trim());
  lines.push('', noticeUrl(site, notice));
  return scrub(lines.join('\n'));
}
