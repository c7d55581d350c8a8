/**
 * The feeds (spec §5): RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest
 * `feed_items` notices, site-wide and per service, written by the `feed`
 * package.
 *
 * - One entry per notice. Its id is the notice's absolute permalink, which
 *   depends on the date and file name only, so editing a title or body never
 *   changes it. RSS gives it as a permalink guid.
 * - `published` is the notice's date; `updated` the latest update published by
 *   the build's "now" (else the date). RSS has only pubDate: the date.
 * - The content is the body and the whole update timeline as HTML, with every
 *   link absolute; the summary is the notice's one-line summary.
 * - Categories name the notice type and its services (term = service id,
 *   scheme/domain = the services page); authors are the notice's authors (RSS,
 *   whose <author> must be an e-mail address, carries them as dc:creator).
 * - A feed's own updated time (Atom <updated>, RSS <lastBuildDate>) is its
 *   newest entry's `updated`, never the build time, so the same input gives
 *   byte-identical feeds. An empty feed uses the newest change on the whole
 *   site, else the Unix epoch.
 *
 * The `feed` package writes JSON Feed 1.0 (`author`, one per item); we upgrade
 * its output to JSON Feed 1.1 (`authors`, `language`). Its XML writer needs
 * help with crafted text: see xml-safe.ts.
 */
import { Feed, type Category, type Item } from 'feed';
import { escapeHtml } from '../pages/html.ts';
import type { NoticeView, ServiceView, SiteModel } from '../model/model.ts';
import { typeLabel } from '../model/views.ts';
import { CALENDAR_OUTPUT, FEED_OUTPUTS, outputPath } from './registry.ts';
import { lastChanged, latestOf, noticeHtml, noticeUrl, servicesOf, siteUrl } from './common.ts';
import { scrub, scrubDeep } from './scrub.ts';
import { atomText, cdataStandIn, finishXml, scrubbedXmlCdata, xmlAttribute, xmlCdata, xmlEscapedAttribute, xmlText } from './xml-safe.ts';

export const FEED_FORMATS = FEED_OUTPUTS.map((output) => output.name);
type FeedFormat = (typeof FEED_OUTPUTS)[number]['name'];

/** Where each format is written, relative to the feed's base folder ('/' or a service's url). */
export const FEED_FILES = Object.fromEntries(FEED_OUTPUTS.map((output) => [output.name, output.file])) as Record<FeedFormat, string>;

/** A feed or the calendar: where pages link it and the output templates write it. */
export interface OutputLink {
  format: FeedFormat | typeof CALENDAR_OUTPUT.name;
  title: string;
  /** Site-relative. */
  href: string;
  /** Media type. */
  type: string;
  /** How a page links it (`<link rel>`). */
  rel: 'alternate';
}

function link(output: (typeof FEED_OUTPUTS)[number] | typeof CALENDAR_OUTPUT, base: string): OutputLink {
  return { format: output.name, title: output.title, href: outputPath(output, base), type: output.mediaType, rel: output.rel };
}

/** The feeds in folder `base` ('/' for the site, a service's url): what `<link rel="alternate">` names. */
export function feedLinks(base: string): OutputLink[] {
  return FEED_OUTPUTS.map((output) => link(output, base));
}

/** The feeds and the maintenance calendar in folder `base`: every output there to subscribe to. */
export function outputLinks(base: string): OutputLink[] {
  return [...feedLinks(base), link(CALENDAR_OUTPUT, base)];
}

/** What one feed covers. */
interface FeedScope {
  title: string;
  description: string;
  /** Site-relative URL of the page the feed follows. */
  home: string;
  /** Site-relative folder the feed files live in: '/' for the site, the service's url for a service. */
  base: string;
  /** Newest first, at most `feed_items`. */
  notices: NoticeView[];
}

export function siteFeedScope(site: SiteModel): FeedScope {
  return {
    title: site.config.title,
    description: site.config.description,
    home: '/',
    base: '/',
    notices: site.notices.slice(0, site.config.feed_items),
  };
}

export function serviceFeedScope(site: SiteModel, service: ServiceView): FeedScope {
  return {
    title: site.locale.t('feed.service_title', { site: site.config.title, service: service.name }),
    description: service.description || site.locale.t('feed.service_description', { service: service.name }),
    home: service.url,
    base: service.url,
    notices: service.notices.slice(0, site.config.feed_items),
  };
}

/** The feed's own updated time: its newest entry's, else the site's newest change, else the epoch. */
function feedUpdated(site: SiteModel, notices: readonly NoticeView[]): Date {
  return latestOf(notices.map(lastChanged)) ?? siteChanged(site) ?? new Date(0);
}

/** The site's newest change, once per model: every empty feed (each service's, in each format) asks. */
function siteChanged(site: SiteModel): Date | undefined {
  if (!siteChanges.has(site)) siteChanges.set(site, latestOf(site.notices.map(lastChanged)));
  return siteChanges.get(site);
}

const siteChanges = new WeakMap<SiteModel, Date | undefined>();

/** Text encoders for where each value lands in the chosen format. */
interface Encoders {
  text(text: string): string;
  cdata(text: string): string;
  /** An attribute the feed package escapes `&` in itself. */
  escapedAttribute(text: string): string;
  attribute(text: string): string;
}

const XML: Encoders = { text: xmlText, cdata: xmlCdata, escapedAttribute: xmlEscapedAttribute, attribute: xmlAttribute };
const JSON_TEXT: Encoders = { text: scrub, cdata: scrub, escapedAttribute: scrub, attribute: scrub };

function categories(site: SiteModel, notice: NoticeView, format: FeedFormat, enc: Encoders): Category[] {
  const servicesPage = siteUrl(site, '/services/');
  const type: Category =
    format === 'atom'
      ? { term: enc.escapedAttribute(notice.type), name: enc.escapedAttribute(typeLabel(notice.type, site.locale)) }
      : { name: enc.text(typeLabel(notice.type, site.locale)) };
  return [
    type,
    ...servicesOf(site, notice).map((service): Category =>
      format === 'atom'
        ? { term: enc.escapedAttribute(service.id), name: enc.escapedAttribute(service.name), scheme: servicesPage }
        : { name: enc.text(service.name), domain: enc.attribute(servicesPage) },
    ),
  ];
}

/** A notice's entry in one format, without its content, and the content apart (see cdataStandIn). */
interface Entry {
  item: Item;
  /** Scrubbed; for XML, with the CDATA end guarded (scrubbedXmlCdata). */
  content: string;
}

function entry(site: SiteModel, notice: NoticeView, format: FeedFormat): Entry {
  const enc = format === 'json' ? JSON_TEXT : XML;
  const url = noticeUrl(site, notice);
  // Atom titles and summaries are plain text (type="text", see atomText), so
  // every reader shows them as written. RSS descriptions are HTML by
  // convention: the summary is escaped as HTML there.
  const title = format === 'atom' ? atomText(notice.title) : enc.cdata(notice.title);
  const summary =
    format === 'atom' ? atomText(notice.summary) : enc.cdata(format === 'json' ? notice.summary : escapeHtml(notice.summary));
  const item: Item = {
    title,
    link: url,
    date: lastChanged(notice),
    published: notice.date,
    description: summary,
    category: categories(site, notice, format, enc),
  };
  // RSS: no `id`, so the permalink becomes a guid with isPermaLink="true".
  if (format !== 'rss') item.id = url;
  if (format === 'rss') {
    // One <dc:creator> per author: the XML writer turns an array into repeated elements.
    const creators = notice.authors.map((name) => ({ _text: enc.text(name) }));
    item.extensions = [{ name: 'dc:creator', objects: creators as unknown as Record<string, unknown> }];
  } else {
    item.author = notice.authors.map((name) => ({ name: enc.text(name) }));
  }
  // noticeHtml is scrubbed already (common.ts): only XML's CDATA end is left to guard.
  const content = noticeHtml(site, notice);
  return { item, content: format === 'json' ? content : scrubbedXmlCdata(content) };
}

/**
 * A notice's entry in `format`, made once per model: the site's feed and
 * each of its services' feeds carry the same entry.
 */
function cachedEntry(site: SiteModel, notice: NoticeView, format: FeedFormat): Entry {
  let byFormat = entries.get(notice);
  if (!byFormat) entries.set(notice, (byFormat = {}));
  return (byFormat[format] ??= entry(site, notice, format));
}

/** A view belongs to one model, or to the next ones of the same config and "now" (model.ts keeps it): a safe key. */
const entries = new WeakMap<NoticeView, Partial<Record<FeedFormat, Entry>>>();

/**
 * The `feed` package's Feed for one scope and format, ready to serialise,
 * with a stand-in for each entry's content; the contents, in entry order.
 */
function buildFeed(site: SiteModel, scope: FeedScope, format: FeedFormat): { feed: Feed; contents: string[] } {
  const enc = format === 'json' ? JSON_TEXT : XML;
  const abs = (file: string) => siteUrl(site, `${scope.base}${file}`);
  const feed = new Feed({
    id: abs(FEED_FILES[format]),
    title: enc.text(scope.title),
    description: scope.description ? enc.text(scope.description) : undefined,
    link: siteUrl(site, scope.home),
    language: site.config.language,
    updated: feedUpdated(site, scope.notices),
    generator: 'noticeboard',
    feedLinks: { rss: abs(FEED_FILES.rss), atom: abs(FEED_FILES.atom), json: abs(FEED_FILES.json) },
    author: { name: enc.text(site.config.title), link: siteUrl(site, '/') },
  });
  const contents = scope.notices.map((notice, index) => {
    const { item, content } = cachedEntry(site, notice, format);
    feed.addItem({ ...item, content: content && cdataStandIn(index) });
    return content;
  });
  return { feed, contents };
}

function renderRss(site: SiteModel, scope: FeedScope): string {
  const { feed, contents } = buildFeed(site, scope, 'rss');
  return finishXml(feed.rss2(), contents);
}

const ATOM_ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';

/** Atom 1.0, with the site's language as `xml:lang` on the root (the package writes none). */
function renderAtom(site: SiteModel, scope: FeedScope): string {
  const { feed, contents } = buildFeed(site, scope, 'atom');
  const lang = xmlAttribute(site.config.language);
  return finishXml(feed.atom1().replace(ATOM_ROOT, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`), contents);
}

interface JsonFeed10 {
  title: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  author?: { name?: string; url?: string };
  items: {
    id: string;
    url?: string;
    title?: string;
    content_html?: string;
    summary?: string;
    date_published?: string;
    date_modified?: string;
    tags?: string[];
  }[];
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
function renderJsonFeed(site: SiteModel, scope: FeedScope): string {
  const { feed: built, contents } = buildFeed(site, scope, 'json');
  const v10 = JSON.parse(built.json1()) as JsonFeed10;
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: v10.title,
    home_page_url: v10.home_page_url,
    feed_url: v10.feed_url,
    description: v10.description,
    language: site.config.language,
    authors: v10.author ? [v10.author] : undefined,
    items: v10.items.map((entry, index) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      // The content itself, where the package wrote its stand-in.
      content_html: contents[index],
      summary: entry.summary,
      date_published: entry.date_published,
      date_modified: entry.date_modified,
      authors: scope.notices[index]!.authors.map((name) => ({ name })),
      tags: entry.tags,
    })),
  };
  return `${JSON.stringify(scrubDeep(feed), null, 2)}\n`;
}

export function renderFeed(site: SiteModel, scope: FeedScope, format: FeedFormat): string {
  if (format === 'rss') return renderRss(site, scope);
  if (format === 'atom') return renderAtom(site, scope);
  return renderJsonFeed(site, scope);
}
