/**
 * How the search index is split (src/model/search-parts.ts): one part up to
 * the part size, exactly as an index without parts; beyond it, parts as equal
 * as can be, each every n-th notice, every notice in exactly one. And the
 * index written in two lanes (as on a machine with three cores or more):
 * every part in its folder, each notice in one part. And a build over a
 * published site taking the parts made from the same documents from it
 * (src/outputs/search-reuse.ts), with the same bytes as a clean build's.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_PART_SIZE, searchPartFolder, searchParts } from '../src/model/search-parts.ts';
import { startSearchIndex } from '../src/outputs/search-index.ts';
import { PARTS_RECORD } from '../src/outputs/search-reuse.ts';
import { buildSite } from '../src/site/build-site.ts';
import { loadSite } from '../src/site/load-site.ts';
import { buildFixture, snapshot, type Fixture } from './helpers/build-fixture.ts';
import { withEnv } from './helpers/env.ts';
import { BERLIN_SLA_CONFIG } from './helpers/config.ts';

const numbers = (count: number) => Array.from({ length: count }, (_, i) => i);

describe('searchParts', () => {
  it('keeps an archive of up to 2,000 notices in one part, in order, and an empty one as one empty part', () => {
    assert.equal(SEARCH_PART_SIZE, 2000);
    assert.deepEqual(searchParts(numbers(2000)), [numbers(2000)]);
    assert.deepEqual(searchParts([]), [[]]);
  });

  it('deals a larger archive into parts of at most the part size that differ by one at most', () => {
    const parts = searchParts(numbers(2001));
    assert.deepEqual(parts.map((part) => part.length), [1001, 1000]);
    assert.deepEqual(searchParts(numbers(10_000)).map((part) => part.length), [2000, 2000, 2000, 2000, 2000]);
    assert.deepEqual(searchParts(numbers(10_001)).map((part) => part.length), [1667, 1667, 1667, 1667, 1667, 1666]);
  });

  it('gives each part every n-th notice, each notice once, in the archive order', () => {
    assert.deepEqual(searchParts(numbers(7), 3), [[0, 3, 6], [1, 4], [2, 5]]);
    const parts = searchParts(numbers(4321), 1000);
    assert.deepEqual(parts.flat().sort((a, b) => a - b), numbers(4321));
    for (const part of parts) assert.deepEqual(part, [...part].sort((a, b) => a - b));
  });

  it('names the first part the index folder itself and the others part-2/, part-3/, ...', () => {
    assert.deepEqual([1, 2, 3].map(searchPartFolder), ['', 'part-2/', 'part-3/']);
  });

  it('refuses a part size that is not a whole number from 1', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) assert.throws(() => searchParts([1], size), RangeError);
  });
});

describe('startSearchIndex in lanes', () => {
  it('writes every part, whichever lane indexes it: the first with Pagefind\'s script, the others with their index alone', async () => {
    const files: Record<string, string> = { 'site.config.yaml': BERLIN_SLA_CONFIG };
    for (let i = 0; i < 7; i++) files[`posts/2024/01/note-${i}.md`] = `---\ntitle: Note ${i}\ntype: notice\ndate: 2024-01-0${i + 1} 09:00\nauthors: NOC\n---\nWord${i} and the shared word.\n`;
    const fixture = await buildFixture({ files, build: false });
    try {
      const model = loadSite({ root: fixture.root, now: new Date('2024-02-01T00:00:00Z'), searchPartSize: 2 });
      assert.equal(model.searchParts.length, 4);
      const out = join(fixture.root, 'out');
      await startSearchIndex(model, out, { lanes: 2 });
      assert.ok(existsSync(join(out, 'pagefind', 'pagefind.js')));
      for (const part of ['part-2', 'part-3', 'part-4']) {
        assert.ok(existsSync(join(out, 'pagefind', part, 'pagefind-entry.json')), part);
        assert.equal(existsSync(join(out, 'pagefind', part, 'pagefind.js')), false, `${part} has no script of its own`);
      }
      const entry = (folder: string) => JSON.parse(readFileSync(join(out, 'pagefind', folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      const pages = ['', 'part-2', 'part-3', 'part-4'].map((folder) => Object.values(entry(folder).languages)[0]!.page_count);
      assert.deepEqual(pages, [2, 2, 2, 1], 'every notice in exactly one part');
    } finally {
      fixture.remove();
    }
  });
});

describe('a build takes the unchanged parts of the search index from the site it replaces', () => {
  const files: Record<string, string> = { 'site.config.yaml': BERLIN_SLA_CONFIG };
  const note = (i: number, words = `Word${i} and the shared word.`) =>
    `---\ntitle: Note ${i}\ntype: notice\ndate: 2024-01-0${i + 1} 09:00\nauthors: NOC\n---\n${words}\n`;
  for (let i = 0; i < 7; i++) files[`posts/2024/01/note-${i}.md`] = note(i);
  const now = new Date('2024-02-01T00:00:00Z');
  /** Runs `test` on a fresh fixture of the seven notes: `out(name)` a folder in it, `index(name)` that folder's index. */
  async function withFixture(test: (fixture: Fixture, out: (name: string) => string, index: (name: string) => string) => Promise<void>): Promise<void> {
    const fixture = await buildFixture({ files, build: false });
    const out = (name: string) => join(fixture.root, name);
    try {
      await test(fixture, out, (name) => join(out(name), 'pagefind'));
    } finally {
      fixture.remove();
    }
  }

  it('links the parts made from the same documents, indexes the others, and ends with the index a clean build writes', () =>
    withFixture(async (fixture, out, index) => {
      const model = () => loadSite({ root: fixture.root, now, searchPartSize: 2 });
      assert.deepEqual(await startSearchIndex(model(), out('a')), { parts: 4, reused: 0 });
      assert.deepEqual(await startSearchIndex(model(), out('b'), { previous: index('a') }), { parts: 4, reused: 4 });
      assert.deepEqual(snapshot(index('b')), snapshot(index('a')), 'the same files, byte for byte');
      // One notice's text changed: only its part is indexed again.
      fixture.write('posts/2024/01/note-3.md', note(3, 'Word3 and a new word.'));
      assert.deepEqual(await startSearchIndex(model(), out('c'), { previous: index('b') }), { parts: 4, reused: 3 });
      assert.deepEqual(await startSearchIndex(model(), out('clean')), { parts: 4, reused: 0 });
      assert.deepEqual(snapshot(index('c')), snapshot(index('clean')));
      assert.notDeepEqual(snapshot(index('c')), snapshot(index('b')));
    }));

  it('indexes afresh what it cannot trust: a damaged record, a part with a file missing', () =>
    withFixture(async (fixture, out, index) => {
      const model = loadSite({ root: fixture.root, now, searchPartSize: 2 });
      await startSearchIndex(model, out('a'));
      await startSearchIndex(model, out('clean'));
      const meta = readdirSync(join(index('a'), 'part-3')).find((name) => name.endsWith('.pf_meta'))!;
      rmSync(join(index('a'), 'part-3', meta));
      assert.deepEqual(await startSearchIndex(model, out('b'), { previous: index('a') }), { parts: 4, reused: 3 });
      assert.deepEqual(snapshot(index('b')), snapshot(index('clean')));
      writeFileSync(join(index('b'), PARTS_RECORD), '{ not json');
      assert.deepEqual(await startSearchIndex(model, out('c'), { previous: index('b') }), { parts: 4, reused: 0 });
      assert.deepEqual(snapshot(index('c')), snapshot(index('clean')));
    }));

  it('keeps the index of an unchanged site when it is built again, also from a _site/ holding the index alone', () =>
    withFixture(async (fixture) => {
      const build = () => withEnv({ STATUS_NOW: '2024-02-01 00:00' }, () => buildSite({ root: fixture.root }));
      assert.deepEqual((await build()).searchParts, { parts: 1, reused: 0 });
      const first = fixture.snapshot();
      assert.deepEqual((await build()).searchParts, { parts: 1, reused: 1 });
      assert.deepEqual(fixture.snapshot(), first, 'the same site, index included');
      // As a CI cache restores it (docs/deploying.md): _site/ holding the last index alone.
      for (const name of readdirSync(fixture.output)) if (name !== 'pagefind') rmSync(join(fixture.output, name), { recursive: true });
      assert.deepEqual((await build()).searchParts, { parts: 1, reused: 1 });
      assert.deepEqual(fixture.snapshot(), first, 'the whole site again');
    }));
});
