/**
 * noticeboard as an Eleventy plugin: everything a site's build needs, composed
 * from one-concern plugins. `noticeboard build` and `start` use it on a project
 * of their own; an existing Eleventy site adds it to its own configuration:
 *
 *   import noticeboard from 'noticeboard/eleventy';
 *   export default async function (eleventyConfig) {
 *     await eleventyConfig.addPlugin(noticeboard, { root: import.meta.dirname });
 *   }
 *
 * The engine's pages are virtual templates (they live in the package, not in
 * the site); the site's own pages in its input folder get the status layout
 * by `layout: noticeboard-page.11ty.js`.
 */
import { InvalidInputError } from '../content/problems.ts';
import { TEMPLATES } from '../pages/templates/index.ts';
import { PAGE_LAYOUT, pageLayout } from '../pages/templates/page-layout.ts';
import { Site, type SiteSetup } from '../site/site.ts';
import { assetsPlugin } from './assets.ts';
import { enginePagesPlugin } from './engine-pages.ts';
import type { EleventyConfig } from './eleventy-config.ts';
import { pathPrefixPlugin } from './path-prefix.ts';
import { RenderingModel, siteDataPlugin } from './site-data.ts';

export interface NoticeboardPluginOptions extends Partial<SiteSetup> {
  /** A site object to build, its parts already loaded (the commands pass theirs); else one is made from `root`. */
  site?: Site;
  /** Keep serving when the content has problems, showing them (the preview). */
  keepServing?: boolean;
  /** Give every page in the input folder the status layout unless it names its own (default true). */
  defaultLayout?: boolean;
  /**
   * How the engine's own pages are made: `templates` (the default) as Eleventy
   * templates, so the project's transforms and Eleventy's <base> plugin see
   * them; `engine` written by the engine after Eleventy's run, one page at a
   * time (engine-pages.ts): what `noticeboard build` and `start` use for a
   * site served at the root of its host. Only for such a site (no path
   * prefix), and the site's own pages then do not find the engine's pages in
   * Eleventy's `collections`.
   */
  enginePages?: 'templates' | 'engine';
}

export default async function noticeboardPlugin(eleventyConfig: EleventyConfig, options: NoticeboardPluginOptions = {}): Promise<void> {
  // A site handed in has its parts loaded by its caller (the build before Eleventy starts, the
  // preview before each rebuild); one made here from `root` loads them here, once.
  const site = options.site ?? (await siteWithParts(options));
  const rendering = new RenderingModel();
  eleventyConfig.addPlugin(siteDataPlugin(site, rendering, { keepServing: options.keepServing }));
  eleventyConfig.addPlugin(assetsPlugin(site.assets));
  eleventyConfig.addPlugin(pathPrefixPlugin);
  if (options.enginePages === 'engine') {
    // The preview writes into the same folder on every rebuild; a build, into a new one each time.
    if (options.keepServing) site.pageDigests ??= new Map();
    eleventyConfig.addPlugin(enginePagesPlugin(site.paths.root, () => rendering.current(), (written) => (site.lastPagesWritten = written), site));
  } else {
    // `layout: false` keeps the engine's pages (complete documents, feeds, JSON) out of any default layout.
    for (const [path, template] of Object.entries(TEMPLATES)) eleventyConfig.addTemplate(`noticeboard/${path}`, template, { layout: false });
  }
  eleventyConfig.addTemplate(`_includes/${PAGE_LAYOUT}`, pageLayout, {});
  if (options.defaultLayout ?? true) eleventyConfig.addGlobalData('layout', PAGE_LAYOUT);
}

async function siteWithParts(options: NoticeboardPluginOptions): Promise<Site> {
  if (!options.root) throw new Error("noticeboard's Eleventy plugin needs the site's folder: addPlugin(noticeboard, { root: '<folder with site.config.yaml>' })");
  const site = new Site({ root: options.root, paths: options.paths, includeDrafts: options.includeDrafts, now: options.now });
  const problems = await site.loadParts();
  if (problems.length) throw new InvalidInputError(problems);
  return site;
}
