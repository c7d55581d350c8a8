/**
 * `npm run screenshots`: builds the sample site at a fixed "now" (the San Jose
 * POP maintenance in progress), serves it on 127.0.0.1 and writes PNGs of `/`,
 * one notice, one month archive and one service page, at 375 px and 1280 px
 * wide, light and dark, with Debian's chromium, into
 * docs/screenshots/<page>-<width>-<scheme>.png. Each is the page from the top,
 * at most MAX_HEIGHT px tall (the month archive is long). The repository keeps
 * only the two the README shows (see .gitignore). The browser's clock and zone
 * are the build's, so the page script shows what the build says.
 *
 *   npm run screenshots                    # all 16
 *   npm run screenshots -- --out /tmp/shots
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, serveDirectory } from '../tests/helpers/browser.ts';
import { buildFixture, PROJECT_ROOT, SAMPLE_NOW } from '../tests/helpers/build-fixture.ts';

const SCREENSHOT_NOW = SAMPLE_NOW;
const SCREENSHOT_PAGES = {
  home: '/',
  notice: '/2008/09/29/san-jose-pop-retrofit/',
  month: '/2008/09/',
  service: '/services/imap/',
} as const;
const WIDTHS = [375, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const MAX_HEIGHT = 2400;

const { values } = parseArgs({ options: { out: { type: 'string', default: join(PROJECT_ROOT, 'docs', 'screenshots') } } });
const out = resolve(values.out!);
mkdirSync(out, { recursive: true });

const fixture = await buildFixture({ from: PROJECT_ROOT, now: SCREENSHOT_NOW });
const server = await serveDirectory(fixture.output);
const browser = await launchChromium();
try {
  for (const width of WIDTHS) {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({
        viewport: { width, height: width < 600 ? 812 : 900 },
        deviceScaleFactor: 1,
        colorScheme,
        timezoneId: 'America/Los_Angeles',
        locale: 'en-US',
      });
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date(SCREENSHOT_NOW));
      for (const [name, url] of Object.entries(SCREENSHOT_PAGES)) {
        await page.goto(server.origin + url, { waitUntil: 'load' });
        const file = join(out, `${name}-${width}-${colorScheme}.png`);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) } });
        console.log(`Wrote ${file}`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  fixture.remove();
}
