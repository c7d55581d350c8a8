/**
 * The history, search and availability pages of a built site (Europe/Berlin,
 * fixed "now"): the figures a reader sees and downloads (the CSV read by
 * csv-parse), the paginated and filtered history, the Pagefind search in
 * chromium with every request recorded, and axe and the Nu checker on the
 * new pages.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { pagerNumbers, paginate } from '../src/model/history.ts';
import { CSV_COLUMNS } from '../src/outputs/availability-downloads.ts';
import { formatDateTime } from '../src/time/zoned-format.ts';
import { axeSource, launchChromium, serveDirectory, vnuJar, type StaticServer } from './helpers/browser.ts';
import { buildFixture, type Fixture } from './helpers/build-fixture.ts';
import { BERLIN_SLA_CONFIG, at } from './helpers/config.ts';

const CONFIG = BERLIN_SLA_CONFIG;

const post = (front: string, body = 'Customers may notice it.') => `---\n${front.trim()}\nauthors: NOC\n---\n${body}\n`;
const incident = (start: string, end: string, impact: string, services = 'dsl', body?: string) =>
  post(`title: Incident at ${start}\ntype: incident\ndate: ${start}\nimpact: ${impact}\nservices: [${services}]\nwindow: {start: ${start}, end: ${end}}`, body);

const FILES: Record<string, string> = {
  'site.config.yaml': CONFIG,
  'posts/2024/01/major.md': incident('2024-01-10 10:00', '2024-01-10 13:30', 'major', 'dsl', 'The access router in Leipzig lost its quokka configuration.'),
  'posts/2024/04/boundary.md': incident('2024-04-30 23:00', '2024-05-01 01:00', 'critical'),
  'posts/2024/06/works.md': post('title: Planned works\ntype: maintenance\ndate: 2024-06-01 09:00\nservices: [dsl]\nwindow: {start: 2024-06-03 01:00, duration: 4h}'),
  'posts/2024/07/mail.md': incident('2024-07-01 10:30', '2024-07-01 11:30', 'minor', 'mail'),
};
// 116 plain notices besides, for the pages: 120 in all.
for (let i = 0; i < 116; i++) {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + Math.floor(i / 28)).padStart(2, '0');
  FILES[`posts/2023/${month}/note-${i}.md`] = post(`title: Note ${i}\ntype: notice\ndate: 2023-${month}-${day} 09:${String(i % 60).padStart(2, '0')}`);
}

let site: Fixture;
before(async () => {
  // 120 notices in 3 parts of the search index, as an archive of 4,001 to 6,000 notices has.
  site = await buildFixture({ files: FILES, now: '2024-08-15 12:00', searchPartSize: 50 });
});
after(() => site?.remove());

const documentOf = (path: string) => parseHTML(site.read(path.endsWith('/') ? `${path}index.html` : path)).document;
const rowText = (path: string, id: string) =>
  [...documentOf(path).querySelectorAll(`#${id} > *`)].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim());

describe('the availability pages', () => {
  it('show a 3½-hour major incident as 105 weighted minutes and the month below the target, in words and colour', () => {
    const row = rowText('/services/dsl/availability/2024/', 'p-2024-01');
    assert.deepEqual(row.slice(0, 3), ['January 2024', '44,640', '105']);
    assert.match(row[3]!, /^99\.76% ✖ below the 99\.95% target$/);
    assert.match(row[4]!, /Incident at 2024-01-10 10:00/);
    const cell = documentOf('/services/dsl/availability/2024/').querySelector('#p-2024-01 td.breach');
    assert.ok(cell, 'the breach cell has its colour class');
  });

  it('give March its real minutes across the clock change, and split the incident crossing into May', () => {
    assert.deepEqual(rowText('/services/dsl/availability/', 'p-2024-03').slice(0, 4), ['March 2024', '44,580', '0', '100%']);
    assert.deepEqual(rowText('/services/dsl/availability/', 'p-2024-04').slice(1, 3), ['43,200', '60']);
    assert.deepEqual(rowText('/services/dsl/availability/', 'p-2024-05').slice(1, 3), ['44,640', '60']);
    assert.deepEqual(rowText('/services/dsl/availability/', 'p-2024-06').slice(2, 4), ['0', '100%'], 'maintenance is not downtime');
    assert.deepEqual(rowText('/services/dsl/availability/', 'p-2024-08').slice(0, 1), ['August 2024 (to date)']);
  });

  it('list every service on /availability/ over the last 12 months and 4 quarters', () => {
    const document = documentOf('/availability/');
    const headers = [...document.querySelectorAll('table.report thead th')].map((th) => th.textContent);
    assert.deepEqual(headers, ['Service', 'Sep 2023', 'Oct 2023', 'Nov 2023', 'Dec 2023', 'Jan 2024', 'Feb 2024', 'Mar 2024', 'Apr 2024', 'May 2024', 'Jun 2024', 'Jul 2024', 'Aug 2024 (to date)', 'Q4 2023', 'Q1 2024', 'Q2 2024', 'Q3 2024 (to date)']);
    const rows = [...document.querySelectorAll('table.report tbody tr')].map((tr) => tr.querySelector('th')!.textContent!.replace(/\s+/g, ' '));
    assert.deepEqual(rows, ['DSLtarget 99.95%', 'Mail']);
    const cells = [...document.querySelectorAll('table.report tbody tr:first-child td')];
    const breached = cells.flatMap((cell, index) => (cell.classList.contains('breach') ? [headers[index + 1]] : []));
    // January: 105 minutes; April and May: an hour each (99.86%).
    assert.deepEqual(breached, ['Jan 2024', 'Apr 2024', 'May 2024', 'Q1 2024', 'Q2 2024']);
    assert.match(cells[4]!.textContent!, /below the 99\.95% target/);
  });

  it('draw each year as a calendar: one list item per day, its text said in words', () => {
    const document = documentOf('/services/dsl/availability/2024/');
    const months = [...document.querySelectorAll('ol.cal')];
    assert.equal(months.length, 8, 'January to August');
    assert.equal(months[2]!.getAttribute('aria-label'), 'DSL, March 2024, availability by day');
    assert.equal(months[2]!.querySelectorAll('li').length, 31);
    assert.equal(months[0]!.querySelectorAll('li')[9]!.textContent, 'Jan 10: 92.70%, 1 incident');
    assert.equal(months[5]!.querySelectorAll('li')[2]!.textContent, 'Jun 3: 100%, maintenance');
  });
});

describe('the availability downloads', () => {
  it('are CSV a parser reads, with the documented columns and exact figures', () => {
    const rows = parse(site.read('/availability.csv'), { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]!), [...CSV_COLUMNS]);
    const january = rows.find((row) => row.service === 'dsl' && row.period === '2024-01')!;
    assert.deepEqual(
      [january.kind, january.minutes, january.downtime_minutes, january.availability_percent, january.sla_percent, january.below_sla],
      ['month', '44640', '105', '99.7647', '99.95', 'yes'],
    );
    assert.equal(rows.find((row) => row.service === 'dsl' && row.period === '2024-Q1')!.minutes, String(44_640 + 41_760 + 44_580));
    assert.equal(rows.find((row) => row.service === 'mail' && row.period === '2024-07')!.downtime_minutes, '15');
    assert.equal(rows.find((row) => row.service === 'mail' && row.period === '2024-07')!.below_sla, '', 'no target');
    const own = parse(site.read('/services/mail/availability.csv'), { columns: true }) as Record<string, string>[];
    assert.ok(own.length > 0 && own.every((row) => row.service === 'mail'));
  });

  it('are JSON with the same periods', () => {
    const json = JSON.parse(site.read('/services/dsl/availability.json'));
    assert.equal(json.timezone, 'Europe/Berlin');
    const january = json.services[0].periods.find((period: { period: string }) => period.period === '2024-01');
    assert.deepEqual([january.minutes, january.downtime_minutes, january.below_sla], [44_640, 105, true]);
  });
});

describe('the history pages', () => {
  const listed = (path: string) => [...documentOf(path).querySelectorAll('.notice-list .item-title a')].map((a) => a.getAttribute('href'));

  it('page the notices with URLs that keep their contents: full pages numbered from the oldest', () => {
    const first = listed('/history/');
    assert.equal(first.length, 70, '120 notices: the 20 newest and the newest full page of 50');
    assert.equal(first[0], '/2024/07/01/mail/');
    const oldest = listed('/history/1/');
    assert.equal(oldest.length, 50);
    assert.equal(oldest.at(-1), '/2023/01/01/note-0/');
    assert.equal(site.exists('/history/2/index.html'), false);
    assert.equal(documentOf('/history/').querySelector('a[rel="next"]')!.getAttribute('href'), '/history/1/');
  });

  it('filter by type and by service, each a static page', () => {
    assert.deepEqual(listed('/history/incident/'), ['/2024/07/01/mail/', '/2024/04/30/boundary/', '/2024/01/10/major/']);
    assert.deepEqual(listed('/history/maintenance/'), ['/2024/06/01/works/']);
    assert.deepEqual(listed('/history/service/mail/'), ['/2024/07/01/mail/']);
    assert.equal(listed('/history/notice/').length, 66);
    assert.equal(listed('/history/notice/1/').length, 50);
    const current = documentOf('/history/incident/').querySelector('.history-filters [aria-current]');
    assert.equal(current?.textContent, 'Incidents');
  });

  it('are linked from every page', () => {
    assert.ok(documentOf('/').querySelector('nav[aria-label="Site"] a[href="/history/"]'));
  });

  it('link from each page to a bounded set of page numbers: the highest, those near it, and the oldest', () => {
    assert.deepEqual(pagerNumbers(0, 0), []);
    assert.deepEqual(pagerNumbers(3, 0), [3, 2, 1]);
    // The first page (0) sits above the highest numbered one.
    assert.deepEqual(pagerNumbers(2000, 0), [2000, 1999, null, 1]);
    assert.deepEqual(pagerNumbers(2000, 1000), [2000, null, 1002, 1001, 1000, 999, 998, null, 1]);
    assert.deepEqual(pagerNumbers(10, 7), [10, 9, 8, 7, 6, 5, null, 1]);
    // A gap of one page shows that page.
    assert.deepEqual(pagerNumbers(10, 6), [10, 9, 8, 7, 6, 5, 4, null, 1]);
    for (const current of [0, 1, 2, 500, 1999, 2000]) assert.ok(pagerNumbers(2000, current).length <= 9);
    const pager = documentOf('/history/notice/').querySelector('.pager p.count')!;
    assert.deepEqual([...pager.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]), [['1', '/history/notice/1/']]);
  });

  it('number pages so that adding notices never moves one off its page', () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => ({ url: `/n${n - i}/`, type: 'notice' as const, services: [] }));
    const pages = (n: number) => paginate({ key: 'all', url: '/h/' }, list(n), 3).map((page) => [page.url, page.notices.map((x) => x.url).join(' ')]);
    assert.deepEqual(pages(2), [['/h/', '/n2/ /n1/']]);
    assert.deepEqual(pages(7), [['/h/', '/n7/ /n6/ /n5/ /n4/'], ['/h/1/', '/n3/ /n2/ /n1/']]);
    assert.deepEqual(pages(9)[2], ['/h/1/', '/n3/ /n2/ /n1/']);
    assert.deepEqual(pages(9)[1], ['/h/2/', '/n6/ /n5/ /n4/']);
  });
});

describe('search and the new pages in chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  const requested: string[] = [];
  const errors: string[] = [];
  before(async () => {
    server = await serveDirectory(site.output);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  const context = async (options: BrowserContextOptions = {}) => {
    const ctx = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Berlin', ...options });
    ctx.on('request', (request) => requested.push(request.url()));
    ctx.on('weberror', (error) => errors.push(error.error().message));
    ctx.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    return ctx;
  };

  it('finds a notice first by a word from its body, with title, date, type and excerpt, and nothing leaves the site', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    for (const path of ['/history/', '/archive/']) {
      await page.goto(server.origin + path);
      assert.equal(await page.locator('.search-fallback').isVisible(), false, 'the box replaces the link');
      await page.fill('#search-input', 'quokka');
      const first = page.locator('.search-results li').first();
      await first.waitFor();
      assert.equal(await first.locator('a').getAttribute('href'), '/2024/01/10/major/');
      assert.equal(await first.locator('a').innerText(), 'Incident at 2024-01-10 10:00');
      assert.equal(await first.locator('.item-meta').innerText(), `Incident · ${formatDateTime(at('2024-01-10 10:00', 'Europe/Berlin'), 'Europe/Berlin')}`);
      assert.match(await first.locator('.summary').innerText(), /quokka configuration/);
      assert.equal(await first.locator('.summary mark').innerText(), 'quokka');
      assert.equal(await page.locator('.search-status').innerText(), '1 notice matches.');
    }
    await ctx.close();
    assert.ok(requested.some((url) => url.includes('/pagefind/')), 'the index was loaded');
    assert.deepEqual(requested.filter((url) => !url.startsWith(`${server.origin}/`)), [], 'every request stays on the site');
    assert.deepEqual(errors, [], 'no script or CSP errors');
  });

  it('searches an index in parts as one: every match of every part, each part holding only its own index', async () => {
    assert.equal(documentOf('/history/').querySelector('.search-form')!.getAttribute('data-parts'), '3');
    for (const part of ['/pagefind/part-2/', '/pagefind/part-3/']) {
      assert.ok(site.exists(`${part}pagefind-entry.json`), `${part} has its index`);
      assert.deepEqual(
        site.files().filter((file) => file.startsWith(part) && !/\/(index|fragment)\//.test(file) && !/\.pf_meta$/.test(file)),
        [`${part}pagefind-entry.json`],
        `${part} has no script or WebAssembly of its own`,
      );
    }
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(server.origin + '/archive/');
    await page.fill('#search-input', 'note');
    await page.locator('.search-results li').first().waitFor();
    // "Note 0" to "Note 115": about 40 in each part, so 116 only when all three are searched
    // (Pagefind fetches them from its web worker, whose requests the context does not see).
    assert.equal(await page.locator('.search-status').innerText(), '116 notices match; the first 10 are shown.');
    const shown = await page.locator('.search-results li a').allInnerTexts();
    assert.equal(shown.length, 10);
    assert.ok(shown.every((title) => /^Note \d+$/.test(title)), shown.join(', '));
    await page.fill('#search-input', 'quokka');
    await page.waitForFunction(() => document.querySelector('.search-status')?.textContent === '1 notice matches.');
    await ctx.close();
    assert.deepEqual(errors, [], 'no script errors and no missing file');
  });

  it('without JavaScript shows a link to the archive instead of the box; the filters are plain links', async () => {
    const ctx = await context({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(server.origin + '/history/');
    assert.equal(await page.locator('.search-form').isVisible(), false);
    assert.equal(await page.locator('.search-fallback a').getAttribute('href'), '/archive/');
    await page.click('.history-filters a[href="/history/maintenance/"]');
    assert.equal(new URL(page.url()).pathname, '/history/maintenance/');
    assert.deepEqual(await page.locator('.notice-list .item-title a').allInnerTexts(), ['Planned works']);
    await ctx.close();
  });

  it('with JavaScript applies a filter in place, without loading a page, and Back returns', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(server.origin + '/history/');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.click('.history-filters a[href="/history/service/mail/"]');
    await page.locator('#history-heading', { hasText: 'History: Mail' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/history/service/mail/');
    assert.equal(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 1, 'the same page, not a new load');
    assert.deepEqual(await page.locator('.notice-list .item-title a').allInnerTexts(), ['Incident at 2024-07-01 10:30']);
    await page.goBack();
    await page.locator('#history-heading', { hasText: /^History$/ }).waitFor();
    assert.equal(await page.locator('.notice-list .notice-item').count(), 70);
    await ctx.close();
    assert.deepEqual(errors, []);
  });

  const AXE_PAGES = ['/history/', '/history/service/dsl/', '/archive/', '/availability/', '/services/dsl/availability/', '/services/dsl/availability/2024/'];
  for (const script of [true, false]) {
    for (const [width, colorScheme] of [[375, 'light'], [1280, 'dark']] as const) {
      it(`pass axe at ${width} px, ${colorScheme}, JavaScript ${script ? 'on' : 'off'}`, async () => {
        const ctx = await context({ viewport: { width, height: 800 }, colorScheme, bypassCSP: true });
        if (!script) await ctx.route(/\.js$/, (route) => route.abort());
        const page = await ctx.newPage();
        const found: string[] = [];
        for (const path of AXE_PAGES) {
          assert.equal((await page.goto(server.origin + path))?.status(), 200, path);
          await page.addScriptTag({ content: axeSource() });
          const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe.run());
          for (const violation of results.violations) found.push(`${path}: ${violation.id} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
        }
        await ctx.close();
        assert.deepEqual(found, []);
      });
    }
  }
});

describe('the Nu Html Checker', () => {
  it('finds no errors in the history, availability and archive pages', () => {
    const dirs = ['history', 'availability', 'archive', 'services/dsl/availability'].map((dir) => join(site.output, dir));
    const run = spawnSync('java', ['-jar', vnuJar(), '--format', 'json', '--skip-non-html', ...dirs], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) throw run.error;
    const report = JSON.parse(run.stderr || run.stdout) as { messages: { type: string; url?: string; lastLine?: number; message: string }[] };
    assert.deepEqual(report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error').map((m) => `${m.url}:${m.lastLine}: ${m.message}`), []);
  });
});
