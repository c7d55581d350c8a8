/**
 * Writes pages into an output folder one at a time: each is rendered, written
 * and let go before the next, so a build holds one page at a time however
 * many there are (see src/eleventy/engine-pages.ts for why the engine's pages
 * are written so). Folders are made once each.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PageFile } from '../pages/page-files.ts';

/** What one run wrote, for the preview's log line and the build's timings. */
export interface PagesWritten {
  files: number;
  /** Pages rendered to the bytes the folder already had, and so not written (with `PageDigests` only). */
  unchanged: number;
  /** Milliseconds rendering and writing, and rendering by template. */
  renderMs: number;
  writeMs: number;
  templates: Record<string, number>;
}

/** Pages written between two turns of the event loop: the search index's worker is fed from it. */
const PAGES_PER_TURN = 64;

/**
 * What each page written into one output folder held when it was written
 * (absolute path -> SHA-1), kept from one run into that folder to the next:
 * the preview's, whose rebuild renders some 80 pages at 10,000 notices, most
 * of them to the same bytes (writing them was a sixth of the rebuild). Only
 * for a folder nothing else writes to, and never for a new (staging) folder.
 */
export type PageDigests = Map<string, string>;

/**
 * Writes `files` into `outputDir`. `taken` maps the output files something
 * else already wrote in this run (absolute path -> what wrote it); an engine
 * page on one of them is an error naming both, as two Eleventy templates on
 * one path are. With `digests`, a page whose bytes are the ones last written
 * there (and whose file is still there) is not written again.
 */
export async function writePageFiles(
  files: Iterable<PageFile>,
  outputDir: string,
  taken: ReadonlyMap<string, string> = new Map(),
  digests?: PageDigests,
): Promise<PagesWritten> {
  const written: PagesWritten = { files: 0, unchanged: 0, renderMs: 0, writeMs: 0, templates: {} };
  const folders = new Set<string>();
  // Every file written so far (absolute path -> which template), so two pages on one path are an error.
  const mine = new Map<string, string>();
  for (const file of files) {
    const target = join(outputDir, ...file.path.split('/'));
    const other = taken.get(target) ?? mine.get(target);
    if (other) throw new Error(`${other} and the engine's ${file.template} both write ${file.path}; give the page another permalink`);
    mine.set(target, `the engine's ${file.template}`);
    const started = performance.now();
    let content: string;
    try {
      content = file.render();
    } catch (error) {
      // Name the page, as Eleventy named the template: a part may fail on one notice only.
      throw new Error(`${file.path} (${file.template}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const rendered = performance.now();
    written.renderMs += rendered - started;
    written.templates[file.template] = (written.templates[file.template] ?? 0) + (rendered - started);
    const digest = digests && createHash('sha1').update(content).digest('base64');
    if (digest !== undefined && digests?.get(target) === digest && existsSync(target)) {
      written.unchanged++;
      continue;
    }
    const folder = dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    // Forgotten first: a write that fails part-way must not leave the old digest vouching for the file.
    digests?.delete(target);
    writeFileSync(target, content);
    if (digest !== undefined) digests?.set(target, digest);
    written.writeMs += performance.now() - rendered;
    if (++written.files % PAGES_PER_TURN === 0) await new Promise((turn) => setImmediate(turn));
  }
  return written;
}

/**
 * Removes from `outputDir` the pages a previous run wrote (`before`) that this
 * run's model no longer has (`now`): a notice deleted or moved, a month or a
 * history page gone. A run that rewrites only what changed leaves every other
 * file in place, so without this the folder would keep pages no build of the
 * same content writes. Files in `taken` (absolute paths something else wrote
 * in this run) are kept; folders left empty go too.
 */
export function removeStalePages(before: ReadonlySet<string>, now: ReadonlySet<string>, outputDir: string, taken: ReadonlyMap<string, string> = new Map()): void {
  for (const path of before) {
    if (now.has(path)) continue;
    const target = join(outputDir, ...path.split('/'));
    if (taken.has(target)) continue;
    rmSync(target, { force: true });
    for (let folder = dirname(target); folder.startsWith(outputDir) && folder !== outputDir; folder = dirname(folder)) {
      try {
        rmdirSync(folder);
      } catch {
        break; // not empty (or already gone): the folders above it are not empty either
      }
    }
  }
}
