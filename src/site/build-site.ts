/**
 * Atomic builds: renders the site into a fresh folder next to `_site/` and
 * swaps it in only after a complete, successful build. A failed or killed build
 * never touches the last good `_site/`.
 */
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import { provideSiteModel } from '../eleventy/site-data.ts';
import { writeSearchIndex } from '../outputs/search-index.ts';
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
  /** Writing the Pagefind search index into the staging folder. */
  searchIndexMs: number;
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
  let searchIndexMs = 0;
  try {
    const eleventy = new Eleventy(TEMPLATES_DIR, staging, {
      configPath: join(root, '.eleventy.ts'),
      quietMode: true,
    });
    // Errors are reported by the command (src/cli/command.ts), in one line or, with DEBUG=noticeboard, with the stack.
    eleventy.logger.overrideLogger(false);
    await eleventy.write();
    // The search index belongs to these pages: built into the same staging folder, swapped in with them.
    const indexStarted = performance.now();
    await writeSearchIndex(model, staging);
    searchIndexMs = performance.now() - indexStarted;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    provideSiteModel(undefined);
  }
  publishStaging(staging, outputPath);
  return { searchIndexMs };
}
