/**
 * One benchmark run, in its own process so peak memory is this build's alone:
 * `node src/cli/run.js bench/lib/child.ts <result.json>` in a build root,
 * started as `npm run build` starts.
 * Builds with the real `buildSite()` and writes the in-process stage timings.
 */
import { writeFileSync } from 'node:fs';
import { buildSite } from '../../src/site/build-site.ts';
import { Site } from '../../src/site/site.ts';

export interface ChildResult {
  /** Node start to the pipeline's modules loaded. */
  startupMs: number;
  readMs: number;
  modelMs: number;
  /** Eleventy's whole run: setup, render, write. */
  eleventyMs: number;
  /** The Pagefind search index, start to written; it runs beside Eleventy. */
  searchIndexMs: number;
  /** Waiting for the search index after Eleventy was done: what indexing adds to the build's path. */
  searchWaitMs: number;
  /** Renaming the staging folder in (the old site is deleted in the background). */
  publishMs: number;
  /** Model done to published, all of the above; the rest (setting up) is in between. */
  afterModelMs: number;
  totalMs: number;
  files: number;
  maxRssKb: number;
  /** Resident and heap memory once the model was built (before Eleventy), in KiB. */
  rssAfterModelKb: number;
  heapAfterModelKb: number;
  /** The largest JavaScript heap sampled during the build, in KiB. */
  peakHeapKb: number;
}

const out = process.argv[2];
if (!out) throw new Error('usage: child.ts <result.json>');
const startupMs = performance.now();
let afterModel: NodeJS.MemoryUsage | undefined;
let peakHeap = 0;
const site = new Site({ root: process.cwd() });
// Sampled between the build's own steps: the memory once the model is built (loading is synchronous, so
// the first sample after it is before Eleventy has done much), and the largest JavaScript heap seen.
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  peakHeap = Math.max(peakHeap, usage.heapUsed);
  if (!afterModel && site.lastTimings) afterModel = usage;
}, 5);
const { searchIndexMs, searchWaitMs, eleventyMs, publishMs, load: timings } = await buildSite({ root: process.cwd(), site });
const done = performance.now();
clearInterval(sampler);
const result: ChildResult = {
  startupMs,
  readMs: timings.readMs,
  modelMs: timings.modelMs,
  eleventyMs,
  searchIndexMs,
  searchWaitMs,
  publishMs,
  afterModelMs: done - timings.finishedAt,
  totalMs: done,
  files: timings.files,
  maxRssKb: process.resourceUsage().maxRSS,
  rssAfterModelKb: Math.round((afterModel?.rss ?? 0) / 1024),
  heapAfterModelKb: Math.round((afterModel?.heapUsed ?? 0) / 1024),
  peakHeapKb: Math.round(peakHeap / 1024),
};
writeFileSync(out, JSON.stringify(result));
process.exit(0);
