/**
 * Where one `noticeboard build` spent its time and memory, written as JSON to
 * the file `NOTICEBOARD_TIMINGS` names. The benchmark (bench/) reads it from
 * the build it starts, so it measures the binary an operator runs; anyone can
 * use it to see which stage a slow build spends its time in.
 */
import { writeFileSync } from 'node:fs';
import type { BuildResult } from '../site/build-site.ts';
import type { PagesWritten } from '../site/write-pages.ts';

/** Milliseconds since the process started, unless said otherwise; memory in KiB. */
export interface BuildTimings {
  /** Process start to reading the site (its modules loaded; the config, then the notices, are read next). */
  startupMs: number;
  /** Reading and validating the config and every notice. */
  readMs: number;
  /** Deriving the model. */
  modelMs: number;
  /** Eleventy's whole run: its modules' loading, setup, render, write, and the engine's pages after it. */
  eleventyMs: number;
  /** The engine's pages, when the engine wrote them (src/eleventy/engine-pages.ts): rendering, writing, files, and rendering by template (ms). */
  pages?: PagesWritten;
  /** The Pagefind search index, start to written; it runs beside Eleventy. */
  searchIndexMs: number;
  /** Waiting for the search index after Eleventy was done: what indexing adds to the build's path. */
  searchWaitMs: number;
  /** The search index's parts, and how many were taken unchanged from the site the build replaced (src/outputs/search-reuse.ts). */
  searchParts: { parts: number; reused: number };
  /** Renaming the staging folder in (the old site is deleted in the background). */
  publishMs: number;
  /** Model done to published: all of the above after the model, and setting up between them. */
  afterModelMs: number;
  /** Process start to published. */
  totalMs: number;
  /** Notice files read. */
  files: number;
  maxRssKb: number;
  rssAfterModelKb: number;
  heapAfterModelKb: number;
}

export function buildTimings(result: BuildResult, now = performance.now()): BuildTimings {
  const { load } = result;
  return {
    startupMs: load.startedAt,
    readMs: load.readMs,
    modelMs: load.modelMs,
    eleventyMs: result.eleventyMs,
    pages: result.pages,
    searchIndexMs: result.searchIndexMs,
    searchWaitMs: result.searchWaitMs,
    searchParts: result.searchParts,
    publishMs: result.publishMs,
    afterModelMs: now - load.finishedAt,
    totalMs: now,
    files: load.files,
    maxRssKb: process.resourceUsage().maxRSS,
    rssAfterModelKb: Math.round(result.memoryAfterModel.rss / 1024),
    heapAfterModelKb: Math.round(result.memoryAfterModel.heapUsed / 1024),
  };
}

/** Writes `buildTimings(result)` to `file`, when the environment names one. */
export function writeBuildTimings(result: BuildResult, file: string | undefined): void {
  if (file) writeFileSync(file, JSON.stringify(buildTimings(result)));
}
