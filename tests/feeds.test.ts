/**
 * Issue 3: the feeds (spec §5), checked from the outside: the built files are
 * validated by independent tools (tests/helpers/check-site.ts), read back
 * by a real feed parser (feedsmith), and rebuilt to prove they are stable.
 * Also the pieces every output shares: absolute links, the scrubber and the
 * XML placeholders.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';
import { z } from 'zod';
import { absolutizeLinks } from '../src/outputs/absolute-links.ts';
import { renderCalendar } from '../src/outputs/calendar.ts';
import { stableId } from '../src/outputs/common.ts';
import { FEED_FILES, FEED_FORMATS, renderFeed, serviceFeedScope, siteFeedScope } from '../src/outputs/feeds.ts';
import { renderStatuspage, STATUSPAGE_PATHS } from '../src/outputs/statuspage.ts';
import { loadSite, resolveNow } from '../src/site/load-site.ts';
import { hasUnsafeCharacters, scrub, scrubDeep } from '../src/outputs/scrub.ts';
import { cdataStandIn, finishXml, xmlAttribute, xmlCdata, xmlText } from '../src/outputs/xml-safe.ts';
import type { Fixture } from './helpers/build-fixture.ts';
import { runCheckSite } from './helpers/check-site.ts';
import { FIXTURE_NOW, buildOutputsFixture, outputBuilds, outputFiles, sourceNotices, writtenTimeToInstant } from './fixtures/outputs/builds.ts';
import { AUTHOR, BODY_TEXT, CONTROL, CRAFTED_URL, TITLE, UPDATE_TEXT } from './fixtures/outputs/crafted.ts';

const SITE = 'https://status.example.net';

/** The fixture's notices, newest first, with the instants a reader must see. */
const EXPECTED = [
  { path: '/2008/11/01/backbone-upgrade/', title: 'Backbone Router Upgrade', published: '2008-11-01T16:00:00.000Z', updated: '2008-11-01T16:00:00.000Z' },
  { path: CRAFTED_URL, title: TITLE, published: '2008-10-30T16:00:00.000Z', updated: '2008-10-30T17:00:00.000Z' },
  // Posted in PDT; its update is at 1:45 AM PST, after the 2 AM fall-back: 09:45 UTC.
  { path: '/2008/10/28/dst-cutover/', title: 'DSL Router Cutover Across the DST Change', published: '2008-10-28T17:00:00.000Z', updated: '2008-11-02T09:45:00.000Z' },
  { path: '/2008/10/20/imap-upgrade/', title: 'IMAP Server Upgrade', published: '2008-10-20T19:00:00.000Z', updated: '2008-10-22T16:00:00.000Z' },
  { path: '/2008/10/15/new-nameservers/', title: 'New Name Servers', published: '2008-10-15T15:00:00.000Z', updated: '2008-10-15T15:00:00.000Z' },
  { path: '/2008/10/10/dsl-outage/', title: 'DSL Outage in the East Bay', published: '2008-10-10T21:00:00.000Z', updated: '2008-10-10T22:00:00.000Z' },
];
const NEWEST_CHANGE = '2008-11-02T09:45:00.000Z';

const iso = (text: string | undefined) => {
  assert.ok(text, 'expected a date');
  const date = new Date(text);
  assert.ok(!Number.isNaN(date.getTime()), `not a date: ${text}`);
  return date.toISOString();
};

/** Text of an HTML fragment, as a reader shows it. */
function textOf(markup: string): string {
  const { document } = parseHTML(`<!doctype html><html><body><div id="x">${markup}</div></body></html>`);
  return document.getElementById('x')!.textContent ?? '';
}

function linksOf(markup: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  return [
    ...[...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
    ...[...document.querySelectorAll('img[src]')].map((img) => img.getAttribute('src')!),
  ];
}

function rss(fixture: Fixture, path = '/feed.xml') {
  return parseRssFeed(fixture.read(path));
}
function atom(fixture: Fixture, path = '/atom.xml') {
  return parseAtomFeed(fixture.read(path));
}
function jsonFeed(fixture: Fixture, path = '/feed.json') {
  return parseJsonFeed(JSON.parse(fixture.read(path)));
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): every key the spec defines, nothing else. */
const jsonFeedAuthor = z.strictObject({ name: z.string().optional(), url: z.url().optional(), avatar: z.url().optional() });
const jsonFeedDate = z.iso.datetime({ offset: true });
const jsonFeed11 = z.strictObject({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: z.url().optional(),
  feed_url: z.url().optional(),
  description: z.string().optional(),
  user_comment: z.string().optional(),
  next_url: z.url().optional(),
  icon: z.url().optional(),
  favicon: z.url().optional(),
  authors: z.array(jsonFeedAuthor).optional(),
  language: z.string().optional(),
  expired: z.boolean().optional(),
  items: z.array(
    z
      .strictObject({
        id: z.string().min(1),
        url: z.url().optional(),
        external_url: z.url().optional(),
        title: z.string().optional(),
        content_html: z.string().optional(),
        content_text: z.string().optional(),
        summary: z.string().optional(),
        image: z.url().optional(),
        banner_image: z.url().optional(),
        date_published: jsonFeedDate.optional(),
        date_modified: jsonFeedDate.optional(),
        authors: z.array(jsonFeedAuthor).optional(),
        tags: z.array(z.string()).optional(),
        language: z.string().optional(),
      })
      .refine((item) => item.content_html !== undefined || item.content_text !== undefined, 'an item needs content'),
  ),
});

const { fixture, sample } = await outputBuilds();

describe('independent validators (xmllint, python3-vobject, ical.js, the RSS and Atom element rules)', () => {
  it('accept every feed, calendar and JSON file of the outputs fixture', () => {
    const result = runCheckSite(fixture.output);
    assert.deepEqual(result.failures, []);
    assert.ok(result.checked >= outputFiles(fixture).length, `checked ${result.checked}`);
  });

  it('accept every feed, calendar and JSON file of the sample content', () => {
    const result = runCheckSite(sample.output);
    assert.deepEqual(result.failures, []);
    assert.ok(result.checked >= outputFiles(sample).length, `checked ${result.checked}`);
  });

  it('reject what is broken: a feed without an id, a bad date, a calendar without CRLF', () => {
    const broken = mkdtempSync(join(tmpdir(), 'noticeboard-broken-'));
    try {
      const atom = fixture.read('/atom.xml');
      writeFileSync(join(broken, 'atom.xml'), atom.replace(/<id>[^<]*<\/id>/, '').replace(/<updated>[^<]*</, '<updated>yesterday<'));
      writeFileSync(join(broken, 'feed.xml'), fixture.read('/feed.xml').replace('</channel>', ''));
      writeFileSync(join(broken, 'maintenance.ics'), fixture.read('/maintenance.ics').replaceAll('\r\n', '\n'));
      writeFileSync(join(broken, 'summary.json'), '{"page": ');
      const failures = runCheckSite(broken).failures.join('\n');
      assert.match(failures, /atom\.xml: feed has 0 <id> elements/);
      assert.match(failures, /atom\.xml: feed <updated> "yesterday" is not an RFC 3339 date-time/);
      assert.match(failures, /feed\.xml: not well-formed XML/);
      assert.match(failures, /maintenance\.ics: lines must end with CRLF/);
      assert.match(failures, /summary\.json: /);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});

describe('the build writes exactly what src/outputs returns', () => {
  it('every feed, calendar and API file, byte for byte (no layout, no transform)', () => {
    const site = loadSite({ root: fixture.root, now: resolveNow('America/Los_Angeles', { STATUS_NOW: FIXTURE_NOW }) });
    const expected = new Map<string, string>();
    for (const format of FEED_FORMATS) {
      expected.set(`/${FEED_FILES[format]}`, renderFeed(site, siteFeedScope(site), format));
      for (const service of site.services) {
        expected.set(`/services/${service.id}/${FEED_FILES[format]}`, renderFeed(site, serviceFeedScope(site, service), format));
      }
    }
    expected.set('/maintenance.ics', renderCalendar(site));
    for (const service of site.services) expected.set(`/services/${service.id}/maintenance.ics`, renderCalendar(site, service));
    for (const path of STATUSPAGE_PATHS) expected.set(path, renderStatuspage(site, path));
    assert.deepEqual(outputFiles(fixture), [...expected.keys()].sort());
    for (const [path, text] of expected) assert.ok(fixture.readBytes(path).equals(Buffer.from(text, 'utf8')), `${path} differs`);
  });
});

describe('site-wide feeds read by a feed parser', () => {
  it('RSS 2.0 lists every notice, newest first, with permalink guids and publication dates', () => {
    const feed = rss(fixture);
    assert.equal(feed.title, 'Example ISP Status');
    assert.equal(feed.link, `${SITE}/`);
    assert.equal(iso(feed.lastBuildDate), NEWEST_CHANGE, 'the feed is as new as its newest entry, not the build');
    assert.deepEqual(
      feed.items!.map((item) => ({ title: item.title, link: item.link, guid: item.guid, published: iso(item.pubDate) })),
      EXPECTED.map((notice) => ({
        title: notice.title,
        link: `${SITE}${notice.path}`,
        guid: { value: `${SITE}${notice.path}`, isPermaLink: true },
        published: notice.published,
      })),
    );
  });

  it('Atom 1.0 has ids, links, published and updated instants for every notice', () => {
    const feed = atom(fixture);
    assert.equal(feed.id, `${SITE}/atom.xml`);
    assert.equal(iso(feed.updated), NEWEST_CHANGE);
    assert.deepEqual(
      feed.links?.map((link) => [link.rel, link.href]),
      [
        ['alternate', `${SITE}/`],
        ['self', `${SITE}/atom.xml`],
      ],
    );
    assert.deepEqual(
      feed.entries!.map((entry) => ({
        id: entry.id,
        link: entry.links?.[0]?.href,
        // Atom titles are typed html: a reader decodes them.
        title: entry.title?.type === 'html' ? textOf(entry.title.value ?? '') : entry.title?.value,
        published: iso(entry.published),
        updated: iso(entry.updated),
      })),
      EXPECTED.map((notice) => ({
        id: `${SITE}${notice.path}`,
        link: `${SITE}${notice.path}`,
        title: notice.title,
        published: notice.published,
        updated: notice.updated,
      })),
    );
  });

  it('JSON Feed 1.1 is valid and has the same entries and instants', () => {
    const raw = JSON.parse(fixture.read('/feed.json'));
    const valid = jsonFeed11.safeParse(raw);
    assert.ok(valid.success, valid.success ? '' : z.prettifyError(valid.error));
    const feed = jsonFeed(fixture);
    assert.equal(feed.feed_url, `${SITE}/feed.json`);
    assert.equal(feed.language, 'en');
    assert.deepEqual(
      feed.items!.map((item) => ({
        id: item.id,
        url: item.url,
        title: item.title,
        published: iso(item.date_published),
        updated: iso(item.date_modified),
      })),
      EXPECTED.map((notice) => ({
        id: `${SITE}${notice.path}`,
        url: `${SITE}${notice.path}`,
        title: notice.title,
        published: notice.published,
        updated: notice.updated,
      })),
    );
  });

  it('entries carry the notice type and services as categories, and the authors', () => {
    const outage = EXPECTED.at(-1)!.path;
    const rssItem = rss(fixture).items!.find((item) => item.link === `${SITE}${outage}`)!;
    assert.deepEqual(rssItem.categories, [
      { name: 'Incident' },
      { name: 'DSL access', domain: `${SITE}/services/` },
      { name: 'Dial-up', domain: `${SITE}/services/` },
    ]);
    assert.deepEqual(rssItem.dc?.creators, ['Jared', 'Nathan']);
    const atomEntry = atom(fixture).entries!.find((entry) => entry.id === `${SITE}${outage}`)!;
    assert.deepEqual(
      atomEntry.categories?.map((category) => [category.term, category.label, category.scheme]),
      [
        ['incident', 'Incident', undefined],
        ['dsl', 'DSL access', `${SITE}/services/`],
        ['dialup', 'Dial-up', `${SITE}/services/`],
      ],
    );
    assert.deepEqual(atomEntry.authors?.map((author) => author.name), ['Jared', 'Nathan']);
    const jsonItem = jsonFeed(fixture).items!.find((item) => item.id === `${SITE}${outage}`)!;
    assert.deepEqual(jsonItem.tags, ['Incident', 'DSL access', 'Dial-up']);
    assert.deepEqual(jsonItem.authors?.map((author) => author.name), ['Jared', 'Nathan']);
  });

  it('the content holds the body and the whole update timeline', () => {
    const item = atom(fixture).entries!.find((entry) => entry.id === `${SITE}/2008/10/10/dsl-outage/`)!;
    const text = textOf(item.content!.value!);
    for (const expected of [
      'Many DSL customers in the East Bay cannot connect.',
      'Identified',
      'A line card failed in the Oakland aggregation router.',
      'Monitoring',
      'The card was replaced',
      'Resolved',
      'All sessions are back.',
      'Fri, Oct 10, 2008, 3:00 PM PDT',
    ]) {
      assert.ok(text.includes(expected), `content lacks "${expected}":\n${text}`);
    }
  });

  it('the DST-crossing maintenance shows its window across the change, with the update in PST', () => {
    const item = jsonFeed(fixture).items!.find((entry) => entry.id === `${SITE}/2008/10/28/dst-cutover/`)!;
    const html = item.content_html!;
    assert.ok(textOf(html).includes('Window: Sun, Nov 2, 2008, 12:30 AM PDT – Sun, Nov 2, 2008, 3:30 AM PST'), html);
    assert.ok(html.includes('<time datetime="2008-11-02T01:45:00-08:00">'), html);
    assert.equal(iso(item.date_modified), '2008-11-02T09:45:00.000Z');
  });

  it('every link in the content is absolute, resolved against the notice page', () => {
    const item = rss(fixture).items!.find((entry) => entry.link === `${SITE}/2008/10/15/new-nameservers/`)!;
    assert.deepEqual(linksOf(item.content!.encoded!), [
      `${SITE}/archive/`,
      `${SITE}/2008/10/10/dsl-outage/`,
      `${SITE}/2008/10/15/new-nameservers/#addresses`,
      'https://example.org/whois?q=example.net&type=ns',
      `${SITE}/images/ns.png`,
    ]);
    for (const path of outputFiles(fixture).filter((file) => !file.endsWith('.ics') && !file.startsWith('/api/'))) {
      const feed = fixture.read(path);
      const contents = path.endsWith('.json')
        ? (JSON.parse(feed).items as { content_html: string }[]).map((entry) => entry.content_html)
        : [feed.replace(/<!\[CDATA\[|\]\]>/g, '')];
      for (const content of contents) {
        for (const link of linksOf(content)) assert.match(link, /^(https?:|mailto:)/, `${path}: relative link ${link}`);
      }
    }
  });
});

describe('per-service feeds', () => {
  const serviceEntries = (service: string) =>
    (rss(fixture, `/services/${service}/feed.xml`).items ?? []).map((item) => item.link!.replace(SITE, ''));

  it('hold only the notices naming the service, newest first', () => {
    assert.deepEqual(serviceEntries('dsl'), ['/2008/10/28/dst-cutover/', '/2008/10/10/dsl-outage/']);
    assert.deepEqual(serviceEntries('dialup'), ['/2008/10/10/dsl-outage/']);
    assert.deepEqual(serviceEntries('backbone'), ['/2008/11/01/backbone-upgrade/', CRAFTED_URL]);
    assert.deepEqual(serviceEntries('webmail'), []);
  });

  it('exist in all three formats, name themselves, and are as new as their newest entry', () => {
    const dsl = atom(fixture, '/services/dsl/atom.xml');
    assert.equal(dsl.title?.value, 'Example ISP Status: DSL access');
    assert.equal(dsl.links?.find((link) => link.rel === 'self')?.href, `${SITE}/services/dsl/atom.xml`);
    assert.equal(dsl.links?.find((link) => link.rel === 'alternate')?.href, `${SITE}/services/dsl/`);
    assert.equal(iso(dsl.updated), '2008-11-02T09:45:00.000Z');
    const dialup = jsonFeed(fixture, '/services/dialup/feed.json');
    assert.equal(dialup.feed_url, `${SITE}/services/dialup/feed.json`);
    assert.deepEqual(dialup.items?.map((item) => item.id), [`${SITE}/2008/10/10/dsl-outage/`]);
    assert.equal(iso(rss(fixture, '/services/dialup/feed.xml').lastBuildDate), '2008-10-10T22:00:00.000Z');
  });

  it('an empty service feed is valid and dated by the newest change on the site, not the build', () => {
    const webmail = atom(fixture, '/services/webmail/atom.xml');
    assert.equal(webmail.entries?.length ?? 0, 0);
    assert.equal(iso(webmail.updated), NEWEST_CHANGE);
    assert.ok(jsonFeed11.safeParse(JSON.parse(fixture.read('/services/webmail/feed.json'))).success);
  });
});

describe('crafted content survives intact and valid in every feed', () => {
  const crafted = `${SITE}${CRAFTED_URL}`;

  it('titles read back exactly, markup as text, without the control characters', () => {
    assert.equal(rss(fixture).items!.find((item) => item.link === crafted)!.title, TITLE);
    // Atom: plain text (type="text", ordinary XML escaping), so the parser's value is the title itself.
    const atomEntry = atom(fixture).entries!.find((entry) => entry.id === crafted)!;
    assert.equal(atomEntry.title!.type, 'text');
    assert.equal(atomEntry.title!.value, TITLE);
    assert.equal(atomEntry.summary!.type, 'text');
    assert.equal(atomEntry.summary!.value, 'Summary <i>with</i> & ]]> end');
    assert.doesNotMatch(fixture.read('/atom.xml'), /<(title|summary) type="html"/);
    assert.equal(jsonFeed(fixture).items!.find((item) => item.id === crafted)!.title, TITLE);
  });

  it('authors read back exactly', () => {
    assert.deepEqual(rss(fixture).items!.find((item) => item.link === crafted)!.dc?.creators, [AUTHOR, 'נתן']);
    assert.deepEqual(atom(fixture).entries!.find((entry) => entry.id === crafted)!.authors?.map((a) => a.name), [AUTHOR, 'נתן']);
    assert.deepEqual(jsonFeed(fixture).items!.find((item) => item.id === crafted)!.authors?.map((a) => a.name), [AUTHOR, 'נתן']);
  });

  it('body and update text read back exactly, and no script element reaches a reader', () => {
    const contents = [
      rss(fixture).items!.find((item) => item.link === crafted)!.content!.encoded!,
      atom(fixture).entries!.find((entry) => entry.id === crafted)!.content!.value!,
      jsonFeed(fixture).items!.find((item) => item.id === crafted)!.content_html!,
    ];
    for (const content of contents) {
      const text = textOf(content);
      assert.ok(text.includes(BODY_TEXT), text);
      assert.ok(text.includes(UPDATE_TEXT), text);
      assert.ok(text.includes('Raw controls in Markdown:done.'), text);
      assert.doesNotMatch(content, /<script/i);
    }
    assert.equal(contents[0], contents[1]);
  });

  it('no output file carries an XML-illegal or control character', () => {
    for (const path of outputFiles(fixture)) {
      const text = fixture.read(path);
      assert.equal(hasUnsafeCharacters(path.endsWith('.ics') ? text.replaceAll('\r\n', '\n') : text), false, path);
      for (const char of CONTROL) assert.ok(!text.includes(char), `${path} holds U+${char.codePointAt(0)!.toString(16)}`);
      if (path.endsWith('.json')) assert.doesNotMatch(text, /\\u00[01][0-9a-f]|\\u007f|\\[bf]/i, path);
    }
  });
});

describe('the sample content', () => {
  it('every feed lists the notices with the instants their files give', () => {
    const notices = sourceNotices(sample.root);
    assert.ok(notices.length >= 10, `expected the sample's notices, found ${notices.length}`);
    const expected = notices
      .map((notice) => ({ title: notice.title, published: writtenTimeToInstant(notice.date, 'America/Los_Angeles').toISOString() }))
      .sort((a, b) => b.published.localeCompare(a.published));
    const byTime = <T extends { published: string }>(list: T[]) =>
      [...list].sort((a, b) => b.published.localeCompare(a.published) || 0);
    assert.deepEqual(byTime(rss(sample).items!.map((item) => ({ title: item.title!, published: iso(item.pubDate) }))), expected);
    assert.deepEqual(
      byTime(atom(sample).entries!.map((entry) => ({ title: textOf(entry.title!.value!), published: iso(entry.published) }))),
      expected,
    );
    assert.deepEqual(
      byTime(jsonFeed(sample).items!.map((item) => ({ title: item.title!, published: iso(item.date_published) }))),
      expected,
    );
  });
});

describe('feeds are stable across rebuilds', () => {
  it('two builds of the same input are byte-identical', async () => {
    const again = await buildOutputsFixture();
    try {
      assert.deepEqual(outputFiles(again), outputFiles(fixture));
      for (const path of outputFiles(fixture)) {
        assert.ok(again.readBytes(path).equals(fixture.readBytes(path)), `${path} differs between two builds`);
      }
    } finally {
      again.remove();
    }
  });

  it('editing titles and bodies keeps every entry id', async () => {
    const edited = await buildOutputsFixture();
    try {
      const ids = (build: Fixture) => ({
        rss: rss(build).items!.map((item) => item.guid?.value),
        atom: atom(build).entries!.map((entry) => entry.id),
        json: jsonFeed(build).items!.map((item) => item.id),
      });
      const before = ids(edited);
      for (const notice of sourceNotices(edited.root)) {
        const text = readFileSync(notice.file, 'utf8')
          .replace(/^title: (.*)$/m, (_line, title: string) => `title: ${title.startsWith('"') ? '"Edited ' + title.slice(1) : `Edited ${title}`}`)
          .replace(/\n---\n/, '\n---\nA new first paragraph.\n\n');
        edited.write(notice.file.slice(edited.root.length + 1), text);
      }
      await edited.rebuild();
      assert.ok(rss(edited).items!.every((item) => item.title!.startsWith('Edited ')), 'the titles changed');
      assert.deepEqual(ids(edited), before);
    } finally {
      edited.remove();
    }
  });

  it('feed_items caps every feed at the newest notices', async () => {
    const capped = await buildOutputsFixture();
    try {
      const config = readFileSync(`${capped.root}/site.config.yaml`, 'utf8').replace('feed_items: 50', 'feed_items: 1');
      capped.write('site.config.yaml', config);
      await capped.rebuild();
      assert.deepEqual(rss(capped).items!.map((item) => item.link), [`${SITE}${EXPECTED[0]!.path}`]);
      assert.equal(iso(atom(capped).updated), EXPECTED[0]!.updated, "the feed's updated follows its own entries");
      const dsl = jsonFeed(capped, '/services/dsl/feed.json');
      assert.deepEqual(dsl.items!.map((item) => item.id), [`${SITE}/2008/10/28/dst-cutover/`]);
    } finally {
      capped.remove();
    }
  });
});

describe('shared output helpers', () => {
  it('absolutizeLinks resolves href and src in tags only, against the page', () => {
    const base = `${SITE}/2008/09/30/dsl/`;
    assert.equal(
      absolutizeLinks(
        `<p><a href="/2008/09/">a</a> <a href="#x">b</a> <img src="p.png" alt="x > y"> href=text <a title='a>b' href='../z?a=1&amp;b=2'>c</a> <a href=https://o.example/>d</a> <a href="mailto:noc@example.net">e</a></p>`,
        base,
      ),
      `<p><a href="${SITE}/2008/09/">a</a> <a href="${base}#x">b</a> <img src="${base}p.png" alt="x > y"> href=text <a title='a>b' href="${SITE}/2008/09/30/z?a=1&amp;b=2">c</a> <a href="https://o.example/">d</a> <a href="mailto:noc@example.net">e</a></p>`,
    );
  });

  it('scrub removes control characters, lone surrogates and noncharacters, and keeps emoji and RTL text', () => {
    assert.equal(scrub(`a${CONTROL}b\r\nc\rd\u0085e\uD800f\uFDD0g\uFFFEh`), 'ab\nc\ndefgh');
    const keep = 'שלום עולם ‏مرحبا‎ 😀 👩‍🔧 \t tab';
    assert.equal(scrub(keep), keep);
    // Each one alone in otherwise plain text (which scrub otherwise returns untouched).
    for (const removed of ['\u0000', '\u0008', '\u000B', '\u001F', '\u007F', '\u009F', '\uD800', '\uDFFF', '\uFDD0', '\uFDEF', '\uFFFE', '\uFFFF', '\u{1FFFE}', '\u{10FFFF}']) {
      assert.equal(scrub(`plain ${removed}text`), 'plain text', `U+${removed.codePointAt(0)!.toString(16)}`);
    }
    assert.equal(scrub('one\rtwo'), 'one\ntwo');
    assert.deepEqual(scrubDeep({ a: ['x\u0001', { b: 'y\u0002' }], n: 1, z: null }), { a: ['x', { b: 'y' }], n: 1, z: null });
  });

  it('the XML placeholders become correct markup in each context', () => {
    assert.equal(finishXml(`<t>${xmlText('AT&amp;T & co')}</t>`), '<t>AT&amp;amp;T &amp; co</t>\n');
    assert.equal(finishXml(`<![CDATA[${xmlCdata('a]]>b]]>c')}]]>`), '<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>c]]>\n');
    assert.equal(finishXml(`<c d="${xmlAttribute('x<y&z')}"/>`), '<c d="x&lt;y&amp;z"/>\n');
    assert.equal(xmlText('\uFDD0'), '', 'input cannot forge a placeholder');
  });

  it('a content stand-in comes back as the content itself would have been written', () => {
    const first = xmlCdata('<p>AT&T ]]> – a]]>b</p>\n');
    const second = xmlCdata('<p>plain</p>');
    const inline = finishXml(`<a><![CDATA[${first}]]></a><b><![CDATA[${second}]]></b><t>${xmlText('x & y')}</t>`);
    const standIns = finishXml(`<a><![CDATA[${cdataStandIn(0)}]]></a><b><![CDATA[${cdataStandIn(1)}]]></b><t>${xmlText('x & y')}</t>`, [first, second]);
    assert.equal(standIns, inline);
    assert.equal(inline, '<a><![CDATA[<p>AT&T ]]]]><![CDATA[> – a]]]]><![CDATA[>b</p>\n]]></a><b><![CDATA[<p>plain</p>]]></b><t>x &amp; y</t>\n');
    // A document ending in a stand-in whose content ends with a newline gets no second one.
    assert.equal(finishXml(cdataStandIn(0), ['end\n']), 'end\n');
    assert.equal(xmlCdata('\uFDD5'), '', 'input cannot forge a stand-in');
  });

  it('stableId is 12 base-36 characters and depends only on its key', () => {
    assert.match(stableId('notice:/2008/09/30/x/'), /^[0-9a-z]{12}$/);
    // Pinned: the ids published feeds and the API already carry must not change
    // (computed once with src/outputs/common.ts; they are in readers' caches).
    assert.equal(stableId('notice:/2008/09/30/x/'), 'ez5wnhztpbnt');
    assert.equal(stableId('a'), 'm7limr9myedz');
    assert.equal(stableId('a'), stableId('a'));
    assert.notEqual(stableId('a'), stableId('b'));
  });
});
