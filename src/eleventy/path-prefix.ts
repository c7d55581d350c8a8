/**
 * A site served under a path (`url: https://example.github.io/status`, a GitHub
 * Pages project site): the built files stay where they are (`_site/feed.xml`),
 * the host serves the folder at `/status/`, and every URL in every page must
 * carry that path.
 *
 * Templates keep writing plain root-relative links (`/history/`, `/feed.xml`,
 * `site.theme.asset('/style.css')`). Eleventy's path prefix, taken from the site's
 * `url`, and its HTML <base> plugin rewrite every URL attribute of every page
 * (`href`, `src`, `srcset`, ... of links, scripts, images, forms, in templates
 * and notice bodies alike) from `/x` to `/status/x` as the page is written, so
 * a new template needs nothing to work under a path. Absolute URLs (the
 * canonical link, links to other sites) and relative ones are left as they are.
 *
 * Rewriting parses each page, so it is only switched on when the url has a
 * path: the plugin's transform is disabled when the prefix is `/`, and then no
 * page is parsed at all.
 */
import { HtmlBasePlugin } from '@11ty/eleventy';
import type { EleventyConfig } from './eleventy-config.ts';

/** Adds the HTML <base> plugin, which does nothing unless Eleventy's `pathPrefix` is other than `/`. */
export function pathPrefixPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(HtmlBasePlugin);
}
