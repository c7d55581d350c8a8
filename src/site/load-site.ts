/**
 * Loads a whole site: config, then every notice, then the model. The single
 * entry point the Eleventy config, the `check` command and tests share.
 */
import { join } from 'node:path';
import { loadConfig, type SiteConfig } from '../content/config.ts';
import { createParseCache, loadNotices, type ParseCache } from '../content/load-notices.ts';
import { buildModel, type SiteModel } from '../model/model.ts';
import { createCalendarEventCache } from '../outputs/calendar.ts';
import type { Notice } from '../content/notice.ts';
import { InvalidInputError, sortProblems, type Problem } from '../content/problems.ts';
import { parseTime } from '../time/time.ts';

export interface SiteOptions {
  /** Project root holding `site.config.yaml` and `posts/`. */
  root: string;
  /** The build's "now"; default: `STATUS_NOW` from the environment, else the clock. */
  now?: Date;
  includeDrafts?: boolean;
  /** The previous build's model, for a rebuild after only notices changed (see `buildModel`). */
  previous?: SiteModel;
  /** The site's parse cache, kept between its loads (`npm start`); default: this module's own. */
  parseCache?: ParseCache;
}

/**
 * Until the per-site object (src/site/site.ts) holds them: the one parse
 * cache that loadSite's callers share when they pass none, and the one
 * calendar event cache the calendar templates pass, as before.
 */
const defaultParseCache = createParseCache();
export const defaultCalendarEventCache = createCalendarEventCache();

export const CONFIG_FILE = 'site.config.yaml';
export const POSTS_DIR = 'posts';

/** Every problem in the config and the notices, sorted by file and line; the valid notices too. */
export function checkSite(root: string): { problems: Problem[]; files: number; config?: SiteConfig; notices: Notice[] } {
  const { problems, files, config, notices } = readSite(root);
  return { problems, files, config, notices };
}

/** Where the last `loadSite` spent its time (milliseconds), for `npm run bench`. */
export interface LoadTimings {
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

let lastTimings: LoadTimings | undefined;

export function lastLoadTimings(): LoadTimings | undefined {
  return lastTimings;
}

export function loadSite(options: SiteOptions): SiteModel {
  const started = performance.now();
  const { config, notices, problems, files, parsed } = readSite(options.root, options.parseCache ?? defaultParseCache);
  if (problems.length || !config) throw new InvalidInputError(problems);
  const read = performance.now();
  const model = buildModel(config, notices, options.now ?? resolveNow(config.timezone), {
    includeDrafts: options.includeDrafts ?? false,
    previous: options.previous,
  });
  const finishedAt = performance.now();
  lastTimings = { readMs: read - started, modelMs: finishedAt - read, finishedAt, files, parsed };
  return model;
}

function readSite(root: string, parseCache?: ParseCache) {
  const { config, problems } = loadConfig(join(root, CONFIG_FILE), CONFIG_FILE);
  if (!config) return { config, notices: [], problems: sortProblems(problems), files: 0, parsed: 0 };
  const loaded = loadNotices(join(root, POSTS_DIR), config, root, parseCache);
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
