/**
 * Issue 7: the built site served the way production serves it. Starts Debian's
 * nginx on 127.0.0.1 with deploy/nginx.conf (only `listen` and `root`
 * substituted, see tests/helpers/nginx.ts) in front of the built sample site,
 * published with deploy/publish.sh as on a VM, then
 * requests every file and checks status, Content-Type with charset, caching,
 * security headers, gzip, the 404 page, redirects, a feed read by a feed
 * client, and a short load run. Traffic goes to 127.0.0.1 only.
 *
 * nginx is not optional: without it these tests fail and say to run
 * `npm run test:setup`, which installs it (scripts/install-test-deps.sh).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { parseFeed } from 'feedsmith';
import ICAL from 'ical.js';
import { FINGERPRINTED_NAME, fingerprintedName } from '../src/site/assets.ts';
import { HEADERS_FILE } from '../src/outputs/headers.ts';
import { CONTENT_SECURITY_POLICY } from '../src/pages/parts/layout.ts';
import { buildFixture, PROJECT_ROOT, SAMPLE_NOW, type Fixture } from './helpers/build-fixture.ts';
import { findNginx, get, MISSING_NGINX, NGINX_CONF, startNginx, type Response, type RunningNginx } from './helpers/nginx.ts';

const PUBLISH = join(PROJECT_ROOT, 'deploy', 'publish.sh');

const SHORT_CACHE = 'public, max-age=60, must-revalidate';
const LONG_CACHE = 'public, max-age=31536000, immutable';
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** Spec §5 for the sample site: every kind of output, with the exact type it must be served as. */
const CONTRACT: [string, string][] = [
  ['/', 'text/html; charset=utf-8'],
  ['/2008/09/26/dsl-subscriber-rebalancing/', 'text/html; charset=utf-8'],
  ['/2008/09/', 'text/html; charset=utf-8'],
  ['/archive/', 'text/html; charset=utf-8'],
  ['/services/', 'text/html; charset=utf-8'],
  ['/services/dsl/', 'text/html; charset=utf-8'],
  ['/404.html', 'text/html; charset=utf-8'],
  ['/feed.xml', 'application/rss+xml; charset=utf-8'],
  ['/atom.xml', 'application/atom+xml; charset=utf-8'],
  ['/feed.json', 'application/feed+json; charset=utf-8'],
  ['/services/dsl/feed.xml', 'application/rss+xml; charset=utf-8'],
  ['/services/dsl/atom.xml', 'application/atom+xml; charset=utf-8'],
  ['/services/dsl/feed.json', 'application/feed+json; charset=utf-8'],
  ['/maintenance.ics', 'text/calendar; charset=utf-8'],
  ['/services/backbone/maintenance.ics', 'text/calendar; charset=utf-8'],
  ['/api/v2/summary.json', 'application/json; charset=utf-8'],
  ['/api/v2/status.json', 'application/json; charset=utf-8'],
  ['/api/v2/components.json', 'application/json; charset=utf-8'],
  ['/api/v2/incidents.json', 'application/json; charset=utf-8'],
  ['/api/v2/incidents/unresolved.json', 'application/json; charset=utf-8'],
  ['/api/v2/scheduled-maintenances.json', 'application/json; charset=utf-8'],
  ['/api/v2/scheduled-maintenances/upcoming.json', 'application/json; charset=utf-8'],
  ['/api/v2/scheduled-maintenances/active.json', 'application/json; charset=utf-8'],
  ['/build.json', 'application/json; charset=utf-8'],
  ['/style.css', 'text/css; charset=utf-8'],
];

/** The Content-Type every file of the site must have, by name. */
function expectedType(url: string): string | RegExp {
  const rules: [RegExp, string | RegExp][] = [
    [/\/feed\.xml$/, 'application/rss+xml; charset=utf-8'],
    [/\/atom\.xml$/, 'application/atom+xml; charset=utf-8'],
    [/\/feed\.json$/, 'application/feed+json; charset=utf-8'],
    [/\.ics$/, 'text/calendar; charset=utf-8'],
    [/\.json$/, 'application/json; charset=utf-8'],
    [/(?:\/|\.html)$/, 'text/html; charset=utf-8'],
    [/\.css$/, 'text/css; charset=utf-8'],
    [/\.js$/, /^(?:application|text)\/javascript; charset=utf-8$/],
    [/\.xml$/, 'text/xml; charset=utf-8'],
    [/\.txt$/, 'text/plain; charset=utf-8'],
    [/\.csv$/, 'text/csv; charset=utf-8'],
    // The search index (Pagefind's own binary formats).
    [/^\/pagefind\/.*\.(?:pagefind|pf_meta|pf_index|pf_fragment)$/, 'application/octet-stream'],
    [/\.svg$/, 'image/svg+xml; charset=utf-8'],
    [/\.png$/, 'image/png'],
    [/\.ico$/, 'image/x-icon'],
    [/\.woff2$/, 'font/woff2'],
  ];
  const rule = rules.find(([pattern]) => pattern.test(url));
  assert.ok(rule, `${url}: a kind of file this test does not know; add its type here and, if Debian's mime.types lacks it, to deploy/nginx.conf`);
  return rule[1];
}

const TEXT_TYPE = /^(?:text\/|application\/(?:json|feed\+json|rss\+xml|atom\+xml|xml|javascript)|image\/svg\+xml)/;

/** Every file of the built site that is served, and the URL a reader uses for it (folders for index.html); not `/_headers`, which is for other hosts. */
function siteUrls(site: string): { url: string; file: string }[] {
  const found: { url: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const url = `/${relative(site, path).split(sep).join('/')}`;
        if (url === HEADERS_FILE) continue;
        found.push({ url: url.endsWith('/index.html') && url !== '/404.html' ? url.slice(0, -'index.html'.length) : url, file: path });
      }
    }
  };
  walk(site);
  return found.sort((a, b) => a.url.localeCompare(b.url));
}

function assertSecurityHeaders(response: Response, url: string): void {
  // /embed/ is meant for a frame: no X-Frame-Options (frame-ancestors names who may frame it; 'none' as shipped).
  const embed = url.startsWith('/embed/');
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    assert.equal(response.headers[name], embed && name === 'x-frame-options' ? undefined : value, `${url}: ${name}`);
  }
}

// ---------------------------------------------------------------------------

// Never a skip: without nginx this fails, here and in every test below.
it('has nginx to run deploy/nginx.conf with', () => {
  assert.ok(findNginx(), MISSING_NGINX);
});

describe('deploy/nginx.conf serving the built sample site', () => {
  let fixture: Fixture | undefined;
  let site: string;
  let server: RunningNginx | undefined;
  let port: number;
  let files: { url: string; file: string }[];

  before(async () => {
    const nginx = findNginx();
    if (!nginx) throw new Error(MISSING_NGINX);
    fixture = await buildFixture({ from: PROJECT_ROOT, now: SAMPLE_NOW });
    site = fixture.output;
    files = siteUrls(site);
    // Published the way deploy/nginx.conf expects on a VM: a release folder and the `current` symlink.
    const published = spawnSync(PUBLISH, [site, join(fixture.root, 'www')], { encoding: 'utf8' });
    assert.equal(published.status, 0, published.stderr);
    server = await startNginx(nginx, join(fixture.root, 'www', 'current'));
    port = server.port;
  });

  after(async () => {
    await server?.stop();
    fixture?.remove();
  });

  it('has a configuration nginx accepts without a warning', () => {
    assert.match(server!.configTest, /syntax is ok/);
    assert.doesNotMatch(server!.configTest, /\[(?:warn|emerg|alert|crit|error)\]/);
  });

  it('serves every output of the spec with its exact type', async () => {
    const urls = new Set(files.map((f) => f.url));
    for (const [url, type] of CONTRACT) {
      assert.ok(urls.has(url), `${url} was not built`);
      const response = await get(port, url);
      assert.equal(response.status, 200, url);
      assert.equal(response.headers['content-type'], type, url);
    }
  });

  it('serves every file of the site byte for byte, typed with charset, short-cached unless fingerprinted, with the security headers', async () => {
    assert.ok(files.length > 50, `only ${files.length} files built`);
    for (const { url, file } of files) {
      const response = await get(port, url);
      assert.equal(response.status, 200, url);
      assert.equal(response.headers['content-encoding'], undefined, `${url}: compressed without Accept-Encoding`);
      assert.ok(response.body.equals(readFileSync(file)), `${url}: body differs from the built file`);
      const type = expectedType(url);
      if (typeof type === 'string') assert.equal(response.headers['content-type'], type, url);
      else assert.match(response.headers['content-type'] ?? '', type, url);
      assert.equal(response.headers['cache-control'], FINGERPRINTED_NAME.test(url) ? LONG_CACHE : SHORT_CACHE, `${url}: cache-control`);
      assertSecurityHeaders(response, url);
      assert.ok(response.headers['etag'] && response.headers['last-modified'], `${url}: validators for revalidation`);
    }
  });

  it('lets feeds, calendars and the API be read cross-origin, and pages not', async () => {
    for (const url of ['/feed.xml', '/services/dsl/atom.xml', '/feed.json', '/maintenance.ics', '/api/v2/summary.json']) {
      assert.equal((await get(port, url)).headers['access-control-allow-origin'], '*', url);
    }
    for (const url of ['/', '/services/dsl/', '/style.css']) {
      assert.equal((await get(port, url)).headers['access-control-allow-origin'], undefined, url);
    }
  });

  it('answers a revalidation with 304 Not Modified', async () => {
    for (const url of ['/', '/feed.xml', '/api/v2/status.json']) {
      const first = await get(port, url);
      const again = await get(port, url, { headers: { 'if-none-match': String(first.headers.etag) } });
      assert.equal(again.status, 304, url);
      assert.equal(again.body.length, 0, url);
      assert.equal(again.headers['cache-control'], SHORT_CACHE, url);
    }
  });

  it('sends the same Content-Security-Policy as the pages declare, plus frame-ancestors', async () => {
    const home = (await get(port, '/')).body.toString('utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(home);
    assert.equal(meta?.[1]?.replaceAll('&#39;', "'").replaceAll('&#x27;', "'"), CONTENT_SECURITY_POLICY);
    assert.equal((await get(port, '/')).headers['content-security-policy'], `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });

  it('lets /embed/ be framed by the origins put in the frame-ancestors map, and no other page', async () => {
    const conf = readFileSync(NGINX_CONF, 'utf8');
    assert.match(conf, /"~\^\/embed\/"\s+"'none'";/, 'the shipped map allows no one until the operator lists origins');
    const embed = await get(port, '/embed/');
    assert.equal(embed.status, 200);
    assert.equal(embed.headers['x-frame-options'], undefined);
    assert.equal(embed.headers['content-security-policy'], `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    assert.equal((await get(port, '/')).headers['x-frame-options'], 'DENY');
  });

  it('links only fingerprinted stylesheets and scripts from the pages, served for a year as immutable', async () => {
    const assets = new Set<string>();
    for (const { url, file } of files.filter((f) => f.file.endsWith('.html'))) {
      const text = readFileSync(file, 'utf8');
      const linked = [
        ...[...text.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map((m) => /\bhref="([^"]+)"/.exec(m[0])?.[1]),
        ...[...text.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]),
      ];
      assert.ok(linked.length > 0, `${url} links no stylesheet`);
      for (const href of linked) {
        assert.ok(href && FINGERPRINTED_NAME.test(href), `${url} links ${href}: not a fingerprinted name (use assetPath())`);
        assets.add(href);
      }
    }
    for (const href of assets) {
      const response = await get(port, href);
      assert.equal(response.status, 200, href);
      assert.equal(response.headers['cache-control'], LONG_CACHE, href);
      const plain = href.replace(/\.[0-9a-f]+(\.(?:css|js))$/, '$1');
      assert.equal(fingerprintedName(plain, response.body), href, `${href}: the name is not the hash of its content`);
      assert.ok(response.body.equals(readFileSync(join(PROJECT_ROOT, 'public', ...plain.slice(1).split('/')))), `${href}: differs from public${plain}`);
    }
  });

  it('compresses every text file of 256 bytes or more with gzip, and says Vary: Accept-Encoding', async (t) => {
    let plainBytes = 0;
    let gzipBytes = 0;
    let count = 0;
    for (const { url, file } of files) {
      const content = readFileSync(file);
      const response = await get(port, url, { headers: { 'accept-encoding': 'gzip' } });
      const type = response.headers['content-type'] ?? '';
      if (!TEXT_TYPE.test(type) || content.length < 256) continue;
      assert.equal(response.headers['content-encoding'], 'gzip', `${url} (${type}, ${content.length} bytes)`);
      assert.match(String(response.headers.vary), /Accept-Encoding/i, url);
      assert.ok(gunzipSync(response.body).equals(content), `${url}: gunzipped body differs from the file`);
      plainBytes += content.length;
      gzipBytes += response.body.length;
      count++;
    }
    assert.ok(count > 50, `only ${count} files were compressible`);
    t.diagnostic(`gzip: ${count} files, ${plainBytes} -> ${gzipBytes} bytes (${((100 * gzipBytes) / plainBytes).toFixed(1)}%)`);
  });

  it('answers missing paths with the site\'s 404 page, status 404, short-cached', async () => {
    const notFound = readFileSync(join(site, '404.html'));
    for (const url of ['/no/such/page/', '/2008/09/31/nothing/', '/services/nope/feed.xml', '/api/v2/nope.json', '/style.0123456789.css', '/.env']) {
      const response = await get(port, url);
      assert.equal(response.status, 404, url);
      assert.equal(response.headers['content-type'], 'text/html; charset=utf-8', url);
      assert.ok(response.body.equals(notFound), `${url}: not the site's 404.html`);
      assert.equal(response.headers['cache-control'], SHORT_CACHE, `${url}: a 404 must never be cached as immutable`);
      assertSecurityHeaders(response, url);
    }
  });

  it("does not serve the build's _headers, written for Netlify and Cloudflare Pages", async () => {
    assert.ok(readFileSync(join(site, '_headers'), 'utf8').includes('Content-Type: application/rss+xml; charset=utf-8'), '_headers was built');
    const response = await get(port, HEADERS_FILE);
    assert.equal(response.status, 404);
    assert.ok(response.body.equals(readFileSync(join(site, '404.html'))), "not the site's 404.html");
  });

  it('lists no directory: a folder without index.html is a 404 too', async () => {
    for (const url of ['/api/', '/api/v2/', '/api/v2/incidents/']) {
      const response = await get(port, url);
      assert.equal(response.status, 404, url);
      assert.doesNotMatch(response.body.toString('utf8'), /Index of/, url);
    }
  });

  it('redirects a folder without its slash to the folder', async () => {
    for (const url of ['/2008/09', '/services/dsl', '/archive']) {
      const response = await get(port, url);
      assert.equal(response.status, 301, url);
      assert.equal(response.headers.location, `${url}/`, url);
      assertSecurityHeaders(response, url);
    }
  });

  it('serves feeds a feed reader understands, over HTTP', async () => {
    const base = `http://127.0.0.1:${port}`;
    const read = async (path: string) => {
      const response = await fetch(`${base}${path}`);
      assert.equal(response.status, 200, path);
      return parseFeed(await response.text());
    };
    const rss = await read('/feed.xml');
    assert.equal(rss.format, 'rss');
    const atom = await read('/atom.xml');
    assert.equal(atom.format, 'atom');
    const json = await read('/feed.json');
    assert.equal(json.format, 'json');
    const titles = (rss.format === 'rss' ? rss.feed.items ?? [] : []).map((item) => item.title);
    assert.ok(titles.includes('San Jose POP Retrofit'), `RSS items: ${titles.join(', ')}`);
    const dsl = await read('/services/dsl/feed.xml');
    assert.equal(dsl.format, 'rss');
    assert.deepEqual(dsl.format === 'rss' ? dsl.feed.items?.map((item) => item.title) : [], ['DSL Subscriber Rebalancing']);

    const calendar = await fetch(`${base}/maintenance.ics`);
    const component = new ICAL.Component(ICAL.parse(await calendar.text()));
    const summaries = component.getAllSubcomponents('vevent').map((event) => event.getFirstPropertyValue('summary'));
    assert.ok(summaries.includes('San Jose POP Retrofit'), `calendar events: ${summaries.join(', ')}`);
  });

  it('serves 5,000 requests, 20 at a time, without a single error', async (t) => {
    const TOTAL = 5_000;
    const CONCURRENCY = 20;
    const urls = files.map((f) => f.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const latencies: number[] = [];
    const failures: string[] = [];
    let bytes = 0;
    let next = 0;
    const worker = async () => {
      while (next < TOTAL) {
        const url = urls[next++ % urls.length]!;
        const started = performance.now();
        try {
          const response = await get(port, url, { agent, headers: { 'accept-encoding': 'gzip' } });
          if (response.status !== 200) failures.push(`${url}: ${response.status}`);
          bytes += response.body.length;
        } catch (error) {
          failures.push(`${url}: ${(error as Error).message}`);
        }
        latencies.push(performance.now() - started);
      }
    };
    const started = performance.now();
    try {
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    } finally {
      agent.destroy();
    }
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(2);
    const figures =
      `load: ${latencies.length} requests over ${urls.length} URLs, ${CONCURRENCY} concurrent, keep-alive, gzip: ` +
      `${(latencies.length / seconds).toFixed(0)} req/s in ${seconds.toFixed(2)} s; ` +
      `latency p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms; ${(bytes / 1024 / 1024).toFixed(1)} MiB; errors ${failures.length}`;
    t.diagnostic(figures);
    console.log(figures);
    assert.equal(latencies.length, TOTAL);
    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} errors`);
  });
});
