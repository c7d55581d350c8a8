/**
 * What a site's `url` says about serving it: the path it is served under,
 * and so who writes the engine's pages (see src/eleventy/engine-pages.ts).
 */

/** `https://example.github.io/status` -> `/status/`; `https://status.example.net` -> `/`. */
export function pathPrefixOf(siteUrl: string): string {
  const path = new URL(siteUrl).pathname.replace(/\/+$/, '');
  return `${path}/`;
}

/**
 * Who writes the engine's pages for a site at `siteUrl`: the engine, one at a
 * time, when the site is at its host's root; Eleventy, whose <base> plugin
 * then rewrites their URLs, when it is under a path.
 */
export function enginePagesFor(siteUrl: string): 'engine' | 'templates' {
  return pathPrefixOf(siteUrl) === '/' ? 'engine' : 'templates';
}
