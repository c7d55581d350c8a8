/**
 * Issue 11 item 9: the 90-day availability strips on small screens. At 375 px
 * every day must stay a bar of its own, with a visible gap, reachable by
 * pointer (tap) and keyboard, read by screen readers, and axe must still find
 * nothing. Measured in Debian's chromium with getBoundingClientRect.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { axeSource, launchChromium, serveDirectory, type StaticServer } from './helpers/browser.ts';
import { buildFixture, type Fixture } from './helpers/build-fixture.ts';
import { at, configYaml } from './helpers/config.ts';

const NOW = '2008-10-02 00:30';
const FILES: Record<string, string> = {
  'site.config.yaml': configYaml([
    ['imap', 'IMAP', 'Mail'],
    ['webmail', 'Webmail', 'Mail'],
    ['dsl', 'DSL', 'Access'],
  ]),
  'posts/2008/09/imap-down.md': `---
title: IMAP down
type: incident
date: 2008-09-12 10:00
window:
  start: 2008-09-12 10:00
  duration: 3h
services: [imap, webmail]
authors: [Don]
impact: critical
---
IMAP was down.
`,
  'posts/2008/09/dsl-move.md': `---
title: DSL move
type: maintenance
date: 2008-09-20 10:00
window:
  start: 2008-09-30 00:01
  duration: 30m
services: [dsl]
authors: [Nathan]
---
We move DSL subscribers.
`,
};

/** Each bar of the first strip on the page: its box and its text. */
async function bars(page: Page, strip = 0) {
  return page.locator('.strip').nth(strip).evaluate((el) =>
    [...el.children].map((li) => {
      const box = li.getBoundingClientRect();
      return { left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width, text: li.textContent ?? '' };
    }),
  );
}

describe('availability strips at 375 px', () => {
  let fixture: Fixture | undefined;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  before(async () => {
    fixture = await buildFixture({ files: FILES, now: NOW });
    server = await serveDirectory(fixture.output);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    fixture?.remove();
  });

  const open = async (url: string, options: BrowserContextOptions = {}) => {
    const ctx = await browser!.newContext({ locale: 'en-US', timezoneId: 'America/Los_Angeles', viewport: { width: 375, height: 800 }, ...options });
    await ctx.clock.setFixedTime(at(NOW));
    const page = await ctx.newPage();
    await page.goto(server!.origin + url);
    return { ctx, page };
  };

  it('draws every day as a bar of its own, at least 6 px wide, with a gap of at least 2 px, within the screen', async () => {
    for (const url of ['/', '/services/imap/']) {
      const { ctx, page } = await open(url);
      const count = await page.locator('.strip').count();
      assert.ok(count >= 1, url);
      for (let strip = 0; strip < count; strip++) {
        const boxes = await bars(page, strip);
        assert.equal(boxes.length, 90, `${url}: strip ${strip} has a bar per day`);
        for (const [index, box] of boxes.entries()) {
          assert.ok(box.width >= 6, `${url}: ${box.text}: ${box.width.toFixed(2)} px wide`);
          assert.ok(box.left >= 0 && box.right <= 375, `${url}: ${box.text}: off the screen`);
          const next = boxes[index + 1];
          if (next && next.left > box.left) assert.ok(next.left - box.right >= 2, `${url}: no visible gap after ${box.text}`);
        }
        // Wrapped in rows, oldest first: row by row, left to right, and the rows do not overlap.
        const rows = [...new Set(boxes.map((box) => Math.round(box.bottom)))];
        assert.equal(rows.length, 3, `${url}: three rows of 30 days at 375 px`);
        for (const [index, box] of boxes.entries()) {
          const previous = boxes[index - 1];
          if (previous) assert.ok(box.left > previous.left || box.top >= previous.bottom, `${url}: ${box.text} is not after ${previous.text}`);
        }
      }
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll! <= client!, `${url}: the page scrolls sideways`);
      await ctx.close();
    }
  });

  it('keeps one row of 90 on a wide screen', async () => {
    const { ctx, page } = await open('/', { viewport: { width: 1280, height: 800 } });
    const boxes = await bars(page);
    assert.equal(new Set(boxes.map((box) => Math.round(box.bottom))).size, 1);
    assert.ok(boxes.every((box) => box.width >= 6));
    await ctx.close();
  });

  it('lets a tap reach every day: it is the element under its own centre, and a tap shows it in the caption', async () => {
    const { ctx, page } = await open('/services/imap/', { hasTouch: true, isMobile: true });
    const strip = page.locator('.strip').first();
    await strip.scrollIntoViewIfNeeded();
    const boxes = await bars(page);
    const covered = await page.evaluate(
      (points) => points.filter(({ x, y, text }) => document.elementFromPoint(x, y)?.textContent !== text).map(({ text }) => text),
      boxes.map((box) => ({ x: (box.left + box.right) / 2, y: box.bottom - 2, text: box.text })),
    );
    assert.deepEqual(covered, []);
    const caption = () => strip.evaluate((el) => getComputedStyle(el.nextElementSibling!, '::before').content);
    const day = boxes.find((box) => box.text.startsWith('Sep 12'))!;
    await page.touchscreen.tap((day.left + day.right) / 2, day.bottom - 2);
    assert.equal(await caption(), JSON.stringify(day.text));
    assert.match(day.text, /^Sep 12: \d+\.\d+%, 1 incident$/);
    await ctx.close();
  });

  it('lets the keyboard reach every day, left and right through all 90, up and down by a row', async () => {
    const { ctx, page } = await open('/services/imap/');
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    const days = (await bars(page)).map((box) => box.text);
    await page.locator('.strip li[tabindex="0"]').focus();
    const seen = [await focused()];
    for (let i = 0; i < 89; i++) {
      await page.keyboard.press('ArrowLeft');
      seen.push(await focused());
    }
    assert.deepEqual(seen, [...days].reverse());
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), days[30], 'down: the same place in the next row (30 a row)');
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), days[0]);
    await ctx.close();
  });

  it('gives screen readers every day, as a list of 90', async () => {
    const { ctx, page } = await open('/services/imap/');
    const tree = await page.locator('.strip').first().ariaSnapshot();
    const items = tree.split('\n').filter((line) => /^\s*- listitem/.test(line));
    assert.equal(items.length, 90, tree.slice(0, 400));
    const days = (await bars(page)).map((box) => box.text);
    assert.deepEqual(items.map((line) => /listitem: (.*)$/.exec(line)?.[1]?.replace(/^"|"$/g, '')), days);
    await ctx.close();
  });

  it('has no axe violations at 375 px, light and dark, with and without JavaScript', async () => {
    const found: string[] = [];
    for (const script of [true, false]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const ctx = await browser!.newContext({ viewport: { width: 375, height: 800 }, colorScheme, bypassCSP: true, javaScriptEnabled: true });
        await ctx.clock.setFixedTime(at(NOW));
        if (!script) await ctx.route(/\.js$/, (route) => route.abort());
        const page = await ctx.newPage();
        for (const url of ['/', '/services/imap/']) {
          await page.goto(server!.origin + url);
          await page.addScriptTag({ content: axeSource() });
          const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run());
          for (const violation of results.violations) found.push(`${url} (${colorScheme}, JavaScript ${script ? 'on' : 'off'}): ${violation.id} x${violation.nodes.length}`);
        }
        await ctx.close();
      }
    }
    assert.deepEqual(found, []);
  });
});
