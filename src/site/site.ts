/**
 * One site, as the engine works on it: its paths, and everything kept between
 * builds of it in one process (the `start` preview rebuilds the same site on
 * every change): the last model, the parse cache, the fingerprinted asset
 * names, the part overrides. Nothing of this lives in module scope, so two
 * sites can build in one process.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, parseConfig } from '../content/config.ts';
import { createParseCache, findUnnoticedChanges } from '../content/load-notices.ts';
import type { Problem } from '../content/problems.ts';
import { buildModel, type SiteModel } from '../model/model.ts';
import { createEventTextCache, type Theme } from '../model/theme.ts';
import { SiteAssets } from './assets.ts';
import { loadSiteTimed, type LoadTimings } from './load-site.ts';
import { loadParts, retiredFiles } from './parts.ts';
import { CONFIG_FILE, ENGINE_PUBLIC, sitePaths, type SitePaths } from './paths.ts';
import type { PageDigests, PagesWritten } from './write-pages.ts';

export interface SiteSetup {
  /** The site's folder. */
  root: string;
  /** Any of its paths when not in the usual place (relative to the root or absolute; see paths.ts). */
  paths?: Partial<Omit<SitePaths, 'root'>>;
  /** Drafts and scheduled notices too, marked, as the preview shows them. */
  includeDrafts?: boolean;
  /** The build's "now"; default: STATUS_NOW from the environment, else the clock. */
  now?: Date;
  /** The most notices in one part of the search index (default 2,000, src/model/search-parts.ts); tests set fewer to have parts. */
  searchPartSize?: number;
}

export class Site {
  readonly paths: SitePaths;
  readonly includeDrafts: boolean;
  readonly assets: SiteAssets;
  readonly #now?: Date;
  readonly #searchPartSize?: number;
  #parts: Theme['parts'] = {};
  #lastModel?: SiteModel;
  #loaded?: SiteModel;
  #changed: string[] = [];
  readonly #calendarEvents = createEventTextCache();
  /** Notices parsed by the last load: a rebuild parses only files that changed. */
  readonly #parseCache = createParseCache();
  /** Where the last load spent its time, for the benchmark. */
  lastTimings?: LoadTimings;
  /** What the last run wrote of the engine's pages, when the engine writes them (src/eleventy/engine-pages.ts). */
  lastPagesWritten?: PagesWritten;
  /** The output paths of every engine page of the last run's model, for the next run to remove those it no longer has. */
  lastPagePaths?: ReadonlySet<string>;
  /** Under the preview, what each engine page in its folder held, so one rendered to the same bytes is not written again. */
  pageDigests?: PageDigests;

  constructor(setup: SiteSetup) {
    this.paths = sitePaths(setup.root, setup.paths);
    this.includeDrafts = setup.includeDrafts ?? false;
    this.#now = setup.now;
    this.#searchPartSize = setup.searchPartSize;
    this.assets = new SiteAssets([ENGINE_PUBLIC, this.paths.public]);
  }

  /**
   * Eleventy's input folder: the site's own pages/, or, for a site without
   * any, an empty folder outside it (Eleventy needs one that exists; the
   * engine's pages are virtual templates and need none).
   */
  inputDir(): string {
    if (existsSync(this.paths.pages)) return this.paths.pages;
    const empty = join(tmpdir(), 'noticeboard-no-pages');
    mkdirSync(empty, { recursive: true });
    return empty;
  }

  /** Whether the site has pages of its own (pages/), which Eleventy renders. */
  hasOwnPages(): boolean {
    return existsSync(this.paths.pages);
  }

  /** What the pages use of the site beyond its data. */
  get theme(): Theme {
    return { asset: (url) => this.assets.asset(url), has: (url) => this.assets.has(url), ownText: (url) => this.assets.ownText(url), imageSize: (url) => this.assets.imageSize(url), parts: this.#parts, calendarEvents: this.#calendarEvents };
  }

  /** Reads the site's part overrides (parts/*.js); their problems and those of files this version no longer reads. Again before each rebuild. */
  async loadParts(): Promise<Problem[]> {
    const { parts, problems } = await loadParts(this.paths.parts, this.paths.root);
    this.#parts = parts;
    return [...retiredFiles(this.paths.root), ...problems];
  }

  /**
   * Loads and validates the config and every notice and derives the model;
   * throws InvalidInputError with every problem. `onlyNoticesChanged` (a
   * preview rebuild after notice edits alone) lets the model reuse the last
   * one's work and render only the pages those edits can change;
   * `changedFiles` (absolute paths, the watcher's), that only those of the
   * notice files whose stamp is unchanged need be read (see `loadNotices`).
   */
  load({ onlyNoticesChanged = false, changedFiles }: { onlyNoticesChanged?: boolean; changedFiles?: ReadonlySet<string> } = {}): SiteModel {
    this.assets.forget();
    const { model, timings } = loadSiteTimed({
      root: this.paths.root,
      paths: this.paths,
      now: this.#now,
      includeDrafts: this.includeDrafts,
      searchPartSize: this.#searchPartSize,
      previous: onlyNoticesChanged ? this.#lastModel : undefined,
      theme: this.theme,
      parseCache: this.#parseCache,
      changedFiles,
    });
    this.lastTimings = timings;
    this.#lastModel = model;
    return model;
  }

  /** `load`, for the build about to run: Eleventy's data then takes this model instead of loading again. */
  preload(): SiteModel {
    this.#loaded = this.load();
    return this.#loaded;
  }

  /** The model `preload` made, once; else undefined. */
  takeLoaded(): SiteModel | undefined {
    const model = this.#loaded;
    this.#loaded = undefined;
    return model;
  }

  /** Files the preview's watcher says changed since the last build. */
  noteChanged(paths: readonly string[]): void {
    this.#changed.push(...paths);
  }

  /** The files changed since the last build, once. */
  takeChanged(): string[] {
    const changed = this.#changed;
    this.#changed = [];
    return changed;
  }

  /**
   * The notice files the last load under the preview's watcher took on its
   * word that have changed since without its word (see `findUnnoticedChanges`
   * in src/content/load-notices.ts), for the preview to rebuild after.
   */
  findUnnoticedChanges(signal?: AbortSignal): Promise<string[]> {
    return findUnnoticedChanges(this.paths.posts, this.paths.root, this.#parseCache, signal);
  }

  /** The last good model, or a site of no notices when there is none yet (the preview's first load failed). */
  lastGoodModel(): SiteModel {
    if (this.#lastModel) return this.#lastModel;
    // Its pages are never shown (the preview shows the problems instead); it only has to be valid.
    const { config, problems } = parseConfig('title: noticeboard preview\nurl: http://localhost\ntimezone: UTC\nservices:\n  - id: none\n    name: None\n', CONFIG_FILE);
    if (!config) throw new Error(`the preview's placeholder site is not valid: ${problems.map((p) => p.message).join('; ')}`);
    return buildModel(config, [], new Date(0), { includeDrafts: this.includeDrafts, theme: this.theme });
  }

  /** The configured `url` (for Eleventy's path prefix, needed before any data loads); undefined when the config is not valid. */
  configuredUrl(): string | undefined {
    return this.#lastModel?.config.url ?? loadConfig(this.paths.config, CONFIG_FILE).config?.url;
  }
}
