/**
 * Atomic builds: renders the site into a fresh folder next to `_site/` and
 * swaps it in only after a complete, successful build. A failed or killed build
 * never touches the last good `_site/`.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InvalidInputError, sortProblems } from '../content/problems.ts';
import type { EleventyConfig } from '../eleventy/eleventy-config.ts';
import type { LoadTimings } from './load-site.ts';
import { OUTPUT_DIR } from './paths.ts';
import { publishStaging, removeAbandonedStaging, restoreInterruptedSwap, STAGING_PREFIX } from './publish.ts';
import { Site, type SiteSetup } from './site.ts';
import type { PagesWritten } from './write-pages.ts';
import type { SiteModel } from '../model/model.ts';
import { enginePagesFor, pathPrefixOf } from './url-path.ts';

export { OUTPUT_DIR };

export interface BuildOptions extends SiteSetup {
  /** The output folder, relative to the root or absolute (default `_site`). */
  output?: string;
  /** A site object to build (the preview and tests keep one between builds); else one is made from the rest. */
  site?: Site;
  /** Who writes the engine's pages (see src/eleventy/plugin.ts); default: by the site's url (`enginePagesFor`). */
  enginePages?: 'templates' | 'engine';
}

/** Where a build spent its time (see NOTICEBOARD_TIMINGS in src/cli/build.ts). */
export interface BuildResult {
  /** The folder the site was published to. */
  output: string;
  load: LoadTimings;
  /** Resident and JavaScript heap memory once the model was built, before Eleventy ran (bytes). */
  memoryAfterModel: { rss: number; heapUsed: number };
  /** Indexing with Pagefind, start to index written (it runs beside Eleventy's run). */
  searchIndexMs: number;
  /** Of that, how long the build waited for the index after the pages were written. */
  searchWaitMs: number;
  /** The index's parts, and how many were taken unchanged from the site this build replaced. */
  searchParts: { parts: number; reused: number };
  /** Rendering and writing every page: Eleventy's whole run (its modules' loading included) where it runs, and the engine's pages. */
  eleventyMs: number;
  /** The engine's pages, when the engine wrote them after Eleventy's run (src/eleventy/engine-pages.ts). */
  pages?: PagesWritten;
  /** Swapping the staging folder in (the old site is deleted in the background). */
  publishMs: number;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const site = options.site ?? new Site({ ...options, paths: { ...options.paths, output: options.output ?? options.paths?.output } });
  const outputPath = site.paths.output;
  // Next to the output folder, so that publishing is a rename on the same file system.
  const staging = join(dirname(outputPath), `${STAGING_PREFIX}${process.pid}`);
  // Validation problems surface here, before Eleventy starts or anything is written.
  const partProblems = await site.loadParts();
  let model;
  try {
    model = site.preload();
  } catch (error) {
    if (error instanceof InvalidInputError) throw new InvalidInputError(sortProblems([...partProblems, ...error.problems]));
    throw error;
  }
  if (partProblems.length) throw new InvalidInputError(sortProblems(partProblems));
  const load = site.lastTimings!;
  const { rss, heapUsed } = process.memoryUsage();
  removeAbandonedStaging(outputPath);
  restoreInterruptedSwap(outputPath);
  const started = performance.now();
  let indexed = 0;
  let renderedAt = 0;
  site.lastPagesWritten = undefined;
  const enginePages = options.enginePages ?? enginePagesFor(model.config.url);
  // Loaded here, after the content is read and valid: Eleventy's modules (and
  // Pagefind's) are most of a build's start-up, which a build with problems
  // never needs; and a site with no pages of its own, at its host's root, has
  // nothing for Eleventy to do.
  const withEleventy = enginePages === 'templates' || site.hasOwnPages();
  const { startSearchIndex, SEARCH_DIR } = await import('../outputs/search-index.ts');
  // The search index belongs to these pages: built into the same staging folder, swapped in with them.
  // It needs only the model, so it runs while the pages are rendered. Parts the site being replaced
  // already has, made from the same documents, are taken from it.
  let searchParts = { parts: 0, reused: 0 };
  const indexing = startSearchIndex(model, staging, { previous: join(outputPath, SEARCH_DIR) }).then((result) => {
    searchParts = result;
    indexed = performance.now();
  });
  const rendering = (withEleventy ? renderWithEleventy(site, model, staging, enginePages) : renderWithoutEleventy(site, model, staging)).then(
    () => (renderedAt = performance.now()),
  );
  // Both settle before anything else happens to the staging folder, even when one fails.
  const [index, pages] = await Promise.allSettled([indexing, rendering]);
  const failed = [pages, index].find((result) => result.status === 'rejected');
  if (failed) {
    rmSync(staging, { recursive: true, force: true });
    throw failed.reason;
  }
  const publishing = performance.now();
  publishStaging(staging, outputPath);
  return {
    output: outputPath,
    load,
    memoryAfterModel: { rss, heapUsed },
    searchIndexMs: indexed - started,
    searchWaitMs: Math.max(0, indexed - renderedAt),
    searchParts,
    eleventyMs: renderedAt - started,
    pages: site.lastPagesWritten,
    publishMs: performance.now() - publishing,
  };
}

/** Eleventy renders the site's own pages (and the engine's, as templates, unless the engine writes them after its run). */
async function renderWithEleventy(site: Site, model: SiteModel, staging: string, enginePages: 'templates' | 'engine'): Promise<void> {
  const [{ default: Eleventy }, { default: noticeboardPlugin }] = await Promise.all([import('@11ty/eleventy'), import('../eleventy/plugin.ts')]);
  const eleventy = new Eleventy(site.inputDir(), staging, {
    // No configuration file: the site is configured by its site.config.yaml, and
    // nothing is read from the working directory.
    configPath: false,
    quietMode: true,
    pathPrefix: pathPrefixOf(model.config.url),
    config: (eleventyConfig: EleventyConfig) => eleventyConfig.addPlugin(noticeboardPlugin, { site, enginePages }),
  });
  // Errors are reported by the command (src/cli/command.ts), in one line or, with DEBUG=noticeboard, with the stack.
  eleventy.logger.overrideLogger(false);
  await eleventy.write();
}

/**
 * A site with no pages of its own, at its host's root: its static files and
 * the engine's pages, which is all Eleventy's run would have written (the
 * same bytes; tests/engine-pages.test.ts), without loading Eleventy.
 */
async function renderWithoutEleventy(site: Site, model: SiteModel, staging: string): Promise<void> {
  // The templates and their outputs' packages (feed, ical-generator, ...) load only now, after the
  // content is read and valid, as Eleventy does: a build with problems never needs them.
  const [{ pageFiles }, { writePageFiles }] = await Promise.all([import('../pages/page-files.ts'), import('./write-pages.ts')]);
  site.assets.writeInto(staging);
  site.lastPagesWritten = await writePageFiles(pageFiles(model), staging);
}
