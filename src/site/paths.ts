/**
 * Where a site's files are: everything an operator owns lives in one folder
 * (the site root), and every path the engine reads or writes is derived here
 * from that root, once, so no module looks at the working directory.
 *
 *   site.config.yaml   the configuration
 *   posts/             the notices
 *   public/            optional: static files that add to or replace the engine's
 *   pages/             optional: the site's own pages (Markdown), in the status layout
 *   parts/             optional: overrides of parts of the page (header.js, ...)
 *   _site/             the built site
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SitePaths {
  /** The site's folder. */
  root: string;
  config: string;
  posts: string;
  public: string;
  pages: string;
  parts: string;
  /** The built site. */
  output: string;
}

export const CONFIG_FILE = 'site.config.yaml';
export const POSTS_DIR = 'posts';
export const OUTPUT_DIR = '_site';

/** The folders of the site at `root`; `overrides` (absolute, or relative to the root) replace any of them. */
export function sitePaths(root: string, overrides: Partial<Omit<SitePaths, 'root'>> = {}): SitePaths {
  // A relative root would be resolved against the working directory, which the engine never reads.
  if (!isAbsolute(root)) throw new Error(`the site's folder must be an absolute path, e.g. \`\${import.meta.dirname}/status\`; got "${root}"`);
  const absolute = resolve(root);
  const at = (name: keyof Omit<SitePaths, 'root'>, fallback: string) => resolve(absolute, overrides[name] ?? fallback);
  return {
    root: absolute,
    config: at('config', CONFIG_FILE),
    posts: at('posts', POSTS_DIR),
    public: at('public', 'public'),
    pages: at('pages', 'pages'),
    parts: at('parts', 'parts'),
    output: at('output', OUTPUT_DIR),
  };
}

/**
 * The engine's own files, found from this module: `src/site/paths.ts` when run
 * from the sources and `dist/site/paths.js` in the published package are both
 * two folders below the package root.
 */
export const ENGINE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The engine's static files (style.css, time.js, ...); a site's own public/ adds to and overrides them. */
export const ENGINE_PUBLIC = resolve(ENGINE_ROOT, 'public');
