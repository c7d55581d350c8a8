/**
 * Correctness at scale (not speed: nothing here is timed). A generated archive
 * of 2,000 notices over twenty years (bench/lib/corpus.ts, the benchmark's
 * corpus) is valid, and the real build of it has every notice's page, month
 * pages that hold exactly their month's notices, feeds that hold exactly the
 * newest `feed_items` notices, and a history for every service that lists
 * every notice naming it.
 *
 * Expectations come from the corpus files themselves (their front matter read
 * with the `yaml` package), not from the site model the build uses.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DOMParser, parseHTML } from 'linkedom';
import { createBuildRoot, type BuildRoot } from '../bench/lib/build-root.ts';
import { BENCH_FEED_ITEMS, BENCH_NOW, BENCH_ZONE, SERVICES } from '../bench/lib/corpus.ts';
import { buildSite } from '../src/site/build-site.ts';
import { createParseCache } from '../src/content/load-notices.ts';
import { findNoticeFiles } from '../src/content/scan-posts.ts';
import { checkSite, loadSite, resolveNow } from '../src/site/load-site.ts';
import { withEnv } from './helpers/env.ts';
import { sourceNotices } from './fixtures/outputs/builds.ts';

const NOTICES = 2000;
const SITE_URL = 'https://status.bench.example';
const NOTICE_URL = /^\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/;
/** The README: "a service's page lists its newest 50 notices and links one page per year". */
const SERVICE_PAGE_NOTICES = 50;
/** The build's "now" (BENCH_NOW, in the corpus's zone). */
const NOW = resolveNow(BENCH_ZONE, { STATUS_NOW: BENCH_NOW });

interface Expected {
  url: string;
  title: string;
  type: string;
  /** Local "YYYY-MM-DD HH:MM": sorts like the instant (no times near the clock changes). */
  date: string;
  month: string;
  services: string[];
}

/** Newest first; equal dates in URL order, as the build breaks ties. */
const newestFirst = (a: Expected, b: Expected) => (a.date === b.date ? a.url.localeCompare(b.url) : b.date.localeCompare(a.date));

/**
 * The newest `count` of `notices`, allowing for ties: the set the build may
 * pick differs from ours only among notices published in the same minute.
 */
function assertNewest(actualUrls: string[], notices: Expected[], count: number, what: string): void {
  const sorted = [...notices].sort(newestFirst);
  const expected = sorted.slice(0, count);
  assert.equal(actualUrls.length, expected.length, `${what}: ${actualUrls.length} entries, expected ${expected.length}`);
  assert.equal(new Set(actualUrls).size, actualUrls.length, `${what}: an entry appears twice`);
  const byUrl = new Map(notices.map((notice) => [notice.url, notice]));
  const cutoff = expected.at(-1)?.date ?? '';
  for (const url of actualUrls) {
    const notice = byUrl.get(url);
    assert.ok(notice, `${what}: ${url} is not a notice of this feed`);
    assert.ok(notice.date >= cutoff, `${what}: ${url} (${notice.date}) is older than the newest ${count}`);
  }
  for (const notice of sorted.filter((candidate) => candidate.date > cutoff)) {
    assert.ok(actualUrls.includes(notice.url), `${what}: ${notice.url} (${notice.date}) is missing`);
  }
}

describe(`a generated archive of ${NOTICES} notices`, () => {
  let site: BuildRoot;
  let output: string;
  let notices: Expected[];
  const read = (url: string) => readFileSync(join(output, ...url.split('/').filter(Boolean), ...(url.endsWith('/') ? ['index.html'] : [])), 'utf8');
  const document = (url: string) => parseHTML(read(url)).document;
  /** Links to notice pages inside the page's main content, in order, each once. */
  const noticeLinks = (url: string, selector = 'main') => {
    const within = document(url).querySelector(selector);
    assert.ok(within, `${url} has no ${selector}`);
    const hrefs = [...within.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((href) => NOTICE_URL.test(href));
    return [...new Set(hrefs)];
  };

  before(async () => {
    site = createBuildRoot({ notices: NOTICES });
    output = join(site.root, '_site');
    notices = sourceNotices(site.root).map((source) => {
      const [day, time] = source.date.split(' ') as [string, string];
      const slug = source.file.split(sep).at(-1)!.replace(/\.md$/, '');
      return {
        url: `/${day.replaceAll('-', '/')}/${slug}/`,
        title: source.title,
        type: source.type,
        date: `${day} ${time}`,
        month: `/${day.slice(0, 7).replace('-', '/')}/`,
        services: source.services,
      };
    });
    await withEnv({ STATUS_NOW: BENCH_NOW }, () => buildSite({ root: site.root }));
  });

  after(() => site?.remove());

  it('is a valid site: no problems in any of its files', () => {
    const { problems, files } = checkSite(site.root);
    assert.deepEqual(problems, []);
    assert.equal(files, NOTICES);
    assert.equal(notices.length, NOTICES);
    assert.equal(new Set(notices.map((notice) => notice.url)).size, NOTICES, 'two notices share a URL');
  });

  it('spans twenty years with every kind of notice', () => {
    const years = new Set(notices.map((notice) => notice.date.slice(0, 4)));
    assert.ok(years.size >= 20, `only ${years.size} years`);
    const types = new Set(notices.map((notice) => notice.type));
    assert.deepEqual([...types].sort(), ['incident', 'maintenance', 'notice']);
  });

  it('gives every notice its page, and builds no other notice pages', () => {
    for (const notice of notices) {
      const page = document(notice.url);
      assert.equal(page.querySelector('h1')?.textContent?.trim(), notice.title, `${notice.url} shows the wrong notice`);
    }
    const built = readdirSync(output, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name === 'index.html')
      .map((entry) => `/${relative(output, entry.parentPath).split(sep).join('/')}/`)
      .filter((url) => NOTICE_URL.test(url));
    assert.deepEqual(built.sort(), notices.map((notice) => notice.url).sort());
  });

  it('lists exactly each month’s notices on its month page, newest first, and has no other month pages', () => {
    const months = new Map<string, Expected[]>();
    for (const notice of notices) months.set(notice.month, [...(months.get(notice.month) ?? []), notice]);
    for (const [month, expected] of months) {
      const links = noticeLinks(month);
      assert.deepEqual([...links].sort(), expected.map((notice) => notice.url).sort(), `${month} lists the wrong notices`);
      const dates = links.map((url) => expected.find((notice) => notice.url === url)!.date);
      assert.deepEqual(dates, [...dates].sort().reverse(), `${month} is not newest first`);
    }
    const monthPages = readdirSync(output, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name === 'index.html')
      .map((entry) => `/${relative(output, entry.parentPath).split(sep).join('/')}/`)
      .filter((url) => /^\/\d{4}\/\d{2}\/$/.test(url));
    assert.deepEqual(monthPages.sort(), [...months.keys()].sort());
  });

  it(`holds exactly the newest ${BENCH_FEED_ITEMS} notices in each site-wide feed`, () => {
    const local = (url: string) => {
      assert.ok(url.startsWith(`${SITE_URL}/`), `${url} is not an absolute link to the site`);
      return url.slice(SITE_URL.length);
    };
    const rss = new DOMParser().parseFromString(read('/feed.xml'), 'text/xml');
    assertNewest([...rss.querySelectorAll('item > link')].map((link) => local(link.textContent!.trim())), notices, BENCH_FEED_ITEMS, 'feed.xml');
    const atom = new DOMParser().parseFromString(read('/atom.xml'), 'text/xml');
    assertNewest([...atom.querySelectorAll('entry > id')].map((id) => local(id.textContent!.trim())), notices, BENCH_FEED_ITEMS, 'atom.xml');
    const json = JSON.parse(read('/feed.json')) as { items: { id: string }[] };
    assertNewest(json.items.map((item) => local(item.id)), notices, BENCH_FEED_ITEMS, 'feed.json');
  });

  it(`holds exactly the newest ${BENCH_FEED_ITEMS} notices about each service in its feeds`, () => {
    for (const { id } of SERVICES) {
      const about = notices.filter((notice) => notice.services.includes(id));
      const rss = new DOMParser().parseFromString(read(`/services/${id}/feed.xml`), 'text/xml');
      const urls = [...rss.querySelectorAll('item > link')].map((link) => link.textContent!.trim().slice(SITE_URL.length));
      assertNewest(urls, about, BENCH_FEED_ITEMS, `/services/${id}/feed.xml`);
      const json = JSON.parse(read(`/services/${id}/feed.json`)) as { items: { id: string }[] };
      assertNewest(json.items.map((item) => item.id.slice(SITE_URL.length)), about, BENCH_FEED_ITEMS, `/services/${id}/feed.json`);
    }
  });

  it('lists every notice naming a service in that service’s history, on its page or its year pages', () => {
    for (const { id } of SERVICES) {
      const listed = new Set(noticeLinks(`/services/${id}/`));
      const years = new Set(notices.map((notice) => notice.date.slice(0, 4)));
      for (const year of years) {
        if (existsSync(join(output, 'services', id, year, 'index.html'))) for (const url of noticeLinks(`/services/${id}/${year}/`)) listed.add(url);
      }
      for (const notice of notices.filter((candidate) => candidate.services.includes(id))) {
        assert.ok(listed.has(notice.url), `${notice.url} is missing from the history of ${id}`);
      }
    }
  });

  it('splits every service’s history into year pages that hold each notice once, and keeps its own list short', () => {
    let capped = 0;
    for (const { id } of SERVICES) {
      const about = notices.filter((notice) => notice.services.includes(id));
      const what = `/services/${id}/`;
      // Its own page: the newest min(50, n), newest first.
      const recent = noticeLinks(what, 'main .history');
      assertNewest(recent, about, SERVICE_PAGE_NOTICES, `${what} history`);
      const recentDates = recent.map((url) => about.find((notice) => notice.url === url)!.date);
      assert.deepEqual(recentDates, [...recentDates].sort().reverse(), `${what} is not newest first`);
      if (about.length > SERVICE_PAGE_NOTICES) capped++;

      // One page per year with notices about it, newest year first, each holding exactly that year's notices.
      const years = [...new Set(about.map((notice) => notice.date.slice(0, 4)))].sort().reverse();
      const nav = [...document(what).querySelectorAll('main .history nav.years li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
      assert.deepEqual(nav, years.map((year) => `${year} (${about.filter((notice) => notice.date.startsWith(year)).length})`), `${what} links its years`);
      const yearPages = readdirSync(join(output, 'services', id), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && /^\d{4}$/.test(entry.name) && existsSync(join(entry.parentPath, entry.name, 'index.html')))
        .map((entry) => entry.name);
      assert.deepEqual(yearPages.sort().reverse(), years, `${what}: the year pages are the years with notices`);
      const listed: string[] = [];
      for (const year of years) {
        const url = `/services/${id}/${year}/`;
        const links = noticeLinks(url);
        const expected = about.filter((notice) => notice.date.startsWith(year));
        assert.deepEqual([...links].sort(), expected.map((notice) => notice.url).sort(), `${url} holds the wrong notices`);
        listed.push(...links);
      }
      // Together, in order of the years, they hold every notice once, newest first.
      assert.equal(listed.length, about.length, `${what}: a notice is on two year pages`);
      const dates = listed.map((url) => about.find((notice) => notice.url === url)!.date);
      assert.deepEqual(dates, [...dates].sort().reverse(), `${what}: the year pages are not newest first`);
    }
    assert.ok(capped > 0, `some service has more than ${SERVICE_PAGE_NOTICES} notices, so the cap is tested`);
  });

  it('renders, after one notice is edited under `npm start`, only the pages that edit can change', () => {
    const now = new Date('2026-06-15T19:00:00Z');
    // The site's parse cache, as `npm start` keeps it between rebuilds.
    const parseCache = createParseCache();
    const first = loadSite({ root: site.root, now, parseCache });
    assert.equal(first.noticePages, first.notices, 'a first build renders every page');
    const unchanged = loadSite({ root: site.root, now, previous: first, parseCache });
    assert.deepEqual([unchanged.noticePages.length, unchanged.monthPages.length, unchanged.serviceYearPages.length], [0, 0, 0]);

    const path = findNoticeFiles(join(site.root, 'posts'))[NOTICES / 2]!;
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, `${text}\nOne more sentence.\n`);
    try {
      const edited = loadSite({ root: site.root, now, previous: unchanged, parseCache });
      const notice = edited.notices.find((view) => view.file === relative(site.root, path).split(sep).join('/'))!;
      assert.deepEqual(edited.noticePages.map((view) => view.url), [notice.url]);
      assert.deepEqual(edited.monthPages.map((month) => month.url), [notice.month.url]);
      assert.deepEqual(
        edited.serviceYearPages.map((year) => year.url).sort(),
        notice.services.map((id) => `/services/${id}/${notice.month.year}/`).sort(),
      );
    } finally {
      writeFileSync(path, text);
    }
  });

  it('renders again the pages of a notice whose state the clock changed, though its file did not', () => {
    const incident = loadSite({ root: site.root, now: NOW }).notices.find(
      (view) => view.type === 'incident' && view.updates.length === 0 && view.window!.end && view.window!.end.getTime() > view.date.getTime() + 60_000,
    )!;
    const parseCache = createParseCache();
    const during = loadSite({ root: site.root, now: incident.date, parseCache });
    const after = loadSite({ root: site.root, now: new Date(incident.window!.end!.getTime() + 60_000), previous: during, parseCache });
    assert.notEqual(during.notices.find((view) => view.url === incident.url)!.state, 'resolved');
    assert.equal(after.notices.find((view) => view.url === incident.url)!.state, 'resolved');
    assert.ok(after.noticePages.some((view) => view.url === incident.url), 'the resolved incident is not rendered again');
    assert.ok(after.monthPages.some((month) => month.url === incident.month.url), 'its month is not rendered again');
  });
});
