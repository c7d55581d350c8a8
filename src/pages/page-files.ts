/**
 * The engine's pages as files: every template of the registry
 * (templates/index.ts), paginated as its `data` says, gives one file per item,
 * with its output path and a function that renders it.
 *
 * This is what Eleventy does with the same templates (a template's `data` is
 * written in Eleventy's terms: `pagination.data`, `alias`, `before`,
 * `permalink`), without Eleventy's per-page machinery: Eleventy keeps every
 * page it renders, its content included, until the whole build is done, which
 * at 100,000 notices is gigabytes. Here a page is rendered, written and let go
 * one at a time (src/eleventy/engine-pages.ts). Only `size: 1` pagination is
 * used by the engine's templates, and only that is understood.
 */
import { everyPage } from '../model/changed-pages.ts';
import type { SiteModel } from '../model/model.ts';
import { TEMPLATES, type TemplateModule } from './templates/index.ts';

export interface PageFile {
  /** The template's name in the registry, e.g. `month.11ty.js`. */
  template: string;
  /** Where the file goes, relative to the output folder, '/'-separated: `2026/06/index.html`. */
  path: string;
  render(): string;
}

/** A template's `data`, as far as pages are concerned. */
interface TemplateData {
  pagination?: { data: string; size: number; alias: string; before?: (items: unknown[]) => unknown[] };
  permalink?: string | false | ((data: Record<string, unknown>) => string | false);
}

/** Every file the templates make of `site`, template by template, in the registry's order. */
export function* pageFiles(site: SiteModel, templates: Record<string, TemplateModule> = TEMPLATES): Generator<PageFile> {
  for (const [template, module] of Object.entries(templates)) {
    const own = module.data as Record<string, unknown> & TemplateData;
    const render = module.render as (data: Record<string, unknown>) => string;
    const base: Record<string, unknown> = { ...own, site };
    const { pagination } = own;
    if (!pagination) {
      const path = outputPath(own.permalink, base, template);
      if (path) yield { template, path, render: () => render(base) };
      continue;
    }
    if (pagination.size !== 1) throw new Error(`${template}: only pagination of size 1 is supported, not ${pagination.size}`);
    const listed = lookUp(base, pagination.data, template);
    const items = pagination.before ? pagination.before(listed) : listed;
    for (const item of items) {
      const data = { ...base, [pagination.alias]: item };
      const path = outputPath(own.permalink, data, template);
      if (path) yield { template, path, render: () => render(data) };
    }
  }
}

/**
 * The output path of every page of `site`, not only of those this build
 * renders (a rebuild under `npm start` renders only what changed): what a
 * full build of the same model writes. Nothing is rendered.
 */
export function everyPagePath(site: SiteModel, templates: Record<string, TemplateModule> = TEMPLATES): Set<string> {
  const paths = new Set<string>();
  for (const file of pageFiles({ ...site, ...everyPage(site) }, templates)) paths.add(file.path);
  return paths;
}

/** `site.history.pages` in `data`: the list a template paginates. */
function lookUp(data: Record<string, unknown>, dotted: string, template: string): unknown[] {
  let value: unknown = data;
  for (const key of dotted.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  if (!Array.isArray(value)) throw new Error(`${template}: pagination.data "${dotted}" is not a list`);
  return value;
}

/** Eleventy's rule: a permalink ending in `/` is that folder's `index.html`; `false` writes nothing. */
function outputPath(permalink: TemplateData['permalink'], data: Record<string, unknown>, template: string): string | undefined {
  const url = typeof permalink === 'function' ? permalink(data) : permalink;
  if (url === false) return undefined;
  if (typeof url !== 'string' || !url) throw new Error(`${template}: its permalink gave ${JSON.stringify(url)}, not a path`);
  const path = url.replace(/^\/+/, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}
