/**
 * The i18n fixture site (tests/helpers/i18n-site.ts) in German and Arabic, in
 * chromium and the Nu checker: axe 0 violations and vnu 0 errors at 375 and
 * 1280 px, the right-to-left layout of Arabic, and the page script's words
 * and relative times ("vor 5 Minuten", "قبل 5 دقائق") in the page's language.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { at } from './helpers/config.ts';
import { axeSource, launchChromium, serveDirectory, vnuJar, type StaticServer } from './helpers/browser.ts';
import { buildFixture, type Fixture } from './helpers/build-fixture.ts';
import { I18N_NOW, I18N_POSTS, i18nConfig } from './helpers/i18n-site.ts';

const LANGUAGES = ['de', 'ar'] as const;
const PAGES = ['/', '/2026/03/20/vdsl-wartung/', '/2026/03/', '/services/imap/', '/services/imap/availability/', '/history/', '/subscribe/', '/404.html'];

let setupOnce: Promise<void> | undefined;
let browser: Browser;
const sites = new Map<string, { fixture: Fixture; server: StaticServer }>();
const setup = () =>
  (setupOnce ??= (async () => {
    for (const language of LANGUAGES) {
      const fixture = await buildFixture({ files: { 'site.config.yaml': i18nConfig(language), ...I18N_POSTS }, now: I18N_NOW });
      sites.set(language, { fixture, server: await serveDirectory(fixture.output) });
    }
    browser = await launchChromium();
  })());

after(async () => {
  await browser?.close();
  for (const { fixture, server } of sites.values()) {
    await server.close();
    fixture.remove();
  }
});

describe('German and Arabic pages', () => {
  for (const language of LANGUAGES) {
    for (const width of [375, 1280]) {
      it(`${language} at ${width} px: axe reports no violations`, async () => {
        await setup();
        const ctx = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true, timezoneId: 'Europe/Berlin', locale: language });
        await ctx.clock.setFixedTime(at(I18N_NOW));
        const page = await ctx.newPage();
        const found: string[] = [];
        for (const url of PAGES) {
          await page.goto(sites.get(language)!.server.origin + url);
          await page.addScriptTag({ content: axeSource() });
          const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe.run());
          for (const violation of results.violations) found.push(`${url}: ${violation.id} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
          // Nothing is wider than the page: no sideways scrolling, either direction.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `${language} ${url} at ${width} px scrolls sideways by ${overflow} px`);
        }
        await ctx.close();
        assert.deepEqual(found, []);
      });
    }
  }

  it('pass the Nu Html Checker with zero errors', async () => {
    await setup();
    const run = spawnSync('java', ['-jar', vnuJar(), '--format', 'json', '--skip-non-html', ...[...sites.values()].map(({ fixture }) => fixture.output)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error) throw run.error;
    const report = JSON.parse(run.stderr || run.stdout) as { messages: { type: string; url?: string; lastLine?: number; message: string }[] };
    const errors = report.messages.filter((message) => message.type === 'error').map((m) => `${m.url}:${m.lastLine}: ${m.message}`);
    assert.deepEqual(errors, []);
  });

  it('Arabic reads right to left: the banner\'s accent, the timeline and the strip start on the right', async () => {
    await setup();
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/Berlin' });
    await ctx.clock.setFixedTime(at(I18N_NOW));
    const page = await ctx.newPage();
    await page.goto(sites.get('ar')!.server.origin + '/');
    const banner = await page.locator('.banner').evaluate((el) => ({ right: getComputedStyle(el).borderRightWidth, left: getComputedStyle(el).borderLeftWidth }));
    assert.ok(parseFloat(banner.right) > parseFloat(banner.left), `the accent is on the right: ${JSON.stringify(banner)}`);
    const strip = page.locator('.strip').first();
    const [first, last] = await Promise.all([strip.locator('li').first().boundingBox(), strip.locator('li').last().boundingBox()]);
    assert.ok(first!.x > last!.x, 'the oldest day is on the right, today on the left');
    // The arrow keys move as the bars are drawn: left is the next (newer) day.
    await strip.locator('li').nth(40).focus();
    await page.keyboard.press('ArrowLeft');
    assert.equal(await strip.evaluate((el) => [...el.children].indexOf(document.activeElement!)), 41);
    await page.goto(sites.get('ar')!.server.origin + '/2026/03/20/vdsl-wartung/');
    const timeline = await page.locator('.timeline li').first().evaluate((el) => ({ right: getComputedStyle(el).borderRightWidth, left: getComputedStyle(el).borderLeftWidth }));
    assert.equal(timeline.right, '2px');
    assert.equal(timeline.left, '0px');
    await ctx.close();
  });

  it('the page script says relative times and its buttons in the page\'s language', async () => {
    await setup();
    const said: Record<string, { relative: string; button: string; label: string }> = {};
    for (const language of LANGUAGES) {
      // A reader in another zone, five minutes after the build.
      const ctx = await browser.newContext({ timezoneId: 'Asia/Tokyo' });
      await ctx.clock.setFixedTime(new Date(at(I18N_NOW).getTime() + 5 * 60_000));
      const page = await ctx.newPage();
      await page.goto(sites.get(language)!.server.origin + '/');
      said[language] = {
        relative: (await page.locator('.asof .rel').innerText()).trim(),
        button: await page.locator('#tz button').innerText(),
        label: '',
      };
      await page.locator('#tz button').click();
      said[language].label = (await page.locator('#tz span').innerText()).trim();
      await ctx.close();
    }
    assert.deepEqual(said, {
      de: { relative: '(vor 5 Minuten)', button: 'In meiner Zeitzone zeigen', label: 'Zeiten in Ihrer Zeitzone (Asia/Tokyo)' },
      ar: { relative: '(قبل 5 دقائق)', button: 'اعرض بمنطقتي الزمنية', label: 'الأوقات بحسب منطقتك الزمنية (Asia/Tokyo)' },
    });
  });
});
