/**
 * Customising a site without forking the engine (docs/customising.md): the
 * site's own public/ adds and replaces static files, its pages/ are rendered
 * in the status layout, its parts/ override the header, footer and notice
 * article with escaping kept, mistakes there are problems naming the file, and
 * an existing Eleventy project can add noticeboard as a plugin.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import Eleventy from '@11ty/eleventy';
import { parseHTML } from 'linkedom';
import { InvalidInputError } from '../src/content/problems.ts';
import { buildFixture, PROJECT_ROOT, type Fixture } from './helpers/build-fixture.ts';
import { vnuJar } from './helpers/browser.ts';

const NOW = '2025-03-31 12:00';
const CONFIG = `title: Example <ISP> "Status"
url: https://status.example.net
timezone: Europe/Berlin
services:
  - id: dns
    name: DNS
`;
const NOTICE = `---
title: DNS resolvers slow
type: incident
date: 2025-03-31 09:00
window:
  start: 2025-03-31 09:00
  end: 2025-03-31 10:00
services: [dns]
authors: [NOC]
---
Lookups took seconds.
`;
const OWN_HEADERS = '/about/*\n  Cache-Control: max-age=3600\n';
const SITE_CSS = '.site-title { letter-spacing: 0.05em; }\n';
const OWN_STYLE = 'body { font-family: serif; }\n';
const ABOUT = `---
title: About us
description: Who runs this network.
---
# About us

We run a **small** network. Call <a href="tel:+15550100">the NOC</a>.
`;
const HEADER_PART = `export default ({ site, nav, standard }, { html }) =>
  html\`<p class="announce">Welcome to \${site.config.title} (\${nav.length} links)</p>\${standard}\`;
`;
// A plain string is text, never markup.
const FOOTER_PART = `export default () => '<b>not bold</b> & plain';
`;
const NOTICE_PART = `export default ({ notice, level, standard }, { html }) =>
  html\`<div class="mine" data-level="\${level}" data-title="\${notice.title}">\${standard}</div>\`;
`;

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);
const documentOf = (fixture: Fixture, path: string) => parseHTML(fixture.read(path.endsWith('/') ? `${path}index.html` : path)).document;

describe('customising a site', () => {
  let site: Fixture;

  before(async () => {
    site = await buildFixture({
      now: NOW,
      files: {
        'site.config.yaml': CONFIG,
        'posts/2025/03/dns-slow.md': NOTICE,
        'public/site.css': SITE_CSS,
        'public/style.css': OWN_STYLE,
        'public/images/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
        'public/_headers': OWN_HEADERS,
        'pages/about.md': ABOUT,
        'parts/header.js': HEADER_PART,
        'parts/footer.js': FOOTER_PART,
        'parts/notice.js': NOTICE_PART,
      },
    });
  });
  after(() => site?.remove());

  it("public/: the site's files are added, a file of the engine's name replaces it, and site.css is linked on every page", () => {
    assert.equal(site.read('/images/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
    assert.equal(site.read('/style.css'), OWN_STYLE);
    assert.equal(site.read(`/style.${sha(OWN_STYLE)}.css`), OWN_STYLE);
    assert.equal(site.read(`/site.${sha(SITE_CSS)}.css`), SITE_CSS);
    // The engine's other files are still there.
    assert.ok(site.exists('/time.js'));
    // The deploy headers the build writes keep the site's own rules, after the outputs'.
    const headers = site.read('/_headers');
    assert.match(headers, /^\/feed\.xml\n {2}Content-Type: application\/rss\+xml; charset=utf-8$/m);
    assert.ok(headers.endsWith(`# The site's own rules, from its public/_headers\n${OWN_HEADERS}`));
    for (const path of ['/', '/about/', '/2025/03/31/dns-slow/']) {
      const sheets = [...documentOf(site, path).querySelectorAll('link[rel=stylesheet]')].map((link) => link.getAttribute('href'));
      assert.deepEqual(sheets, [`/style.${sha(OWN_STYLE)}.css`, `/site.${sha(SITE_CSS)}.css`], path);
    }
  });

  it('pages/: a Markdown page is rendered in the status layout, titled from its front matter', () => {
    const document = documentOf(site, '/about/');
    assert.equal(document.querySelector('title')!.textContent, 'About us · Example <ISP> "Status"');
    assert.equal(document.querySelector('meta[name=description]')!.getAttribute('content'), 'Who runs this network.');
    assert.equal(document.querySelector('main h1')!.textContent, 'About us');
    assert.equal(document.querySelector('main strong')!.textContent, 'small');
    assert.equal(document.querySelector('main a[href^="tel:"]')!.textContent, 'the NOC');
    // The site's shell: navigation, time-zone line, the canonical link at the page's URL.
    assert.ok(document.querySelector('nav a[href="/history/"]'));
    assert.equal(document.querySelector('link[rel=canonical]')!.getAttribute('href'), 'https://status.example.net/about/');
  });

  it('parts/: header, footer and notice overrides render around the standard parts, with every value escaped', () => {
    const home = documentOf(site, '/');
    const announce = home.querySelector('p.announce')!;
    assert.equal(announce.textContent, 'Welcome to Example <ISP> "Status" (5 links)');
    assert.equal(announce.querySelector('*'), null, 'the title is text, not markup');
    assert.ok(announce.nextElementSibling!.matches('header.site-header'), 'the standard header follows');
    assert.equal(home.querySelector('footer'), null, 'the standard footer is replaced');
    assert.ok(home.body.textContent!.trimEnd().endsWith('<b>not bold</b> & plain'), 'the footer is the text, at the end of the page');
    assert.equal(home.querySelector('body b'), null);

    const page = documentOf(site, '/2025/03/31/dns-slow/');
    const mine = page.querySelector('main div.mine')!;
    assert.equal(mine.getAttribute('data-level'), '1');
    assert.equal(mine.getAttribute('data-title'), 'DNS resolvers slow');
    assert.equal(mine.querySelector('article.notice h1')!.textContent, 'DNS resolvers slow');
    assert.equal(documentOf(site, '/2025/03/').querySelector('div.mine')!.getAttribute('data-level'), '2');
  });

  it('the customised pages pass the Nu Html Checker', () => {
    const run = spawnSync('java', ['-jar', vnuJar(), '--format', 'json', join(site.output, 'index.html'), join(site.output, 'about', 'index.html'), join(site.output, '2025/03/31/dns-slow/index.html')], { encoding: 'utf8' });
    if (run.error) throw run.error;
    const report = JSON.parse(run.stderr || run.stdout) as { messages: { type: string; message: string; url?: string }[] };
    assert.deepEqual(report.messages.filter((m) => m.type === 'error'), []);
  });
});

describe('mistakes in parts/ are problems naming the file', () => {
  const attempt = async (files: Record<string, string>) => {
    let fixture: Fixture | undefined;
    try {
      fixture = await buildFixture({ now: NOW, files: { 'site.config.yaml': CONFIG, 'posts/2025/03/dns-slow.md': NOTICE, ...files } });
      assert.fail('the build should fail');
    } catch (error) {
      assert.ok(error instanceof InvalidInputError, String(error));
      return error.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    } finally {
      fixture?.remove();
    }
  };

  it('an unknown part name, with the nearest one', async () => {
    assert.deepEqual(await attempt({ 'parts/headr.js': HEADER_PART }), [
      'parts/headr.js:1: not a part: the parts a site can override are header.js, footer.js, notice.js; did you mean header.js?',
    ]);
  });

  it('a default export that is not a function, and a module that does not load', async () => {
    const problems = await attempt({ 'parts/footer.js': 'export const footer = 1;\n', 'parts/header.js': 'export default (x => \n' });
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /^parts\/footer\.js:1: a part's default export is its function, e\.g\. .*; this file exports no default$/);
    assert.match(problems[1]!, /^parts\/header\.js:\d+: the part does not load: /);
  });
});

describe('branding images come from the site', () => {
  it('a logo or favicon that no public/ folder holds is a problem at its line', async () => {
    let fixture: Fixture | undefined;
    const config = `${CONFIG}branding:\n  logo: /logo.svg\n  favicon: /icons/favicon.png\n`;
    try {
      fixture = await buildFixture({ now: NOW, files: { 'site.config.yaml': config, 'posts/2025/03/dns-slow.md': NOTICE, 'public/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' } });
      assert.fail('the build should fail');
    } catch (error) {
      assert.ok(error instanceof InvalidInputError, String(error));
      assert.deepEqual(error.problems.map((p) => `${p.file}:${p.line}: ${p.message}`), [
        'site.config.yaml:9: `branding.favicon`: no file /icons/favicon.png in the site: put it in public/ (public/icons/favicon.png) or correct the path',
      ]);
    } finally {
      fixture?.remove();
    }
  });
});

describe('inside an existing Eleventy site', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'noticeboard-host-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("addPlugin(noticeboard, { root }) renders the status site beside the host's own pages", async () => {
    const statusRoot = join(dir, 'status');
    mkdirSync(join(statusRoot, 'posts/2025/03'), { recursive: true });
    writeFileSync(join(statusRoot, 'site.config.yaml'), CONFIG);
    writeFileSync(join(statusRoot, 'posts/2025/03/dns-slow.md'), NOTICE);
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'content', 'contact.md'), '---\ntitle: Contact\n---\nMail noc@example.net.\n');
    const plugin = pathToFileURL(join(PROJECT_ROOT, 'src/eleventy/plugin.ts')).href;
    writeFileSync(
      join(dir, 'eleventy.config.js'),
      `import noticeboard from ${JSON.stringify(plugin)};\nexport default async function (eleventyConfig) {\n  await eleventyConfig.addPlugin(noticeboard, { root: ${JSON.stringify(statusRoot)}, now: new Date('2025-03-31T10:00:00Z') });\n}\n`,
    );
    const output = join(dir, '_site');
    const eleventy = new Eleventy(join(dir, 'content'), output, { configPath: join(dir, 'eleventy.config.js'), quietMode: true });
    eleventy.logger.overrideLogger(false);
    await eleventy.write();

    const contact = parseHTML(readFileSync(join(output, 'contact/index.html'), 'utf8')).document;
    assert.equal(contact.querySelector('title')!.textContent, 'Contact · Example <ISP> "Status"');
    assert.match(contact.querySelector('main')!.textContent!, /Mail noc@example\.net\./);
    const home = parseHTML(readFileSync(join(output, 'index.html'), 'utf8')).document;
    assert.match(home.querySelector('main')!.textContent!, /DNS resolvers slow/);
    assert.ok(JSON.parse(readFileSync(join(output, 'api/v2/summary.json'), 'utf8')).components.length > 0);
    assert.deepEqual(JSON.parse(readFileSync(join(output, 'feed.json'), 'utf8')).items.map((item: { title: string }) => item.title), ['DNS resolvers slow']);
  });
});

describe('a site made from a fork of 0.1.0', () => {
  it('its templates/ and .eleventy.ts are problems that say what to do, not files silently ignored', async () => {
    let fixture: Fixture | undefined;
    try {
      fixture = await buildFixture({ now: NOW, files: { 'site.config.yaml': CONFIG, 'posts/2025/03/dns-slow.md': NOTICE, 'templates/index.11ty.ts': 'export function render() { return "mine"; }\n', '.eleventy.ts': 'export default () => {};\n' } });
      assert.fail('the build should fail');
    } catch (error) {
      assert.ok(error instanceof InvalidInputError, String(error));
      assert.deepEqual(error.problems.map((p) => `${p.file}:${p.line}`), ['.eleventy.ts:1', 'templates:1']);
      assert.match(error.problems[1]!.message, /^since 0\.2\.0 the pages come from the noticeboard package and templates\/ is not read: move your changes to parts\//);
    } finally {
      fixture?.remove();
    }
  });
});
