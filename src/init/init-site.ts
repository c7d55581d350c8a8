/**
 * What `noticeboard init` writes: a site that holds only what is the
 * operator's (the settings, one example notice, CI files, a README) and depends
 * on this package at the exact version that wrote it. The files are kept as
 * they are under src/init/files/ (copied to dist/init/files/ by the compile);
 * package.json and the example notice are made here, since they carry the
 * version and today's date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseConfig } from '../content/config.ts';
import { formatLocalTime } from '../authoring/local-time.ts';

const FILES = new URL('./files/', import.meta.url);

/** Site path -> template under files/ (npm leaves dot-files out of a package, so they are stored without the dot). */
const COPIED: Record<string, string> = {
  'site.config.yaml': 'site.config.yaml',
  '.gitignore': 'gitignore',
  '.github/workflows/status-site.yml': 'status-site.yml',
  '.gitlab-ci.yml': 'gitlab-ci.yml',
  'README.md': 'README.md',
};

/** What in a folder says a site is there already; init refuses to write over it. */
export const SITE_MARKERS = ['site.config.yaml', 'posts'];

/** The site's npm scripts: each the command of the same name. */
const SCRIPTS = ['build', 'start', 'check', 'new', 'update'];

export interface InitOptions {
  /** The folder to write into, absolute (created if missing); its name names the site's package. */
  dir: string;
  /** The version of noticeboard the site depends on, exactly. */
  version: string;
  /** The example notice's date; its day in the config's zone names the posts/ folder. */
  now: Date;
}

/** The site's files, path relative to the site -> content. */
export function siteFiles({ version, now, name = 'status-site' }: Omit<InitOptions, 'dir'> & { name?: string }): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [path, template] of Object.entries(COPIED)) files[path] = readFileSync(new URL(template, FILES), 'utf8');
  const { config, problems } = parseConfig(files['site.config.yaml']!, 'site.config.yaml');
  if (!config) throw new Error(`the site.config.yaml that init writes is invalid: ${problems.map((p) => p.message).join('; ')}`);
  const date = formatLocalTime(now, config.timezone);
  const [year, month] = date.split('-');
  files['package.json'] = `${JSON.stringify(
    {
      name,
      private: true,
      type: 'module',
      scripts: Object.fromEntries(SCRIPTS.map((name) => [name, `noticeboard ${name}`])),
      dependencies: { noticeboard: version },
    },
    null,
    2,
  )}\n`;
  files[`posts/${year}/${month}/status-site-live.md`] = `---
title: This status site is live
type: notice
date: ${date}
authors: [${config.title.replace(/ Status$/, '')} NOC]
services: [${config.services[0]!.id}]
summary: Planned work, incidents and notices about our services appear here.
---
This is the first notice of the new status site: an example to copy, or to
delete once real notices are here. Follow the site with the feeds or the
maintenance calendar linked on every page.
`;
  return files;
}

/** What stands in the way of writing a site into `dir`, as one line, or undefined. */
export function initRefusal(dir: string): string | undefined {
  const site = SITE_MARKERS.find((name) => existsSync(join(dir, name)));
  if (site) return `${join(dir, site)} exists: ${dir} already holds a site; init writes only into a new or empty folder`;
  // A file init would write is there already (a README, a package.json): never written over.
  const taken = [...Object.keys(COPIED), 'package.json'].find((path) => existsSync(join(dir, path)));
  return taken && `${join(dir, taken)} exists and init writes over no file: move it away, or init into a new folder`;
}

/** The site's package name, after its folder: `My Status` -> `my-status` (npm names are lowercase, URL-safe). */
export function packageName(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^[-._]+|[-.]+$/g, '').slice(0, 214);
  return name || 'status-site';
}

/** Writes the site's files into `dir` and returns their paths, relative to it. */
export function writeSite(options: InitOptions): string[] {
  const files = siteFiles({ ...options, name: packageName(basename(options.dir)) });
  for (const [path, content] of Object.entries(files)) {
    const target = join(options.dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content, { flag: 'wx' });
  }
  return Object.keys(files).sort();
}
