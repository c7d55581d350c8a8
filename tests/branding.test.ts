/**
 * Branding in site.config.yaml (docs/customising.md): a fixture site with
 * every key, checked in the built HTML (linkedom), by the Nu checker, and in
 * chromium with axe in the light and the dark scheme; bad values and an
 * unreadable accent are problems with their lines; keys written where an
 * earlier guess would put them name the change (src/content/changed-keys.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { parseConfig } from '../src/content/config.ts';
import { changedKeysOf, type ChangedKey } from '../src/content/changed-keys.ts';
import { validateFields } from '../src/content/fields.ts';
import { formatProblem } from '../src/content/problems.ts';
import { noticeFields, updateFields } from '../src/content/notice.ts';
import { parseYaml } from '../src/content/yaml-source.ts';
import { fingerprintedName } from '../src/site/assets.ts';
import { lowestContrast, readableOnAll } from '../src/branding/contrast.ts';
import { darkAccentFor, SCHEME_BACKGROUNDS } from '../src/branding/stylesheet.ts';
import { axeSource, launchChromium, serveDirectory, vnuJar, type StaticServer } from './helpers/browser.ts';
import { buildFixture, PROJECT_ROOT, type Fixture } from './helpers/build-fixture.ts';
import { at } from './helpers/config.ts';
import { EXTRA_POSTS } from './helpers/pages-fixture.ts';

const NOW = '2008-10-02 12:00';

const HOSTILE_NAV = '<script>alert("nav")</script>';
const HOSTILE_TEXT = `Call 0800 <b>free</b> & "24/7" 'always' </footer><script>alert(1)</script>`;
const HOSTILE_LINK = '<img src=x onerror=alert(1)>';

const SERVICES = `services:
  - id: dsl
    name: DSL
  - id: imap
    name: IMAP
  - id: webmail
    name: Webmail
`;

const BRANDED_CONFIG = `title: Example "Net" <Status>
url: https://status.example.net
timezone: America/Los_Angeles
description: Service status of Example Net.
branding:
  logo: /logo.svg
  favicon: /favicon.png
  accent: "#00796B"
  accent_dark: "#26a69a"
navigation:
  - label: About
    url: /about/
  - label: ${JSON.stringify(HOSTILE_NAV)}
    url: https://www.example.net/support?from=status&lang=en
footer:
  text: ${JSON.stringify(HOSTILE_TEXT)}
  links:
    - label: Contact
      url: https://www.example.net/contact
    - label: ${JSON.stringify(HOSTILE_LINK)}
      url: /imprint/
${SERVICES}`;

const PAGES = ['/', '/2008/10/01/imap-slow/', '/services/', '/subscribe/'];

const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40" viewBox="0 0 160 40"><rect width="160" height="40" fill="#00796b"/></svg>\n`;
/** A 1 x 1 PNG. */
const FAVICON_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/2nV5OgAAAABJRU5ErkJggg==', 'base64');

const problemsOf = (yaml: string) => parseConfig(yaml, 'site.config.yaml').problems.map(formatProblem);
const BASE = `title: Example Net Status\nurl: https://status.example.net\ntimezone: UTC\nservices:\n  - id: dsl\n    name: DSL\n  - id: imap\n    name: IMAP\n`;

let site: Fixture;
before(async () => {
  // The site's own public/ folder brings the images.
  site = await buildFixture({ files: { 'site.config.yaml': BRANDED_CONFIG, ...EXTRA_POSTS, 'public/logo.svg': LOGO_SVG }, now: NOW, build: false });
  site.write('public/favicon.png', FAVICON_PNG);
  await site.rebuild();
});
after(() => site?.remove());

const documentOf = (url: string) => parseHTML(site.read(url.endsWith('/') ? `${url}index.html` : url)).document;
const texts = (elements: Iterable<Element>) => [...elements].map((element) => element.textContent);

describe('a site with every branding key', () => {
  it('shows the logo in the header instead of the title, named by the title', () => {
    for (const url of PAGES) {
      const home = documentOf(url).querySelector('.site-title a')!;
      const logo = home.querySelector('img')!;
      assert.equal(home.getAttribute('href'), '/', url);
      assert.equal(logo.getAttribute('src'), '/logo.svg', url);
      assert.equal(logo.getAttribute('alt'), 'Example "Net" <Status>', url);
      assert.deepEqual([logo.getAttribute('width'), logo.getAttribute('height')], ['160', '40'], `${url}: the logo's own size, from its file`);
      assert.equal(home.textContent, '', `${url}: the logo alone names the link`);
    }
  });

  it('links the favicon instead of the empty one', () => {
    const icons = documentOf('/').querySelectorAll('link[rel="icon"]');
    assert.deepEqual([...icons].map((link) => link.getAttribute('href')), ['/favicon.png']);
  });

  it('adds the navigation links after the built-in ones, their labels as text', () => {
    const links = [...documentOf('/subscribe/').querySelectorAll('header nav a')];
    assert.deepEqual(texts(links), ['Status', 'Services', 'Archive', 'History', 'Subscribe', 'About', HOSTILE_NAV]);
    assert.deepEqual(links.slice(-2).map((link) => link.getAttribute('href')), ['/about/', 'https://www.example.net/support?from=status&lang=en']);
    assert.equal(links[4]!.getAttribute('aria-current'), 'page');
  });

  it('shows the footer text and links as text, after the description', () => {
    const footer = documentOf('/').querySelector('footer.site-footer')!;
    assert.deepEqual(texts(footer.querySelectorAll('p')), ['Service status of Example Net.', HOSTILE_TEXT]);
    const links = [...footer.querySelectorAll('a')];
    assert.deepEqual(texts(links), ['Contact', HOSTILE_LINK]);
    assert.deepEqual(links.map((link) => link.getAttribute('href')), ['https://www.example.net/contact', '/imprint/']);
  });

  it('runs no script of the operator’s words and loads nothing but the site’s own files', () => {
    for (const url of PAGES) {
      const document = documentOf(url);
      const scripts = [...document.querySelectorAll('script')];
      assert.ok(scripts.every((script) => /^\/[a-z-]+\.[0-9a-f]{10}\.js$/.test(script.getAttribute('src') ?? '') && script.textContent === ''), url);
      assert.equal(document.querySelectorAll('img').length, 1, `${url}: the logo is the only image`);
      assert.equal(document.querySelectorAll('style, [style]').length, 0, `${url}: no inline style (the CSP allows none)`);
    }
  });

  it('links the brand stylesheet after style.css on the embeddable widget too', () => {
    const sheets = (url: string) => [...documentOf(url).querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute('href'));
    assert.deepEqual(sheets('/embed/'), sheets('/'));
  });

  it('links the brand stylesheet after style.css; it sets the accent of both schemes and is named by its content', () => {
    const sheets = [...documentOf('/').querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute('href')!);
    assert.equal(sheets.length, 2);
    assert.match(sheets[0]!, /^\/style\.[0-9a-f]{10}\.css$/);
    assert.match(sheets[1]!, /^\/brand\.[0-9a-f]{10}\.css$/);
    const css = site.read(sheets[1]!);
    assert.equal(fingerprintedName('/brand.css', css), sheets[1]);
    assert.match(css, /^:root \{ --accent: #00796b; \}$/m);
    assert.match(css, /@media \(prefers-color-scheme: dark\) \{\s*:root \{ --accent: #26a69a; \}\s*\}/);
    for (const url of PAGES) {
      assert.deepEqual([...documentOf(url).querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute('href')), sheets, url);
    }
  });

  it('pass the Nu Html Checker with zero errors', () => {
    const files = PAGES.map((url) => join(site.output, ...url.split('/').filter(Boolean), 'index.html'));
    const run = spawnSync('java', ['-jar', vnuJar(), '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (run.error) throw run.error;
    const report = JSON.parse(run.stderr || run.stdout) as { messages: { type: string; url?: string; lastLine?: number; message: string }[] };
    const errors = report.messages.filter((message) => message.type === 'error' || message.type === 'non-document-error').map((message) => `${message.url}:${message.lastLine}: ${message.message}`);
    assert.deepEqual(errors, []);
  });
});

describe('the branded pages in chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  before(async () => {
    server = await serveDirectory(site.output);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [colorScheme, accent] of [['light', 'rgb(0, 121, 107)'], ['dark', 'rgb(38, 166, 154)']] as const) {
    it(`${colorScheme}: links take the accent, the logo loads, and axe reports no violations`, async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme, bypassCSP: true, timezoneId: 'America/Los_Angeles' });
      await ctx.clock.setFixedTime(at(NOW));
      const page = await ctx.newPage();
      const found: string[] = [];
      for (const url of PAGES) {
        assert.equal((await page.goto(server.origin + url))?.status(), 200, url);
        assert.equal(await page.locator('footer a').first().evaluate((link) => getComputedStyle(link).color), accent, `${url}: link colour`);
        assert.ok(await page.locator('.site-title img').evaluate((img) => (img as HTMLImageElement).naturalWidth > 0), `${url}: the logo loaded`);
        if (url === '/') {
          // The widget's link to the site takes the accent as well.
          const frame = await ctx.newPage();
          await frame.goto(`${server.origin}/embed/`);
          assert.equal(await frame.locator('.asof a').evaluate((link) => getComputedStyle(link).color), accent, '/embed/: link colour');
          await frame.close();
        }
        await page.addScriptTag({ content: axeSource() });
        const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe.run());
        for (const violation of results.violations) found.push(`${url}: ${violation.id} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
      }
      await ctx.close();
      assert.deepEqual(found, []);
    });
  }

  it('keeps the logo\'s place in the header while it is still loading', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    // The logo's response never comes: the header is laid out without it.
    await page.route('**/logo.svg', () => undefined);
    await page.goto(server.origin + '/', { waitUntil: 'domcontentloaded' });
    const box = await page.locator('.site-title img').boundingBox();
    assert.equal(await page.locator('.site-title img').evaluate((img) => (img as HTMLImageElement).complete), false, 'still loading');
    // 2.5rem high, and as wide as the file's 160 x 40 says.
    assert.deepEqual([box?.width, box?.height], [160, 40]);
    await ctx.close();
  });

  it('the CSP lets the brand stylesheet, the logo and the favicon load (no bypass)', async () => {
    const ctx = await browser.newContext({ colorScheme: 'light' });
    const page = await ctx.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto(server.origin + '/');
    assert.equal(await page.locator('footer a').first().evaluate((link) => getComputedStyle(link).color), 'rgb(0, 121, 107)');
    await ctx.close();
    assert.deepEqual(blocked, []);
  });
});

describe('branding values that are not valid', () => {
  it('name the key, its line and what is valid', () => {
    const problems = problemsOf(`${BASE}branding:
  logo: javascript:alert(1)
  favicon: //cdn.example.net/favicon.png
  accent: teal
  accent_dark: "#12345"
navigation:
  - label: Docs
    url: ftp://files.example.net/
  - label: Home
    url: javascript:alert(1)
footer:
  text: [not, text]
  links:
    - label: Imprint
      url: imprint.html
`);
    assert.deepEqual(problems, [
      'site.config.yaml:10: `branding.logo`: "javascript:alert(1)" is not a site-relative URL of an image: write the path of a file in your public/ folder, starting with / and ending in .svg, .png, .webp, .jpg, .jpeg, e.g. /logo.svg',
      'site.config.yaml:11: `branding.favicon`: "//cdn.example.net/favicon.png" is not a site-relative URL of an image: write the path of a file in your public/ folder, starting with / and ending in .svg, .png, .webp, .jpg, .jpeg, .ico, e.g. /favicon.png',
      'site.config.yaml:12: `branding.accent`: "teal" is not a colour: write a CSS hex colour, #rrggbb or #rgb, in quotes, e.g. "#0a5d8f"',
      'site.config.yaml:13: `branding.accent_dark`: "#12345" is not a colour: write a CSS hex colour, #rrggbb or #rgb, in quotes, e.g. "#0a5d8f"',
      'site.config.yaml:16: `navigation[0].url`: "ftp://files.example.net/" is not a link: write a site-relative URL starting with / (e.g. /about/) or an absolute http(s) URL (e.g. https://www.example.net/support)',
      'site.config.yaml:18: `navigation[1].url`: "javascript:alert(1)" is not a link: write a site-relative URL starting with / (e.g. /about/) or an absolute http(s) URL (e.g. https://www.example.net/support)',
      'site.config.yaml:20: `footer.text`: write text, not ["not","text"]',
      'site.config.yaml:23: `footer.links[0].url`: "imprint.html" is not a link: write a site-relative URL starting with / (e.g. /about/) or an absolute http(s) URL (e.g. https://www.example.net/support)',
    ]);
  });

  it('an unquoted colour (YAML reads # as a comment) is a problem, not ignored', () => {
    assert.deepEqual(problemsOf(`${BASE}branding:\n  accent: #0b5cad\n`), [
      'site.config.yaml:10: `branding.accent` is empty: in YAML a # starts a comment, so put the colour in quotes, e.g. accent: "#0b5cad"',
    ]);
  });

  it('an unknown key in branding names the valid ones; a link needs a label', () => {
    assert.deepEqual(problemsOf(`${BASE}branding:\n  colour: "#00796b"\nnavigation:\n  - url: /about/\n`), [
      'site.config.yaml:10: unknown key `colour` in `branding`; valid keys are logo, favicon, accent, accent_dark',
      'site.config.yaml:12: missing required key `navigation[0].label`',
    ]);
  });
});

describe('an accent that is not readable as link text', () => {
  it('is a problem at its line with the ratio and the nearest colour that passes', () => {
    const problems = problemsOf(`${BASE}branding:\n  accent: "#2a9d8f"\n  accent_dark: "#00796b"\n`);
    assert.deepEqual(problems, [
      'site.config.yaml:10: `branding.accent`: "#2a9d8f" has a contrast of only 3.12:1 on the light scheme\'s background (#ffffff and #f6f8fa); link text needs at least 4.5:1 (WCAG AA). The nearest darker colour that passes is "#217d72"',
      'site.config.yaml:11: `branding.accent_dark`: "#00796b" has a contrast of only 3.25:1 on the dark scheme\'s background (#0d1117 and #161b22); link text needs at least 4.5:1 (WCAG AA). The nearest lighter colour that passes is "#009382"',
    ]);
    // The suggestions do pass, and are the same hue, not black or white.
    assert.ok(readableOnAll('#217d72', SCHEME_BACKGROUNDS.light) && readableOnAll('#009382', SCHEME_BACKGROUNDS.dark));
  });

  it('without accent_dark, the dark scheme gets the accent lightened until it passes', () => {
    const { config, problems } = parseConfig(`${BASE}branding:\n  accent: "#00796b"\n`, 'site.config.yaml');
    assert.deepEqual(problems, []);
    assert.deepEqual(config!.branding.accent, { light: '#00796b', dark: '#009382' });
    assert.equal(darkAccentFor('#26a69a'), '#26a69a', 'a colour that passes on dark stays');
    assert.ok(lowestContrast('#009382', SCHEME_BACKGROUNDS.dark) >= 4.5);
  });

  it('accent_dark alone is a problem: it only replaces accent in the dark scheme', () => {
    assert.deepEqual(problemsOf(`${BASE}branding:\n  accent_dark: "#26a69a"\n`), [
      'site.config.yaml:10: `branding.accent_dark` needs `branding.accent` too: the dark colour only replaces the light one in the dark scheme',
    ]);
  });

  it('is checked against the backgrounds public/style.css really has', () => {
    const css = readFileSync(join(PROJECT_ROOT, 'public/style.css'), 'utf8');
    const [light, dark] = [...css.matchAll(/--bg: (#[0-9a-f]+);.*?--panel: (#[0-9a-f]+);/g)].map((match) => [match[1], match[2]]);
    assert.deepEqual(light, ['#fff', SCHEME_BACKGROUNDS.light[1]]);
    assert.equal(SCHEME_BACKGROUNDS.light[0], '#ffffff');
    assert.deepEqual(dark, [...SCHEME_BACKGROUNDS.dark]);
  });
});

describe('keys that changed between versions', () => {
  it('a top-level logo, favicon, accent or theme says it moved under branding in 0.2.0, at its line', () => {
    assert.deepEqual(problemsOf(`${BASE}logo: /logo.svg\nfavicon: /favicon.png\naccent: "#00796b"\ntheme: dark\n`), [
      'site.config.yaml:9: `logo` moved under `branding` since 0.2.0; write it indented under a `branding:` key, e.g. `branding: { logo: /logo.svg }` (docs/customising.md)',
      'site.config.yaml:10: `favicon` moved under `branding` since 0.2.0; write it indented under a `branding:` key, e.g. `branding: { favicon: /favicon.png }` (docs/customising.md)',
      'site.config.yaml:11: `accent` moved under `branding` since 0.2.0; write it indented under a `branding:` key, e.g. `branding: { accent: "#0a5d8f" }` (docs/customising.md)',
      'site.config.yaml:12: `theme` is not a key: the site\'s colours are set under `branding` since 0.2.0; write `branding: { accent: "#0a5d8f" }` (and `accent_dark` for the dark scheme); a stylesheet of your own goes in public/ (docs/customising.md)',
    ]);
  });

  it('any other unknown key still gets the generic message', () => {
    assert.match(problemsOf(`${BASE}titel: X\n`)[0]!, /^site\.config\.yaml:9: unknown key `titel` \(did you mean `title`\?\); valid keys are /);
  });

  // This release changes no notice key, so the notice side is exercised with
  // entries of the registry's shape through the same validator the notices use.
  it('a notice key entry works the same way: renamed keys and changed values, top level and in updates', () => {
    const entries: ChangedKey[] = [
      { document: 'notice', key: 'severity', since: '9.0.0', when: 'unknown', change: 'was renamed `impact`', fix: 'write `impact: minor`' },
      { document: 'notice', key: 'updates[].state', since: '9.0.0', when: 'unknown', change: 'was renamed `status`', fix: 'write `status: resolved`' },
      { document: 'notice', key: 'impact', since: '9.0.0', when: 'invalid', change: 'no longer takes `low`', fix: 'write `minor`' },
    ];
    const text = 'title: T\ntype: incident\nseverity: low\nimpact: low\nupdates:\n  - at: 2008-10-01 10:00\n    state: resolved\n    body: Fixed.\n';
    const { source, data } = parseYaml(text, 'posts/2008/10/t.md');
    const notices = changedKeysOf('notice', entries);
    const top = validateFields(source, data, noticeFields('UTC'), [], [], notices).problems.map(formatProblem);
    assert.deepEqual(top, [
      'posts/2008/10/t.md:3: `severity` was renamed `impact` since 9.0.0; write `impact: minor`',
      'posts/2008/10/t.md:4: `impact`: "low" is not valid; use one of none, minor, major, critical (`impact` no longer takes `low` since 9.0.0; write `minor`)',
    ]);
    const update = (data as { updates: unknown[] }).updates[0];
    const nested = validateFields(source, update, updateFields('UTC'), [], ['updates', 0], notices).problems.map(formatProblem);
    assert.deepEqual(nested, ['posts/2008/10/t.md:7: `updates[0].state` was renamed `status` since 9.0.0; write `status: resolved`']);
    assert.deepEqual(changedKeysOf('config', entries), [], 'entries are kept to their kind of file');
  });
});

describe('the config `noticeboard init` writes', () => {
  const written = readFileSync(join(PROJECT_ROOT, 'src/init/files/site.config.yaml'), 'utf8');
  it('has a commented branding example that is valid once its "# " is removed', () => {
    const example = written.slice(written.indexOf('# branding:'));
    const uncommented = written.replace(example, example.replace(/^# /gm, ''));
    const images = new Set(['/logo.svg', '/favicon.png']);
    const { config, problems } = parseConfig(uncommented, 'site.config.yaml', { hasFile: (url) => images.has(url) });
    assert.deepEqual(problems.map(formatProblem), []);
    assert.equal(config!.branding?.logo, '/logo.svg');
    assert.equal(config!.branding?.favicon, '/favicon.png');
    assert.deepEqual(config!.navigation?.map((link) => link.label), ['Support']);
    assert.equal(config!.footer?.links?.length, 1);
    // As written (commented), it is the plain site.
    assert.deepEqual(parseConfig(written, 'site.config.yaml').config!.branding, {});
  });
});
