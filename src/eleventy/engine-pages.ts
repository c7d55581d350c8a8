/**
 * The engine's pages written by the engine (src/pages/page-files.ts) rather
 * than as Eleventy templates: once Eleventy has written the site's own pages,
 * each engine page is rendered, written and let go, one at a time.
 *
 * Why: Eleventy keeps every page it renders, content and all, until its whole
 * run is done (for collections and for what `write()` returns), and sets each
 * page up through its data cascade and pagination. For these pages, which use
 * neither, that was most of a build's memory (more than 4 GiB at 100,000
 * notices) and a good part of its time. `noticeboard build` and `start` use
 * this when the site is served at the root of its host; under a path, and in
 * an Eleventy project that adds the plugin itself, the same templates go
 * through Eleventy, whose <base> plugin and the project's own transforms then
 * see every page (src/eleventy/plugin.ts).
 *
 * A rebuild under `npm start` renders only the pages that can have changed
 * (src/model/changed-pages.ts) and removes those the new model no longer has,
 * so the output folder holds what a full build of the same content writes.
 */
import { relative, resolve, sep } from 'node:path';
import type { SiteModel } from '../model/model.ts';
import { everyPagePath, pageFiles } from '../pages/page-files.ts';
import { removeStalePages, writePageFiles, type PageDigests, type PagesWritten } from '../site/write-pages.ts';
import type { EleventyConfig } from './eleventy-config.ts';

/** The part of Eleventy's `eleventy.after` argument used here. */
interface EleventyAfterEvent {
  directories?: { output?: string };
  dir?: { output?: string };
  outputMode?: string;
  results?: { inputPath: string; outputPath: string | false }[];
}

/**
 * Writes the engine's pages of the model `current()` gives after each of
 * Eleventy's runs, and hands what it wrote to `onWritten`. Only for a site at
 * its host's root (the pages' links are not rewritten for a path prefix), and
 * Eleventy runs `eleventy.after` handlers side by side: another one that reads
 * the output folder may see it before these pages are all written. `kept`
 * holds the paths of the last run's pages from one run to the next (the
 * site's: Eleventy runs its plugins afresh when its configuration is reset),
 * and under the preview what each held, so a page rendered to the same bytes
 * is not written again (see `PageDigests`).
 */
export function enginePagesPlugin(
  root: string,
  current: () => SiteModel,
  onWritten: (written: PagesWritten) => void,
  kept: { lastPagePaths?: ReadonlySet<string>; pageDigests?: PageDigests } = {},
) {
  return (eleventyConfig: EleventyConfig): void => {
    eleventyConfig.on('eleventy.after', async (event: EleventyAfterEvent) => {
      if (event.outputMode !== undefined && event.outputMode !== 'fs') return;
      const output = event.directories?.output ?? event.dir?.output;
      if (!output) throw new Error('engine pages: Eleventy did not say where the output folder is');
      const taken = new Map<string, string>();
      // Named as the site's files are everywhere else: relative to its root, '/'-separated.
      for (const { inputPath, outputPath } of event.results ?? []) if (outputPath) taken.set(resolve(outputPath), relative(root, resolve(inputPath)).split(sep).join('/'));
      const model = current();
      const written = await writePageFiles(pageFiles(model), resolve(output), taken, kept.pageDigests);
      const paths = everyPagePath(model);
      if (kept.lastPagePaths) removeStalePages(kept.lastPagePaths, paths, resolve(output), taken);
      kept.lastPagePaths = paths;
      onWritten(written);
    });
  };
}
