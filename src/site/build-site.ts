/**
 * Atomic builds: renders the site into a fresh folder next to `_site/` and
 * swaps it in only after a complete, successful build. A failed or killed build
 * never touches the last good `_site/`.
 */
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import { provideSiteModel } from '../eleventy/site-data.ts';
import { startSearchIndex } from '../outputs/search-index.ts';
import { loadSite } from './load-site.ts';
import { publishStaging, removeAbandonedStaging, restoreInterruptedSwap, STAGING_PREFIX } from './publish.ts';

export const OUTPUT_DIR = '_site';
/** The engine's page templates (Eleventy's input folder). */
export const TEMPLATES_DIR = resolve(import.meta.dirname, '../pages/templates');

interface BuildOptions {
  /** Drafts and scheduled notices too, marked, as the `npm start` preview shows them (tests build it this way). */
  includeDrafts?: boolean;
}

/** Where a build spent time beyond loading (see lastLoadTimings), for `npm run bench`. */
export interface BuildTimings {
  /** Indexing with Pagefind, start to index written (it runs beside Eleventy's run). */
  searchIndexMs: number;
  /** Of that, how long the build waited for the index after Eleventy was done. */
  searchWaitMs: number;
  /** Eleventy's whole run. */
  eleventyMs: number;
  /** Swapping the staging folder in (the old site is deleted in the background). */
  publishMs: number;
}

export async function buildSite(root: string, output = OUTPUT_DIR, options: BuildOptions = {}): Promise<BuildTimings> {
  const outputPath = resolve(root, output);
  // Next to the output folder, so that publishing is a rename on the same file system.
  const staging = join(dirname(outputPath), `${STAGING_PREFIX}${process.pid}`);
  // Validation problems surface here, before Eleventy starts or anything is written.
  const model = loadSite({ root, includeDrafts: options.includeDrafts });
  removeAbandonedStaging(outputPath);
  restoreInterruptedSwap(outputPath);
  provideSiteModel(model);
  const started = performance.now();
  let indexed = 0;
  let eleventyDone = 0;
  // The search index belongs to these pages: built into the same staging folder, swapped in with them.
  // It needs only the model, so it runs while Eleventy renders.
  const indexing = startSearchIndex(model, staging).then(() => (indexed = performance.now()));
  const rendering = (async () => {
    const eleventy = new Eleventy(TEMPLATES_DIR, staging, {
      configPath: join(root, '.eleventy.ts'),
      quietMode: true,
    });
    // Errors are reported by the command (src/cli/command.ts), in one line or, with DEBUG=noticeboard, with the stack.
    eleventy.logger.overrideLogger(false);
    await eleventy.write();
    eleventyDone = performance.now();
  })();
  // Both settle before anything else happens to the staging folder, even when one fails.
  const [index, pages] = await Promise.allSettled([indexing, rendering]);
  provideSiteModel(undefined);
  const failed = [pages, index].find((result) => result.status === 'rejected');
  if (failed) {
    rmSync(staging, { recursive: true, force: true });
    throw failed.reason;
  }
  const publishing = performance.now();
  publishStaging(staging, outputPath);
  return {
    searchIndexMs: indexed - started,
    searchWaitMs: Math.max(0, indexed - eleventyDone),
    eleventyMs: eleventyDone - started,
    publishMs: performance.now() - publishing,
  };
}
