/**
 * Atomic builds: renders the site into a fresh folder next to `_site/` and
 * swaps it in only after a complete, successful build. A failed or killed build
 * never touches the last good `_site/`.
 */
import { existsSync, rmSync, renameSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import { provideSiteModel } from '../eleventy/site-data.ts';
import { writeSearchIndex } from '../outputs/search-index.ts';
import { loadSite } from './load-site.ts';

export const OUTPUT_DIR = '_site';
/** The engine's page templates (Eleventy's input folder). */
export const TEMPLATES_DIR = resolve(import.meta.dirname, '../pages/templates');
const STAGING_PREFIX = '.site-staging-';

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
  const staging = resolve(root, `${STAGING_PREFIX}${process.pid}`);
  // Validation problems surface here, before Eleventy starts or anything is written.
  const model = loadSite({ root, includeDrafts: options.includeDrafts });
  removeAbandonedStaging(root);
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
  const previous = `${outputPath}.previous-${process.pid}`;
  if (existsSync(outputPath)) renameSync(outputPath, previous);
  renameSync(staging, outputPath);
  rmSync(previous, { recursive: true, force: true });
  return { searchIndexMs };
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
function removeAbandonedStaging(root: string): void {
  for (const name of readdirSync(root)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(name.slice(STAGING_PREFIX.length));
    if (!isRunning(pid)) rmSync(join(root, name), { recursive: true, force: true });
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
