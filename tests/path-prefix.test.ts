/**
 * Issue 11 item 5: a site whose `url` has a path (a GitHub Pages project site)
 * works under that path. The fixture is built with
 * `url: https://example.github.io/status` and served by Debian's nginx with
 * deploy/nginx.conf under `/status/` (with the two edits the file describes
 * for a path, see tests/helpers/nginx.ts); then every link and asset of every
 * page, of the 404 page served for a missing deep path, and every URL of the
 * site in the feeds, calendars and API is requested: none may be broken or
 * leave the path. Chromium then loads pages under the path and checks that the
 * stylesheet and the page script (time.js) work there. Traffic goes to
 * 127.0.0.1 only.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { pathPrefixOf } from '../src/site/url-path.ts';
import { launchChromium, vnuJar } from './helpers/browser.ts';
import { buildFixture, type Fixture } from './helpers/build-fixture.ts';
import { at } from './helpers/config.ts';
import { findNginx, get, MISSING_NGINX, startNginx, type RunningNginx } from './helpers/nginx.ts';

const SITE_URL = 'https://example.github.io/status';
const PATH = '/status/';
const NOW = '2008-10-02 00:30';

const FILES: Record<string, string> = {
  'site.config.yaml': `title: Example ISP Status
url: ${SITE_URL}
timezone: America/Los_Angeles
services:
  - id: imap
    name: IMAP
    group: Mail
  - id: webmail
    name: Webmail
    group: Mail
  - id: dsl
    name: DSL
    group: Access
`,
  'posts/2008/10/imap-slow.md': `---
title: IMAP slow
type: incident
date: 2008-10-01 23:55
window:
  start: 2008-10-01 23:40
services: [imap, webmail]
authors: [Don]
impact: minor
updates:
  - at: 2008-10-02 00:10
    status: identified
    body: A filer interface is flapping. Earlier notes are in [September](/2008/09/).
---
Some customers see slow mail. See [the DSL work](/2008/09/26/dsl-move/) and [the site header](#tz).
`,
  'posts/2008/09/dsl-move.md': `---
title: DSL move
type: maintenance
date: 2008-09-26 15:10
window:
  start: 2008-09-30 00:01
  duration: 30m
services: [dsl]
authors: [Nathan]
---
We move DSL subscribers. Status: [home](/), [DSL](/services/dsl/), [feed](/services/dsl/feed.xml).
`,
  'posts/2008/10/webmail-upgrade.md': `---
title: Webmail upgrade
type: maintenance
date: 2008-10-01 09:00
window:
  start: 2008-10-03 01:00
  duration: 2h
services: [webmail]
authors: [Jared]
---
Webmail will be down for up to two hours. Add it to [your calendar](/maintenance.ics).
`,
};

it('takes the path prefix from the url', () => {
  assert.equal(pathPrefixOf('https://example.github.io/status'), '/status/');
  assert.equal(pathPrefixOf('https://example.net/a/b'), '/a/b/');
  assert.equal(pathPrefixOf('https://status.example.net'), '/');
});

it('leaves a site at the root of its host as before: no page is rewritten', async () => {
  const site = await buildFixture({ files: { ...FILES, 'site.config.yaml': FILES['site.config.yaml']!.replace(SITE_URL, 'https://status.example.net') }, now: NOW });
  try {
    const { document } = parseHTML(site.read('/index.html'));
    assert.match(document.querySelector('link[rel=stylesheet]')!.getAttribute('href')!, /^\/style\.[0-9a-f]{10}\.css$/);
    assert.equal(document.querySelector('.site-title a')!.getAttribute('href'), '/');
    // The HTML <base> transform parses and re-serialises a page; untouched, the
    // template's own markup (a bare `defer`) is still there.
    assert.match(site.read('/index.html'), /<script src="\/time\.[0-9a-f]{10}\.js" defer><\/script>/);
  } finally {
    site.remove();
  }
});

/** Every file of the built site and its URL under the path (folders for index.html). */
function siteUrls(output: string): { url: string; file: string }[] {
  return readdirSync(output, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      const path = relative(output, file).split(sep).join('/');
      return { url: PATH + (path.endsWith('index.html') ? path.slice(0, -'index.html'.length) : path), file };
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}

/** Every URL an HTML page refers to: links, stylesheets, scripts, images, forms. */
function urlsInPage(html: string): string[] {
  const { document } = parseHTML(html);
  const found: string[] = [];
  for (const element of document.querySelectorAll('[href], [src], [action], [poster], [cite], object[data]')) {
    for (const name of ['href', 'src', 'action', 'poster', 'cite', 'data']) {
      const value = element.getAttribute(name);
      if (value !== null && (name !== 'data' || element.localName === 'object')) found.push(value);
    }
  }
  for (const element of document.querySelectorAll('[srcset]')) {
    for (const candidate of element.getAttribute('srcset')!.split(',')) found.push(candidate.trim().split(/\s+/)[0]!);
  }
  return found;
}

const ids = (html: string) => new Set([...parseHTML(html).document.querySelectorAll('[id]')].map((element) => element.id));

describe(`a site with url ${SITE_URL}, served by deploy/nginx.conf under ${PATH}`, () => {
  let fixture: Fixture | undefined;
  let server: RunningNginx | undefined;
  let origin: string;

  before(async () => {
    const nginx = findNginx();
    if (!nginx) throw new Error(MISSING_NGINX);
    fixture = await buildFixture({ files: FILES, now: NOW });
    server = await startNginx(nginx, fixture.output, PATH);
    origin = `http://127.0.0.1:${server.port}`;
  });

  after(async () => {
    await server?.stop();
    fixture?.remove();
  });

  /** A URL of the site as the local server's path, or undefined for one elsewhere. */
  const localPath = (url: URL): string | undefined => {
    // A webcal:// subscribe link is the https calendar under another scheme.
    if (url.protocol === 'webcal:') return localPath(new URL(`https:${url.href.slice('webcal:'.length)}`));
    if (url.origin === origin) return url.pathname + url.search;
    if (url.href === SITE_URL || url.href.startsWith(`${SITE_URL}/`)) return PATH + url.href.slice(SITE_URL.length + 1) + '';
    return undefined;
  };

  /**
   * Requests every URL the pages refer to; returns the broken ones. A link of
   * the site must stay under the path, answer 200, and its fragment must name
   * an element of the page it points to.
   */
  async function crawl(pages: { url: string; html: string }[]): Promise<{ broken: string[]; checked: number }> {
    const broken: string[] = [];
    const answers = new Map<string, { status: number; body: string }>();
    const fetchOnce = async (path: string) => {
      let answer = answers.get(path);
      if (!answer) {
        const response = await get(server!.port, path);
        answers.set(path, (answer = { status: response.status, body: response.body.toString('utf8') }));
      }
      return answer;
    };
    for (const page of pages) {
      for (const raw of urlsInPage(page.html)) {
        const url = new URL(raw, origin + page.url);
        if (url.protocol === 'data:' || url.protocol === 'mailto:') continue;
        const path = localPath(url);
        if (path === undefined) {
          if (url.hostname.endsWith('example.github.io')) broken.push(`${page.url}: ${raw} is on the site's host but not under ${PATH}`);
          continue; // another site: not ours to check
        }
        if (!path.startsWith(PATH)) {
          broken.push(`${page.url}: ${raw} leaves ${PATH}`);
          continue;
        }
        // A fragment of the page itself (also of the 404 page, served at any address).
        const samePage = url.origin === origin && url.pathname === new URL(origin + page.url).pathname;
        const answer = samePage ? { status: 200, body: page.html } : await fetchOnce(path);
        if (answer.status !== 200) broken.push(`${page.url}: ${raw} -> ${answer.status}`);
        else if (url.hash && !ids(answer.body).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${page.url}: ${raw}: no element ${url.hash}`);
      }
    }
    return { broken, checked: answers.size };
  }

  it('serves every page, and every link and asset of every page works: 0 broken', async (t) => {
    const pages: { url: string; html: string }[] = [];
    for (const { url } of siteUrls(fixture!.output)) {
      if (!url.endsWith('/') && !url.endsWith('.html')) continue;
      const response = await get(server!.port, url);
      assert.equal(response.status, 200, url);
      pages.push({ url, html: response.body.toString('utf8') });
    }
    assert.ok(pages.length >= 10, `only ${pages.length} pages`);
    const { broken, checked } = await crawl(pages);
    t.diagnostic(`${pages.length} pages, ${checked} distinct URLs requested`);
    assert.deepEqual(broken, []);
    // Fingerprinted assets, feeds, the calendar and the notice bodies' own root-relative links all carry the path.
    const home = pages.find((page) => page.url === PATH)!.html;
    const { document } = parseHTML(home);
    assert.match(document.querySelector('link[rel=stylesheet]')!.getAttribute('href')!, /^\/status\/style\.[0-9a-f]{10}\.css$/);
    assert.match(document.querySelector('script[src]')!.getAttribute('src')!, /^\/status\/time\.[0-9a-f]{10}\.js$/);
    assert.equal(document.querySelector('link[rel=alternate][type="application/rss+xml"]')!.getAttribute('href'), '/status/feed.xml');
    assert.equal(document.querySelector('link[rel=canonical]')!.getAttribute('href'), `${SITE_URL}/`);
    const notice = pages.find((page) => page.url === '/status/2008/10/01/imap-slow/')!.html;
    const hrefs = [...parseHTML(notice).document.querySelectorAll('main .body a')].map((a) => a.getAttribute('href'));
    assert.deepEqual(hrefs.sort(), ['#tz', '/status/2008/09/', '/status/2008/09/26/dsl-move/'].sort());
  });

  it('writes pages the Nu Html Checker accepts, rewritten URLs and all', () => {
    const run = spawnSync('java', ['-jar', vnuJar(), '--format', 'json', '--skip-non-html', fixture!.output], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) throw run.error;
    const report = JSON.parse(run.stderr || run.stdout) as { messages: { type: string; url?: string; lastLine?: number; message: string }[] };
    const errors = report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
    assert.deepEqual(errors.map((m) => `${m.url}:${m.lastLine}: ${m.message}`), []);
  });

  it('answers a missing deep path with the 404 page, whose every link and asset works from there', async () => {
    const missing = '/status/2008/10/01/no-such-notice/deeper/';
    const response = await get(server!.port, missing);
    assert.equal(response.status, 404);
    const html = response.body.toString('utf8');
    assert.equal(html, fixture!.read('/404.html'));
    const urls = urlsInPage(html).filter((url) => !url.startsWith('data:') && !url.startsWith('#') && !/^https?:/.test(url));
    assert.ok(urls.length >= 8, `links of the 404 page: ${urls.join(' ')}`);
    for (const url of urls) assert.ok(url.startsWith(PATH), `the 404 page links ${url}: not absolute under ${PATH}`);
    const { broken } = await crawl([{ url: missing, html }]);
    assert.deepEqual(broken, []);
  });

  it('gives feeds, calendars and the API only URLs under the path, each of which answers', async () => {
    const outputs = siteUrls(fixture!.output).filter(({ url }) => /\.(?:xml|json|ics)$/.test(url));
    assert.ok(outputs.some(({ url }) => url === '/status/api/v2/summary.json'));
    const broken: string[] = [];
    let count = 0;
    for (const { url } of outputs) {
      const response = await get(server!.port, url);
      assert.equal(response.status, 200, url);
      const text = response.body.toString('utf8');
      for (const [raw] of text.matchAll(/https?:\/\/example\.github\.io[^\s"'<>\\)]*/g)) {
        if (raw !== SITE_URL && !raw.startsWith(`${SITE_URL}/`)) {
          broken.push(`${url}: ${raw} is not under ${SITE_URL}/`);
          continue;
        }
        const target = localPath(new URL(raw))!;
        const answer = await get(server!.port, target.split('#')[0]!);
        count++;
        if (answer.status !== 200 && !(raw === SITE_URL && answer.status === 301)) broken.push(`${url}: ${raw} -> ${answer.status}`);
      }
    }
    assert.ok(count > 20, `only ${count} URLs in the outputs`);
    assert.deepEqual(broken, []);
    const api = await get(server!.port, '/status/api/v2/summary.json');
    assert.equal(api.headers['access-control-allow-origin'], '*', 'the API is readable cross-origin under the path too');
    assert.equal(JSON.parse(api.body.toString('utf8')).page.url, SITE_URL);
  });

  it('loads the stylesheet and runs the page script under the path, in chromium', async () => {
    const browser = await launchChromium();
    try {
      const ctx = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin' });
      await ctx.clock.setFixedTime(at(NOW));
      const failed: string[] = [];
      const errors: string[] = [];
      ctx.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
      ctx.on('response', (response) => {
        if (response.status() >= 400 && response.request().resourceType() !== 'document') failed.push(`${response.url()}: ${response.status()}`);
      });
      ctx.on('weberror', (error) => errors.push(error.error().message));
      const page = await ctx.newPage();
      for (const url of [PATH, '/status/2008/10/01/imap-slow/', '/status/no/such/page/']) {
        await page.goto(origin + url);
        // The stylesheet applied (body width), the script ran (the zone button, relative times).
        assert.equal(await page.evaluate(() => getComputedStyle(document.body).maxWidth), '832px', `${url}: style.css applies`);
        assert.equal(await page.locator('#tz button').innerText(), 'Show in my time zone', `${url}: time.js ran`);
      }
      await page.goto(origin + '/status/2008/10/01/imap-slow/');
      await page.click('#tz button');
      assert.match((await page.locator('.byline time').innerText()).replace(/\s+/g, ' '), /^Oct 2, 2008, 8:55 AM GMT\+2$/);
      await page.goto(origin + PATH);
      assert.match(await page.locator('.banner .asof').innerText(), /\(now\)|ago|minute/);
      assert.equal(await page.locator('.maintenance-upcoming .item-title a').getAttribute('href'), '/status/2008/10/01/webmail-upgrade/');
      await ctx.close();
      assert.deepEqual(failed, []);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
});
