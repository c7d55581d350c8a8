/**
 * How the search index is split (src/model/search-parts.ts): one part up to
 * the part size, exactly as an index without parts; beyond it, parts as equal
 * as can be, each every n-th notice, every notice in exactly one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEARCH_PART_SIZE, searchPartFolder, searchParts } from '../src/model/search-parts.ts';

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
