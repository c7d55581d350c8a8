/**
 * Makes the site model Eleventy's global data `site`. `npm run build` loads and
 * validates it before Eleventy starts (so bad input fails cleanly and writes
 * nothing) and hands it over; under `npm start` it is loaded afresh on every
 * rebuild from the working directory, parsing again only the notice files
 * that changed (see loadNotices).
 */
import { join, relative, resolve, sep } from 'node:path';
import { loadConfig, parseConfig } from '../content/config.ts';
import { buildModel, type SiteModel } from '../model/model.ts';
import { InvalidInputError, type Problem } from '../content/problems.ts';
import { CONFIG_FILE, loadSite, POSTS_DIR } from '../site/load-site.ts';
import type { EleventyConfig } from './eleventy-config.ts';

let provided: SiteModel | undefined;

/**
 * Under `npm start`: the model of the last build in this process, and the
 * files Eleventy says changed since. When they are all notices, the rebuild
 * renders only the pages those changes can affect (`SiteModel.noticePages`
 * and friends); any other change (config, templates, code, assets) renders
 * everything.
 */
let lastModel: SiteModel | undefined;
let changedFiles: string[] | undefined;

const isNoticeFile = (path: string) => {
  const parts = relative(process.cwd(), resolve(path)).split(sep);
  return parts[0] === POSTS_DIR && path.endsWith('.md');
};

/** Hands Eleventy a model that is already built, for the next build only. */
export function provideSiteModel(model: SiteModel | undefined): void {
  provided = model;
}

/**
 * The site's `url`, for settings Eleventy needs before any data is loaded (the
 * path prefix): the provided model's, else, under `npm start`, the config file's
 * in the working directory (as the `site` data below); undefined when that file
 * is not valid (the `site` data then reports why).
 */
export function configuredSiteUrl(): string | undefined {
  return provided?.config.url ?? loadConfig(join(process.cwd(), CONFIG_FILE), CONFIG_FILE).config?.url;
}

export function siteDataPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addWatchTarget(`./${POSTS_DIR}/`);
  eleventyConfig.addWatchTarget(`./${CONFIG_FILE}`);
  eleventyConfig.on('eleventy.beforeWatch', (queue: string[]) => {
    changedFiles = [...(changedFiles ?? []), ...queue];
  });
  eleventyConfig.addGlobalData('site', () => {
    if (provided) return provided;
    const onlyNotices = changedFiles !== undefined && changedFiles.length > 0 && changedFiles.every(isNoticeFile);
    changedFiles = undefined;
    const includeDrafts = process.env.NOTICEBOARD_DRAFTS === '1';
    let model: SiteModel;
    try {
      model = loadSite({ root: process.cwd(), includeDrafts, previous: onlyNotices ? lastModel : undefined });
    } catch (error) {
      // The preview (`npm start`, src/cli/start.ts) keeps serving: it reports
      // the problems and shows them in place of every page until they are fixed.
      if (!(error instanceof InvalidInputError) || process.env.NOTICEBOARD_PREVIEW !== '1') throw error;
      eleventyConfig.events.emit(PROBLEMS_EVENT, error.problems);
      return lastModel ?? emptyModel(includeDrafts);
    }
    eleventyConfig.events.emit(PROBLEMS_EVENT, []);
    lastModel = model;
    return model;
  });
}

/** Emitted on Eleventy's config events under the preview, with each load's problems (none: `[]`). */
export const PROBLEMS_EVENT = 'noticeboard.problems';
export type ProblemsListener = (problems: Problem[]) => void;

/** A site of no notices, to render something when the very first load has problems (the pages are not shown). */
function emptyModel(includeDrafts: boolean): SiteModel {
  const { config } = parseConfig('title: noticeboard preview\nurl: http://localhost\ntimezone: UTC\nservices: []\n', CONFIG_FILE);
  return buildModel(config!, [], new Date(0), { includeDrafts });
}
