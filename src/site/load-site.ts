/**
 * Loads a whole site: config, then every notice, then the model. The single
 * entry point the Eleventy config, the `check` command and tests share.
 */
import { relative, sep } from 'node:path';
import { loadConfig, type SiteConfig } from '../content/config.ts';
import { loadNotices, type ParseCache } from '../content/load-notices.ts';
import { buildModel, type SiteModel } from '../model/model.ts';
import type { Notice } from '../content/notice.ts';
import { InvalidInputError, sortProblems, type Problem } from '../content/problems.ts';
import { parseTime } from '../time/time.ts';
import type { Theme } from '../model/theme.ts';
import { retiredFiles } from './parts.ts';
import { SiteAssets } from './assets.ts';
import { ENGINE_PUBLIC, sitePaths, type SitePaths } from './paths.ts';

export interface SiteOptions {
  /** The site's folder, holding `site.config.yaml` and `posts/`. */
  root: string;
  /** Where its files are, when not in the usual places under `root` (see paths.ts). */
  paths?: SitePaths;
  /** Asset URLs and part overrides for the pages (the site object's; default: plain names). */
  theme?: Theme;
  /** The build's "now"; default: `STATUS_NOW` from the environment, else the clock. */
  now?: Date;
  includeDrafts?: boolean;
  /** The most notices in one part of the search index (see `buildModel`). */
  searchPartSize?: number;
  /** The previous build's model, for a rebuild after only notices changed (see `buildModel`). */
  previous?: SiteModel;
  /** The site's parse cache, kept between its loads (the site object's); without one every file is parsed. */
  parseCache?: ParseCache;
  /** The notice files a watcher says changed since the last load with this cache (see `loadNotices`). */
  changedFiles?: ReadonlySet<string>;
}

export { CONFIG_FILE, POSTS_DIR } from './paths.ts';

/**
 * Until the site object (site.ts) carries it to the templates: the one
 * calendar event cache the calendar templates pass (outputs/calendar.ts).
 */

/** Every problem in the config and the notices, sorted by file and line; the valid notices too. */
export function checkSite(root: string, paths: SitePaths = sitePaths(root)): { problems: Problem[]; files: number; config?: SiteConfig; notices: Notice[] } {
  const { problems: contentProblems, files, config, notices } = readSite(paths);
  const problems = sortProblems([...retiredFiles(paths.root), ...contentProblems]);
  return { problems, files, config, notices };
}

/** Where the last `loadSite` spent its time (milliseconds), for `npm run bench`. */
export interface LoadTimings {
  /** `performance.now()` (milliseconds since the process started) when reading began: the start-up before it. */
  startedAt: number;
  /** Reading and validating the config and every notice. */
  readMs: number;
  /** Deriving the model from the valid notices. */
  modelMs: number;
  /** `performance.now()` when the model was done. */
  finishedAt: number;
  files: number;
  /** Notice files actually parsed; the others came unchanged from the previous load in this process. */
  parsed: number;
}

export function loadSite(options: SiteOptions): SiteModel {
  return loadSiteTimed(options).model;
}

/** `loadSite`, and where it spent its time. */
export function loadSiteTimed(options: SiteOptions): { model: SiteModel; timings: LoadTimings } {
  const started = performance.now();
  const { config, notices, problems, files, parsed } = readSite(options.paths ?? sitePaths(options.root), options.parseCache, options.theme, options.changedFiles);
  if (problems.length || !config) throw new InvalidInputError(problems);
  const read = performance.now();
  const model = buildModel(config, notices, options.now ?? resolveNow(config.timezone), {
    includeDrafts: options.includeDrafts ?? false,
    previous: options.previous,
    theme: options.theme,
    searchPartSize: options.searchPartSize,
  });
  const finishedAt = performance.now();
  return { model, timings: { startedAt: started, readMs: read - started, modelMs: finishedAt - read, finishedAt, files, parsed } };
}

function readSite(paths: SitePaths, parseCache?: ParseCache, theme?: Theme, changed?: ReadonlySet<string>) {
  const configFile = relative(paths.root, paths.config).split(sep).join('/');
  // The site object's own view of its static files when it has one; else the same folders, looked at here.
  const hasFile = theme?.has ?? ((url: string) => new SiteAssets([ENGINE_PUBLIC, paths.public]).has(url));
  const { config, problems } = loadConfig(paths.config, configFile, { hasFile });
  if (!config) {
    // The watcher's paths of this load are not applied to the notices: the next load scans the folder.
    if (parseCache) parseCache.scan = undefined;
    return { config, notices: [], problems: sortProblems(problems), files: 0, parsed: 0 };
  }
  const loaded = loadNotices(paths.posts, config, paths.root, parseCache, { changed });
  return {
    config,
    notices: loaded.notices,
    problems: sortProblems([...problems, ...loaded.problems]),
    files: loaded.files,
    parsed: loaded.parsed,
  };
}

/**
 * The build's "now": `STATUS_NOW` (any time spec §2 accepts, read in the site's
 * zone when it has no offset) so builds are reproducible, else the clock.
 */
export function resolveNow(zone: string, env: NodeJS.ProcessEnv = process.env): Date {
  const text = env.STATUS_NOW?.trim();
  if (!text) return new Date();
  const parsed = parseTime(text, zone);
  if (!parsed.ok) {
    throw new InvalidInputError([{ file: 'STATUS_NOW', line: 1, message: `environment variable STATUS_NOW: ${parsed.error}` }]);
  }
  return parsed.value;
}
