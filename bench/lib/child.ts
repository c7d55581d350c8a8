/**
 * One benchmark run, in its own process so peak memory is this build's alone:
 * `node src/cli/run.js src/bench/child.ts <result.json>` in a build root,
 * started as `npm run build` starts.
 * Builds with the real `buildSite()` and writes the in-process stage timings.
 */
import { writeFileSync } from 'node:fs';
import { buildSite } from '../../src/site/build-site.ts';

export interface ChildResult {
  /** Node start to the pipeline's modules loaded. */
  startupMs: number;
  readMs: number;
  modelMs: number;
  /** Model done to `_site` swapped in: Eleventy's whole run, the search index and the swap. */
  eleventyMs: number;
  /** The Pagefind search index, part of eleventyMs. */
  searchIndexMs: number;
  totalMs: number;
  files: number;
  maxRssKb: number;
}

const out = process.argv[2];
if (!out) throw new Error('usage: child.ts <result.json>');
const startupMs = performance.now();
const { searchIndexMs, load: timings } = await buildSite({ root: process.cwd() });
const done = performance.now();
const result: ChildResult = {
  startupMs,
  readMs: timings.readMs,
  modelMs: timings.modelMs,
  eleventyMs: done - timings.finishedAt,
  searchIndexMs,
  totalMs: done,
  files: timings.files,
  maxRssKb: process.resourceUsage().maxRSS,
};
writeFileSync(out, JSON.stringify(result));
process.exit(0);
