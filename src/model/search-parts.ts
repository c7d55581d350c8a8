/**
 * How the search index is split into parts. Pagefind's cost per notice grows
 * with the size of one index (building it touches every word's postings, and
 * each added page looks through the pages already added), and its process
 * holds the whole index in memory until it is written. Measured with
 * Pagefind 1.6 on a 2-core machine: about 1.7 ms of its CPU per notice at
 * 1,000 and 2,000 notices, 2.8 ms at 4,000 and 8,000; and about 0.13 MiB of
 * memory per notice (docs/performance.md#the-search-index-at-scale). So an
 * archive of more than `SEARCH_PART_SIZE` notices is indexed in parts, a few
 * at a time (src/outputs/search-index.ts), each written to its own folder; the
 * reader's browser searches the first and merges the others into it
 * (public/search.js).
 *
 * An archive of up to `SEARCH_PART_SIZE` notices, most sites, has one index,
 * exactly as before parts existed. Beyond it the parts are as equal as they
 * can be, and each takes every n-th notice of the archive (newest first), so
 * that each part is a sample of the whole archive: Pagefind scores a match
 * against the word statistics of the part it is in, and parts that look alike
 * score alike (docs/history-and-availability.md#search says what readers see).
 */

/** The most notices one part of the search index holds. */
export const SEARCH_PART_SIZE = 2000;

/** The folder of part `number` (1 for the first) under the index's own folder: '' for the first, 'part-2/', ... */
export function searchPartFolder(number: number): string {
  return number === 1 ? '' : `part-${number}/`;
}

/**
 * `notices` dealt into ceil(length / partSize) parts (one part, maybe empty,
 * for up to `partSize` notices): notice i goes to part i mod parts, so every
 * notice is in exactly one part, in its order, and the parts' sizes differ by
 * one at most.
 */
export function searchParts<T>(notices: readonly T[], partSize: number = SEARCH_PART_SIZE): T[][] {
  if (!Number.isInteger(partSize) || partSize < 1) throw new RangeError(`search part size must be a whole number from 1, not ${partSize}`);
  const count = Math.max(1, Math.ceil(notices.length / partSize));
  if (count === 1) return [[...notices]];
  const parts: T[][] = Array.from({ length: count }, () => []);
  notices.forEach((notice, i) => parts[i % count]!.push(notice));
  return parts;
}
