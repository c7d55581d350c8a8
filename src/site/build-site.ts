/**
 * Atomic builds: renders the site into a fresh folder next to `_site/` and
 * swaps it in only after a complete, successful build. A failed or killed build
 * never touches the last good `_site/`.
 */
import { existsSync, rmSync, renameSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InvalidInputError, sortProblems } from '../content/problems.ts';
import type { EleventyConfig } from '../eleventy/eleventy-config.ts';
import type { LoadTimings } from './load-site.ts';
import { OUTPUT_DIR } from './paths.ts';
import { Site, type SiteSetup } from './site.ts';

export { OUTPUT_DIR };
const STAGING_PREFIX = '.site-staging-';

export interface BuildOptions extends SiteSetup {
  /** The output folder, relative to the root or absolute (default `_site`). */
  output?: string;
  /** A site object to build (the preview and tests keep one between builds); else one is made from the rest. */
  site?: Site;
}

/** Where a build spent its time, for `npm run bench`. */
export interface BuildResult {
  /** The folder the site was published to. */
  output: string;
  load: LoadTimings;
  /** Eleventy's part: setup, rendering and writing, with the search index. */
  eleventyMs: number;
  /** Writing the Pagefind search index into the staging folder. */
  searchIndexMs: number;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const site = options.site ?? new Site({ ...options, paths: { ...options.paths, output: options.output ?? options.paths?.output } });
  const outputPath = site.paths.output;
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
  removeAbandonedStaging(dirname(outputPath));
  restoreInterruptedSwap(outputPath);
  const eleventyStarted = performance.now();
  let searchIndexMs = 0;
  try {
    // Loaded here, after the content is read and valid: most of a build's
    // start-up is Eleventy's modules (and Pagefind's), which a build with
    // problems never needs.
    const [{ default: Eleventy }, { default: noticeboardPlugin }, { pathPrefixOf }, { writeSearchIndex }] = await Promise.all([
      import('@11ty/eleventy'),
      import('../eleventy/plugin.ts'),
      import('../eleventy/path-prefix.ts'),
      import('../outputs/search-index.ts'),
    ]);
    const eleventy = new Eleventy(site.inputDir(), staging, {
      // No configuration file: the site is configured by its site.config.yaml, and
      // nothing is read from the working directory.
      configPath: false,
      quietMode: true,
      pathPrefix: pathPrefixOf(model.config.url),
      config: (eleventyConfig: EleventyConfig) => eleventyConfig.addPlugin(noticeboardPlugin, { site }),
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
  }
  const eleventyMs = performance.now() - eleventyStarted;
  const previous = `${outputPath}.previous-${process.pid}`;
  if (existsSync(outputPath)) renameSync(outputPath, previous);
  renameSync(staging, outputPath);
  rmSync(previous, { recursive: true, force: true });
  return { output: outputPath, load, eleventyMs, searchIndexMs };
}

/**
 * A build killed between its two renames leaves no `_site/` but the last good
 * one as `_site.previous-<pid>`: put it back before anything else.
 */
function restoreInterruptedSwap(outputPath: string): void {
  if (existsSync(outputPath)) return;
  const dir = dirname(outputPath);
  const prefix = `${basename(outputPath)}.previous-`;
  const left = readdirSync(dir).find((name) => name.startsWith(prefix) && !isRunning(Number(name.slice(prefix.length))));
  if (left) renameSync(join(dir, left), outputPath);
}

/** Staging folders left by builds that were killed part-way (not those of builds still running). */
function removeAbandonedStaging(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(name.slice(STAGING_PREFIX.length));
    if (!isRunning(pid)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
