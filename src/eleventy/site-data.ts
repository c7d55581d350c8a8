/**
 * Makes the site model Eleventy's global data `site`, loaded afresh on every
 * build (and every rebuild under `npm start`). Invalid input fails the build
 * before Eleventy writes anything, so the last good `_site/` stays as it was.
 */
import type { EleventyConfig } from './eleventy-config.ts';
import { CONFIG_FILE, loadSite, POSTS_DIR } from '../site.ts';

export function siteDataPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addWatchTarget(`./${POSTS_DIR}/`);
  eleventyConfig.addWatchTarget(`./${CONFIG_FILE}`);
  // The project root is the working directory, unless buildSite() names another
  // (tests build fixture sites from their own folders).
  eleventyConfig.addGlobalData('site', () =>
    loadSite({
      root: process.env.NOTICEBOARD_ROOT ?? process.cwd(),
      includeDrafts: process.env.NOTICEBOARD_DRAFTS === '1',
    }),
  );
}
