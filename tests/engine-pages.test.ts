/**
 * The engine's pages written by the engine (src/pages/page-files.ts,
 * src/site/write-pages.ts, src/eleventy/engine-pages.ts), as `noticeboard
 * build` and `start` write them for a site at its host's root (without
 * Eleventy at all when the site has no pages of its own), are the same files,
 * byte for byte, as the same templates rendered by Eleventy, which is how a
 * site under a path and an Eleventy project using the plugin get them.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSite } from '../src/site/build-site.ts';
import { loadSite } from '../src/site/load-site.ts';
import { pageFiles } from '../src/pages/page-files.ts';
import { writePageFiles } from '../src/site/write-pages.ts';
import { withEnv } from './helpers/env.ts';
import { PROJECT_ROOT, SAMPLE_NOW, snapshot } from './helpers/build-fixture.ts';

describe('engine pages', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'noticeboard-engine-pages-'));
    for (const name of ['site.config.yaml', 'posts']) cpSync(join(PROJECT_ROOT, name), join(dir, 'site', name), { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const build = (enginePages: 'templates' | 'engine', output: string) =>
    withEnv({ STATUS_NOW: SAMPLE_NOW }, () => buildSite({ root: join(dir, 'site'), output: join(dir, output), enginePages }));

  /** Builds the site both ways and compares every file; returns what the engine wrote. */
  const bothWays = async (name: string) => {
    await build('templates', `${name}-by-eleventy`);
    const result = await build('engine', `${name}-by-engine`);
    const byEleventy = snapshot(join(dir, `${name}-by-eleventy`));
    const byEngine = snapshot(join(dir, `${name}-by-engine`));
    assert.ok(Object.keys(byEleventy).length > 100, 'the sample builds more than a hundred files');
    assert.deepEqual(Object.keys(byEngine).sort(), Object.keys(byEleventy).sort(), 'the same files');
    for (const [path, hash] of Object.entries(byEleventy)) assert.equal(byEngine[path], hash, `${path} differs`);
    assert.ok(result.pages && result.pages.files > 100, 'the engine wrote the pages itself');
    return byEngine;
  };

  it('writes the same files, byte for byte, as Eleventy does with the same templates (a site without pages of its own: no Eleventy)', async () => {
    await bothWays('sample');
  });

  it("and so beside a page of the site's own, which Eleventy renders in the status layout", async () => {
    const pages = join(dir, 'site', 'pages');
    mkdirSync(pages, { recursive: true });
    writeFileSync(join(pages, 'about.md'), '---\ntitle: About this site\n---\nRun by the NOC.\n');
    try {
      const files = await bothWays('with-page');
      assert.ok(files['about/index.html'], 'the site page is built');
    } finally {
      rmSync(pages, { recursive: true, force: true });
    }
  });

  it('gives every page its own path, from one template each', () => {
    const model = withEnv({ STATUS_NOW: SAMPLE_NOW }, () => loadSite({ root: join(dir, 'site') }));
    const paths = [...pageFiles(model)].map((file) => file.path);
    assert.equal(new Set(paths).size, paths.length, 'no two pages on one path');
    for (const expected of ['index.html', '404.html', 'feed.xml', 'api/v2/summary.json', '2008/09/index.html', 'archive/index.html']) {
      assert.ok(paths.includes(expected), `${expected} is one of the pages`);
    }
    // The branding stylesheet's permalink is false without an accent: no file.
    assert.ok(!paths.some((path) => /^brand\./.test(path)));
  });

  it("a site page on an engine page's path fails the build, naming both", async () => {
    const site = join(dir, 'site');
    mkdirSync(join(site, 'pages'), { recursive: true });
    writeFileSync(join(site, 'pages/archive.md'), '---\ntitle: Our archive\npermalink: /archive/\n---\nOld notices.\n');
    try {
      await assert.rejects(build('engine', 'conflict'), (error: Error) => {
        const text = [error.message, (error.cause as Error | undefined)?.message ?? ''].join(' ');
        assert.match(text, /(^|: )pages\/archive\.md and the engine's archive\.11ty\.js both write archive\/index\.html; give the page another permalink/);
        return true;
      });
    } finally {
      rmSync(join(site, 'pages'), { recursive: true, force: true });
    }
  });

  it('two pages on one path, or a page that fails to render, are errors naming the page', async () => {
    const out = join(dir, 'units');
    const page = (template: string, path: string, render = () => 'x') => ({ template, path, render });
    await assert.rejects(writePageFiles([page('a.11ty.js', 'x/index.html'), page('b.11ty.js', 'x/index.html')], out), {
      message: "the engine's a.11ty.js and the engine's b.11ty.js both write x/index.html; give the page another permalink",
    });
    const failing = page('month.11ty.js', '2026/06/index.html', () => {
      throw new Error('parts/notice.js failed: boom');
    });
    await assert.rejects(writePageFiles([failing], out), { message: '2026/06/index.html (month.11ty.js): parts/notice.js failed: boom' });
  });
});
