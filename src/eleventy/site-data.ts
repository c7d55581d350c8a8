/**
 * Makes the site model Eleventy's global data `site`, resolved once as each of
 * Eleventy's runs starts. A build loads and validates it before Eleventy
 * starts (so bad input fails cleanly and writes nothing) and Eleventy takes
 * that model; under the preview it is loaded afresh on every rebuild, parsing
 * again only the notice files that changed.
 */
import { relative, resolve, sep } from 'node:path';
import { InvalidInputError, type Problem } from '../content/problems.ts';
import type { SiteModel } from '../model/model.ts';
import type { Site } from '../site/site.ts';
import type { EleventyConfig } from './eleventy-config.ts';

/** Emitted on Eleventy's config events under the preview, with each load's problems (none: `[]`). */
export const PROBLEMS_EVENT = 'noticeboard.problems';
export type ProblemsListener = (problems: Problem[]) => void;

export interface SiteDataOptions {
  /** Keep serving when the content has problems (the preview): emit them and render the last good model. */
  keepServing?: boolean;
}

/** The model one Eleventy run renders, set as the run starts. */
export class RenderingModel {
  model?: SiteModel;

  current(): SiteModel {
    if (!this.model) throw new Error("noticeboard: the site's model was asked for before Eleventy's run started");
    return this.model;
  }
}

export function siteDataPlugin(site: Site, rendering: RenderingModel, { keepServing = false }: SiteDataOptions = {}) {
  return (eleventyConfig: EleventyConfig): void => {
    const { posts, config, parts, public: publicDir } = site.paths;
    // A change to any of them loads the site again: Eleventy keeps global data
    // until its configuration is reset, and then runs this plugin afresh.
    for (const target of [posts, config, parts, publicDir]) eleventyConfig.addWatchTarget(target);
    // The files Eleventy says changed since the last build, kept on the site (this
    // plugin runs again after each change): when they are all notices, the
    // rebuild renders only the pages those changes can affect.
    eleventyConfig.on('eleventy.beforeWatch', (queue: string[]) => site.noteChanged(queue));
    const isNoticeFile = (path: string) => {
      const inPosts = relative(posts, resolve(site.paths.root, path));
      return !inPosts.startsWith('..') && !inPosts.startsWith(sep) && path.endsWith('.md');
    };
    let partProblems: Problem[] = [];
    // The model of this run, resolved once as the run starts (before Eleventy computes any data),
    // so the site's pages and the engine's pages (engine-pages.ts) all render the same one.
    eleventyConfig.on('eleventy.before', async () => {
      // Part overrides are read again before each preview rebuild, their problems with the content's.
      if (keepServing) partProblems = await site.loadParts();
      rendering.model = resolveModel();
    });
    const resolveModel = (): SiteModel => {
      const loaded = site.takeLoaded();
      if (loaded) return loaded;
      const changedFiles = site.takeChanged();
      const onlyNoticesChanged = changedFiles.length > 0 && changedFiles.every(isNoticeFile);
      try {
        // Under the preview, from its first build on: the files the watcher named are read again, the
        // other notice files only if their stamp moved. Otherwise every file is read and compared.
        const changed = keepServing ? new Set(changedFiles.map((path) => resolve(site.paths.root, path))) : undefined;
        const model = site.load({ onlyNoticesChanged, changedFiles: changed });
        if (partProblems.length) throw new InvalidInputError(partProblems);
        eleventyConfig.events.emit(PROBLEMS_EVENT, []);
        return model;
      } catch (error) {
        // The preview (src/cli/start.ts) keeps serving: it reports the problems
        // and shows them in place of every page until they are fixed.
        if (!(error instanceof InvalidInputError) || !keepServing) throw error;
        eleventyConfig.events.emit(PROBLEMS_EVENT, [...partProblems, ...error.problems]);
        return site.lastGoodModel();
      }
    };
    eleventyConfig.addGlobalData('site', () => rendering.current());
  };
}
