/**
 * The status where customers already look, after an alert: an Alertmanager
 * payload ingested (published), checked and built at a fixed STATUS_NOW; the
 * badges parsed as XML and drawn in chromium; `/embed/` in an iframe and
 * `/embed.js` on an operator's page served from a second loopback origin
 * under a strict CSP, with a hostile incident title; then the alert resolves
 * and every one of them says so; then the status site is unreachable and the
 * operator's page still works.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { checkSite } from '../src/site/load-site.ts';
import { createFixture, type Fixture } from './helpers/build-fixture.ts';
import { launchChromium, serveDirectory, type StaticServer } from './helpers/browser.ts';
import { ingest, ingestConfig, PAYLOADS } from './helpers/ingest-site.ts';

const SHOTS = process.env.NOTICEBOARD_SHOTS;
const HOSTILE = '<img src=x onerror="window.pwned=1">IMAP & <b>logins</b> failing';

/** The operator's own site: one page that frames /embed/, shows the badges and loads /embed.js, under a strict CSP. */
async function operatorSite(statusOrigin: string): Promise<{ origin: string; close(): Promise<void> }> {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example ISP</title></head>
<body><h1>Example ISP</h1><p id="content">Welcome to our home page.</p>
<img id="site-badge" src="${statusOrigin}/badge.svg" alt="">
<img id="imap-badge" src="${statusOrigin}/services/imap/badge.svg" alt="">
<iframe id="embed" src="${statusOrigin}/embed/" title="Network status" width="420" height="260"></iframe>
<script src="${statusOrigin}/embed.js" async></script>
</body></html>`;
  const csp = `default-src 'none'; script-src ${statusOrigin}; connect-src ${statusOrigin}; img-src ${statusOrigin}; frame-src ${statusOrigin}; style-src 'self'`;
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
    response.end(page);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

async function svgProblems(page: Page, svg: string): Promise<string | null> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    if (error) return error.textContent;
    return doc.documentElement.namespaceURI === 'http://www.w3.org/2000/svg' ? null : `root is ${doc.documentElement.nodeName}`;
  }, svg);
}

describe('badges, /embed/ and /embed.js through an alert and its resolution', () => {
  let fixture: Fixture;
  let status: StaticServer;
  let operator: Awaited<ReturnType<typeof operatorSite>>;
  let browser: Browser;
  const errors: string[] = [];

  before(async () => {
    fixture = createFixture({ files: { 'site.config.yaml': ingestConfig('  publish: true\n') }, now: '2008-10-02T00:30-07:00', build: false });
    const firing = readFileSync(join(PAYLOADS, 'alertmanager-firing.json'), 'utf8').replaceAll('"IMAP logins failing"', JSON.stringify(HOSTILE));
    const result = ingest(fixture.root, 'alertmanager', { stdin: firing });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(checkSite(fixture.root).problems, []);
    await fixture.rebuild();
    browser = await launchChromium();
    // Like deploy/nginx.conf: CORS on /api/, and /embed/ framable by the configured origin only.
    let allowed = '';
    status = await serveDirectory(fixture.output, (path) => ({
      ...(path.startsWith('/api/') ? { 'access-control-allow-origin': '*' } : {}),
      'content-security-policy': `frame-ancestors ${path.startsWith('/embed/') ? allowed : "'none'"}`,
    }));
    operator = await operatorSite(status.origin);
    allowed = operator.origin;
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await operator?.close();
    await status?.close().catch(() => {});
    fixture?.remove();
  });

  async function open(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${operator.origin}/`);
    return page;
  }

  it('writes valid SVG badges with the state in words and a title', async () => {
    const page = await browser.newPage();
    for (const path of ['/badge.svg', '/services/imap/badge.svg', '/services/webmail/badge.svg']) {
      assert.equal(await svgProblems(page, fixture.read(path)), null, path);
    }
    await page.close();
    const { document } = parseHTML(fixture.read('/badge.svg'));
    assert.equal(document.querySelector('title')?.textContent, 'Example ISP Network Status: Major outage');
    assert.deepEqual([...document.querySelectorAll('text')].map((t) => t.textContent), ['status', 'major outage']);
    const imap = parseHTML(fixture.read('/services/imap/badge.svg')).document;
    assert.equal(imap.querySelector('title')?.textContent, 'Mail: IMAP and POP: Major outage');
    const webmail = parseHTML(fixture.read('/services/webmail/badge.svg')).document;
    assert.equal(webmail.querySelector('title')?.textContent, 'Webmail: Operational');
    for (const path of ['/badge.svg', '/services/imap/badge.svg']) {
      assert.doesNotMatch(fixture.read(path), /https?:\/\/(?!www\.w3\.org\/2000\/svg)|@font-face|<image|href=/, `${path} loads nothing`);
    }
  });

  it('shows the badges, the embed page and the banner on the operator\'s page, the hostile title as text', async () => {
    const page = await open();
    const banner = page.locator('.noticeboard-banner');
    await banner.waitFor();
    assert.equal(await banner.getAttribute('role'), 'region');
    assert.match((await banner.textContent()) ?? '', /Major Service Outage: <img src=x onerror="window.pwned=1">IMAP & <b>logins<\/b> failing/);
    assert.equal(await page.locator('.noticeboard-banner img, .noticeboard-banner b').count(), 0);
    assert.equal(await page.locator('.noticeboard-banner a').getAttribute('href'), `${status.origin}/`);
    for (const id of ['#site-badge', '#imap-badge']) {
      assert.ok((await page.locator(id).evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))) > 50, `${id} drawn`);
    }
    const frame = page.frameLocator('#embed');
    await frame.locator('h1').waitFor();
    assert.match((await frame.locator('h1').textContent()) ?? '', /Major outage/);
    assert.equal(await frame.locator('.item-title').textContent(), HOSTILE);
    assert.equal(await frame.locator('.item-title').getAttribute('target'), '_blank');
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'operator-firing.png') });
    await page.locator('.noticeboard-banner button').click();
    assert.equal(await banner.count(), 0, 'dismissed');
    await page.reload();
    await frame.locator('h1').waitFor();
    assert.equal(await page.locator('.noticeboard-banner').count(), 0, 'stays dismissed for the same problem');
    assert.equal(await page.locator('#content').textContent(), 'Welcome to our home page.');
    await page.close();
  });

  it('is not framed by an origin the config does not list', async () => {
    const page = await browser.newPage();
    // The status site itself is not in embed.origins: its own pages cannot frame /embed/.
    await page.goto(`${status.origin}/404.html`);
    const blocked = await page.evaluate(async (src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
      await new Promise((done) => frame.addEventListener('load', done));
      try {
        return frame.contentDocument?.querySelector('h1') === null || frame.contentDocument === null;
      } catch {
        return true;
      }
    }, `${status.origin}/embed/`);
    assert.equal(blocked, true);
    await page.close();
  });

  it('says all is well once the alert resolves and the site is rebuilt', async () => {
    const result = ingest(fixture.root, 'alertmanager', 'alertmanager-resolved.json', '2008-10-02T01:00-07:00');
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(checkSite(fixture.root).problems, []);
    await fixture.rebuild('2008-10-02T01:00-07:00');
    const { document } = parseHTML(fixture.read('/badge.svg'));
    assert.equal(document.querySelector('title')?.textContent, 'Example ISP Network Status: All systems operational');
    const page = await open();
    const frame = page.frameLocator('#embed');
    await frame.locator('h1').waitFor();
    assert.match((await frame.locator('h1').textContent()) ?? '', /All systems operational/);
    assert.equal(await frame.locator('.empty').first().textContent(), 'No open incidents.');
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('.noticeboard-banner').count(), 0);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'operator-resolved.png') });
    await page.close();
  });

  it('leaves the operator\'s page working when the status site is unreachable', async () => {
    await status.close();
    const page = await open();
    await page.waitForLoadState('load');
    assert.equal(await page.locator('#content').textContent(), 'Welcome to our home page.');
    assert.equal(await page.locator('.noticeboard-banner').count(), 0);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'operator-unreachable.png') });
    await page.close();
    assert.deepEqual(errors, [], 'no script errors on the operator\'s page');
  });
});

describe('/embed.js when the API fails', () => {
  it('shows nothing and throws nothing when summary.json is an error page', async () => {
    const fixture = createFixture({ files: { 'site.config.yaml': ingestConfig() }, build: false });
    fixture.write('_site/embed.js', readFileSync(join(import.meta.dirname, '../public/embed.js'), 'utf8'));
    fixture.write('_site/404.html', '<!doctype html><title>Not found</title>');
    const status = await serveDirectory(fixture.output);
    const operator = await operatorSite(status.origin);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${operator.origin}/`);
      await page.waitForLoadState('networkidle');
      assert.ok(status.requests.includes('/api/v2/summary.json'), 'the script asked');
      assert.equal(await page.locator('.noticeboard-banner').count(), 0);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await operator.close();
      await status.close();
      fixture.remove();
    }
  });
});
