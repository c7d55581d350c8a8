/**
 * How the search index is split (src/model/search-parts.ts): one part up to
 * the part size, exactly as an index without parts; beyond it, parts as equal
 * as can be, each every n-th notice, every notice in exactly one. And the
 * index written in two lanes (as on a machine with three cores or more):
 * every part in its folder, each notice in one part.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_PART_SIZE, searchPartFolder, searchParts } from '../src/model/search-parts.ts';
import { startSearchIndex } from '../src/outputs/search-index.ts';
import { loadSite } from '../src/site/load-site.ts';
import { buildFixture } from './helpers/build-fixture.ts';
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
