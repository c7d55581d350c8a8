/**
 * Makes the site model Eleventy's global data `site`. `npm run build` loads and
 * validates it before Eleventy starts (so bad input fails cleanly and writes
 * nothing) and hands it over; under `npm start` it is loaded afresh on every
 * rebuild from the working directory.
 */
import type { SiteModel } from '../model.ts';
import { CONFIG_FILE, loadSite, POSTS_DIR } from '../site.ts';
import type { EleventyConfig } from './eleventy-config.ts';

let provided: SiteModel | undefined;

/** Hands Eleventy a model that is already built, for the next build only. */
export function provideSiteModel(model: SiteModel | undefined): void {
  provided = model;
}

export function siteDataPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addWatchTarget(`./${POSTS_DIR}/`);
  eleventyConfig.addWatchTarget(`./${CONFIG_FILE}`);
  eleventyConfig.addGlobalData(
    'site',
    () => provided ?? loadSite({ root: process.cwd(), includeDrafts: process.env.NOTICEBOARD_DRAFTS === '1' }),
  );
}
