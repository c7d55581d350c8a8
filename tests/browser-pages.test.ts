/**
 * The pages in Debian's chromium (headless, via playwright-core), served from
 * 127.0.0.1 by a tiny static server: accessibility (axe-core) at phone and
 * desktop widths, light and dark, with the page script and without; every fact
 * in the text without JavaScript; and the page script on the reader's clock
 * and in the reader's zone. One browser for the whole file.
 *
 * Missing chromium, playwright-core or axe-core fail the test with a hint to
 * run `npm run test:setup`.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { SiteModel } from '../src/model/model.ts';
import { loadSite } from '../src/site/load-site.ts';
import { formatAvailability } from '../src/model/availability.ts';
import { availabilityOf, overallLabel, stateIcon, stateLabel, stateTone, typeLabel } from '../src/model/views.ts';
import { formatDateTime, formatTime } from '../src/time/zoned-format.ts';
import { axeSource, launchChromium, serveDirectory, type StaticServer } from './helpers/browser.ts';
import { SAMPLE_NOW, type Fixture } from './helpers/build-fixture.ts';
import { at } from './helpers/config.ts';
import { buildPagesSite } from './helpers/pages-fixture.ts';
import { EN } from './helpers/english.ts';

const ZONE = 'America/Los_Angeles';
const SAN_JOSE = '/2008/09/29/san-jose-pop-retrofit/';
/** The pages axe checks: the home page, a notice, a month archive, a service. */
const AXE_PAGES = ['/', SAN_JOSE, '/2008/09/', '/services/imap/', '/2008/10/01/imap-slow/'];

let browser: Browser;
/** Built at SAMPLE_NOW, with EXTRA_POSTS: the San Jose window is in progress. */
let live: StaticServer;
let liveModel: SiteModel;
/** Built the afternoon before the San Jose window, when it was still scheduled. */
let early: StaticServer;
const requested: string[] = [];
const scriptErrors: string[] = [];

/**
 * A context that records every request and, while the site's script runs
 * (`script`), every script error and console error.
 */
async function context(options: BrowserContextOptions = {}, script = options.javaScriptEnabled !== false): Promise<BrowserContext> {
  const created = await browser.newContext({ locale: 'en-US', timezoneId: ZONE, ...options });
  created.on('request', (request) => requested.push(request.url()));
  if (script) {
    created.on('weberror', (error) => scriptErrors.push(error.error().message));
    created.on('console', (message) => {
      if (message.type() === 'error') scriptErrors.push(`${message.text()} (${message.location().url})`);
    });
  }
  return created;
}

/** The page's text as a reader sees it (rendered text, whitespace collapsed). */
const textOf = (page: Page, selector = 'body') => page.locator(selector).first().evaluate((el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim());
const texts = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));

/**
 * Builds and serves the sites and launches the browser, once. Every test awaits
 * it first, so a missing tool fails each test with its hint (a failing hook
 * would only cancel them).
 */
let setupOnce: Promise<void> | undefined;
const fixtures: Fixture[] = [];
const setup = () =>
  (setupOnce ??= (async () => {
    const built = await buildPagesSite(SAMPLE_NOW, true);
    fixtures.push(built);
    liveModel = loadSite({ root: built.root, now: at(SAMPLE_NOW) });
    live = await serveDirectory(built.output);
    const before = await buildPagesSite('2008-10-01T12:00-07:00');
    fixtures.push(before);
    early = await serveDirectory(before.output);
    browser = await launchChromium();
  })());

after(async () => {
  await browser?.close();
  await live?.close();
  await early?.close();
  for (const fixture of fixtures) fixture.remove();
});

describe('axe-core reports no violations', () => {
  for (const script of [true, false]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [375, 1280]) {
        it(`at ${width} px, ${colorScheme}, JavaScript ${script ? 'on' : 'off'}: ${AXE_PAGES.join(' ')}`, async () => {
          await setup();
          // axe itself is a script, so "off" means the site's own script never loads (it is the
          // pages' only one, and there is no <noscript>): the page exactly as a reader without
          // JavaScript gets it. bypassCSP lets axe in; the CSP itself is tested below.
          const ctx = await context({ viewport: { width, height: 800 }, colorScheme, bypassCSP: true, timezoneId: 'Europe/Berlin' }, script);
          await ctx.clock.setFixedTime(at(SAMPLE_NOW));
          if (!script) await ctx.route(/\.js$/, (route) => route.abort());
          const page = await ctx.newPage();
          const axe = axeSource();
          const found: string[] = [];
          for (const url of AXE_PAGES) {
            assert.equal((await page.goto(live.origin + url))?.status(), 200, url);
            assert.equal(await page.locator('#tz button').count(), script ? 1 : 0, `the page script ${script ? 'ran' : 'did not run'} on ${url}`);
            await page.addScriptTag({ content: axe });
            const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe.run());
            for (const violation of results.violations) {
              found.push(`${url}: ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
            }
          }
          await ctx.close();
          assert.deepEqual(found, []);
        });
      }
    }
  }
});

describe('without JavaScript', () => {
  it('every fact is in the page text: states, windows and times with their zone', async () => {
    await setup();
    const ctx = await context({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    const site = liveModel;
    const missing: string[] = [];
    const expect = (url: string, text: string, facts: string[]) => {
      for (const fact of facts) if (!text.includes(fact)) missing.push(`${url}: ${JSON.stringify(fact)}`);
    };

    for (const notice of site.notices) {
      await page.goto(live.origin + notice.url);
      const text = await textOf(page, 'main');
      const facts = [notice.title, typeLabel(notice.type, EN), `Posted by`, formatDateTime(notice.date, ZONE)];
      if (notice.state) facts.push(stateLabel(notice.state, EN));
      const window = notice.shownWindow;
      if (window) {
        facts.push(formatDateTime(window.start, ZONE));
        facts.push(window.end ? (window.sameDay ? formatTime(window.end, ZONE) : formatDateTime(window.end, ZONE)) : 'ongoing');
      }
      for (const update of notice.published) facts.push(`${stateLabel(update.status, EN)} ${formatDateTime(update.at, ZONE)}`);
      for (const id of notice.services) facts.push(site.serviceById.get(id)!.name);
      expect(notice.url, text, facts);
      assert.match(text, /\b(PDT|PST)\b/, `${notice.url} names the zone`);
    }

    await page.goto(live.origin + '/');
    const home = await textOf(page, 'main');
    expect('/', home, [
      overallLabel(site.overall, EN),
      `Status as of ${formatDateTime(site.now, ZONE)}`,
      ...site.openIncidents.map((n) => n.title),
      ...site.maintenanceInProgress.map((n) => n.title),
      ...site.upcomingMaintenance.map((n) => n.title),
      ...site.services.flatMap((s) => [s.name, stateLabel(s.state, EN)]),
    ]);
    assert.deepEqual(await texts(page, '.open-incidents .item-title'), ['IMAP slow for some mailboxes']);
    assert.match(await textOf(page, '.open-incidents'), /Identified .*Affected: Wed, Oct 1, 2008, 11:40 PM PDT – ongoing/);
    assert.deepEqual(await texts(page, '.maintenance-upcoming .item-title'), ['Webmail upgrade']);
    assert.match(await textOf(page, '.maintenance-upcoming'), /Window: Fri, Oct 3, 2008, 1:00 AM PDT – 3:00 AM PDT/);
    assert.equal(await page.locator('header .tz').innerText(), 'Times in Pacific Time (America/Los_Angeles)');

    for (const service of site.services) {
      await page.goto(live.origin + service.url);
      const availability = availabilityOf(site, service);
      expect(service.url, await textOf(page, 'main'), [
        stateLabel(service.state, EN),
        `${formatAvailability(availability.ratio, availability.downtime)} available in 90 days`,
        formatDateTime(site.now, ZONE),
      ]);
    }
    await ctx.close();
    assert.deepEqual(missing, []);
  });
});

describe('with JavaScript, on the reader\'s clock', () => {
  const badge = (state: 'in-progress' | 'completed' | 'scheduled' | 'under-maintenance' | 'operational') => ({
    className: `badge tone-${stateTone(state)}`,
    text: `${stateIcon(state)} ${stateLabel(state, EN)}`,
  });
  const badgeOf = (page: Page, selector: string) =>
    page.locator(selector).first().evaluate((el) => ({ className: el.className, text: (el.textContent ?? '').replace(/\s+/g, ' ').trim() }));

  async function openEarlySite(clock: string): Promise<{ ctx: BrowserContext; page: Page }> {
    const ctx = await context();
    await ctx.clock.setFixedTime(at(clock));
    const page = await ctx.newPage();
    return { ctx, page };
  }

  it('a page built before a maintenance window shows it in progress once the reader\'s clock is inside it', async () => {
    await setup();
    const { ctx, page } = await openEarlySite(SAMPLE_NOW);
    await page.goto(early.origin + '/');
    assert.deepEqual(await texts(page, '.maintenance-now .item-title'), ['San Jose POP Retrofit']);
    assert.deepEqual(await badgeOf(page, '.maintenance-now .badge'), badge('in-progress'));
    assert.equal(await page.locator('.maintenance-now .empty').isVisible(), false);
    assert.equal(await page.locator('.maintenance-upcoming .notice-item').count(), 0);
    assert.equal(await textOf(page, '.maintenance-upcoming .empty'), 'No maintenance scheduled.');
    assert.deepEqual(await badgeOf(page, '.services a[href="/services/backbone/"] + .badge'), badge('under-maintenance'));
    assert.equal(await textOf(page, '.banner h1'), '■ Maintenance in progress');
    assert.match(await page.locator('.banner').getAttribute('class') ?? '', /tone-maintenance/);
    // The build said "scheduled": the page script moved it.
    assert.match(await textOf(page, '.recent'), /San Jose POP Retrofit Maintenance ▶ In progress/);

    await page.goto(early.origin + SAN_JOSE);
    assert.deepEqual(await badgeOf(page, '.facts .badge'), badge('in-progress'));
    assert.equal(await textOf(page, '.facts .rel'), '(29 minutes ago)');
    await page.goto(early.origin + '/services/backbone/');
    assert.deepEqual(await badgeOf(page, '.state-now .badge'), badge('under-maintenance'));
    await ctx.close();
  });

  it('and completed once it has ended, the service back to operational', async () => {
    await setup();
    const { ctx, page } = await openEarlySite('2008-10-02T02:00-07:00');
    await page.goto(early.origin + '/');
    assert.equal(await page.locator('.maintenance-now .notice-item, .maintenance-upcoming .notice-item').count(), 0);
    assert.equal(await textOf(page, '.maintenance-now .empty'), 'No maintenance in progress.');
    assert.deepEqual(await badgeOf(page, '.services a[href="/services/backbone/"] + .badge'), badge('operational'));
    assert.equal(await textOf(page, '.banner h1'), '✔ All systems operational');
    await page.goto(early.origin + SAN_JOSE);
    assert.deepEqual(await badgeOf(page, '.facts .badge'), badge('completed'));
    await ctx.close();
  });

  it('never moves a state back when the reader\'s clock is behind the build', async () => {
    await setup();
    // The live site was built at 00:30 on Oct 2, inside the San Jose window; the
    // reader's clock says 06:00 on Oct 1, before the window: the page stays as built.
    const { ctx, page } = await openEarlySite('2008-10-01T06:00-07:00');
    await page.goto(live.origin + '/');
    assert.ok((await page.locator('.rel').count()) > 0, 'the page script ran: it wrote relative times');
    assert.deepEqual(await texts(page, '.maintenance-now .item-title'), ['San Jose POP Retrofit']);
    assert.deepEqual(await badgeOf(page, '.maintenance-now .badge'), badge('in-progress'));
    assert.equal(await page.locator('.maintenance-upcoming .item-title').filter({ hasText: 'San Jose' }).count(), 0);
    assert.deepEqual(await badgeOf(page, '.services a[href="/services/backbone/"] + .badge'), badge('under-maintenance'));
    assert.equal(await textOf(page, '.banner h1'), '▲ Degraded performance', 'as built: the open IMAP incident');
    await page.goto(live.origin + SAN_JOSE);
    assert.deepEqual(await badgeOf(page, '.facts .badge'), badge('in-progress'));

    // And a page built before the window keeps it scheduled.
    await page.goto(early.origin + '/');
    assert.deepEqual(await texts(page, '.maintenance-upcoming .item-title'), ['San Jose POP Retrofit']);
    assert.deepEqual(await badgeOf(page, '.maintenance-upcoming .badge'), badge('scheduled'));
    await ctx.close();
  });
});

describe('with JavaScript, in the reader\'s zone', () => {
  it('shows times in the reader\'s zone with a clear label, keeps the choice, and goes back', async () => {
    await setup();
    const ctx = await context({ timezoneId: 'Europe/Berlin' });
    await ctx.clock.setFixedTime(at(SAMPLE_NOW));
    const page = await ctx.newPage();
    await page.goto(live.origin + SAN_JOSE);
    const window = page.locator('.facts time');
    assert.equal(await textOf(page, '#tz'), 'Times in Pacific Time (America/Los_Angeles) Show in my time zone');
    assert.deepEqual(await window.allInnerTexts(), ['Thu, Oct 2, 2008, 12:01 AM PDT', '1:31 AM PDT']);

    await page.click('#tz button');
    assert.equal(await textOf(page, '#tz'), 'Times in your time zone (Europe/Berlin) Show in site time');
    const mine = (await window.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    assert.match(mine[0]!, /^Oct 2, 2008, 9:01 AM GMT\+2$/);
    assert.match(mine[1]!, /^Oct 2, 2008, 10:31 AM GMT\+2$/);
    assert.equal(await window.first().getAttribute('datetime'), '2008-10-02T00:01:00-07:00', 'the exact instant stays');

    await page.reload();
    assert.match((await window.first().innerText()).replace(/\s+/g, ' '), /9:01 AM GMT\+2/, 'the choice is kept');
    await page.click('#tz button');
    assert.deepEqual(await window.allInnerTexts(), ['Thu, Oct 2, 2008, 12:01 AM PDT', '1:31 AM PDT']);
    await ctx.close();
  });

  it('adds relative times to times near now and to "as of" times', async () => {
    await setup();
    const ctx = await context();
    await ctx.clock.setFixedTime(at('2008-10-02T03:30-07:00'));
    const page = await ctx.newPage();
    await page.goto(live.origin + SAN_JOSE);
    assert.deepEqual(await texts(page, '.facts .rel'), ['(3 hours ago)', '(2 hours ago)']);
    await page.goto(live.origin + '/');
    assert.equal(await textOf(page, '.banner .asof'), 'Status as of Thu, Oct 2, 2008, 12:30 AM PDT (3 hours ago)');
    assert.match(await textOf(page, '.maintenance-upcoming'), /Fri, Oct 3, 2008, 1:00 AM PDT \(in 22 hours\)/);
    await ctx.close();
  });
});

describe('the availability strips', () => {
  it('are one tab stop each; arrow keys, Home and End move through the days, each shown in the caption', async () => {
    await setup();
    const ctx = await context();
    await ctx.clock.setFixedTime(at(SAMPLE_NOW));
    const page = await ctx.newPage();
    await page.goto(live.origin + '/');
    const strips = page.locator('.services .strip');
    assert.equal(await strips.count(), liveModel.services.length);
    assert.deepEqual(
      await strips.evaluateAll((els) => els.map((el) => [...el.children].filter((li) => (li as HTMLElement).tabIndex === 0).length)),
      liveModel.services.map(() => 1),
    );
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    const caption = () =>
      page.locator('.services .strip').first().evaluate((strip) => getComputedStyle(strip.nextElementSibling!, '::before').content);

    await page.focus('.services a[href="/services/backbone/"]');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Oct 2 (today): 100%, maintenance');
    assert.equal(await caption(), '"Oct 2 (today): 100%, maintenance"');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(), 'Oct 1: 100%');
    await page.keyboard.press('Home');
    assert.equal(await focused(), 'Jul 5: 100%');
    await page.keyboard.press('End');
    assert.equal(await focused(), 'Oct 2 (today): 100%, maintenance');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Upstream transit', 'one Tab leaves the strip');
    assert.equal(await caption(), 'none', 'the caption is back to the percentage');
    await ctx.close();
  });
});

describe('layout', () => {
  it('fits a 320 px wide screen without sideways scrolling', async () => {
    await setup();
    const ctx = await context({ viewport: { width: 320, height: 640 } });
    await ctx.clock.setFixedTime(at(SAMPLE_NOW));
    const page = await ctx.newPage();
    const overflowing: string[] = [];
    for (const url of [...AXE_PAGES, '/services/', '/archive/', '/404.html']) {
      await page.goto(live.origin + url);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      if (scroll! > client!) overflowing.push(`${url}: ${scroll} > ${client}`);
    }
    await ctx.close();
    assert.deepEqual(overflowing, []);
  });
});

describe('requests', () => {
  it('no request leaves the site, and the page script raised no error', async () => {
    await setup();
    assert.ok(requested.length > 50, `requests were recorded (${requested.length})`);
    const foreign = requested.filter((url) => !url.startsWith(`${live.origin}/`) && !url.startsWith(`${early.origin}/`) && !url.startsWith('data:'));
    assert.deepEqual(foreign, []);
    assert.deepEqual(scriptErrors, []);
  });
});
