/**
 * `/_headers`, the deploy headers of the site's outputs for Netlify and
 * Cloudflare Pages. Thin: the bytes come from src/outputs/headers.ts. A site's
 * own `public/_headers` is kept: its rules follow the generated ones.
 */
import type { SiteModel } from '../../model/model.ts';
import { HEADERS_FILE, renderHeadersFile } from '../../outputs/headers.ts';

export const data = { permalink: HEADERS_FILE, eleventyExcludeFromCollections: true };

export function render({ site }: { site: SiteModel }): string {
  const own = site.theme.ownText(HEADERS_FILE);
  return own === undefined ? renderHeadersFile() : `${renderHeadersFile()}\n# The site's own rules, from its public/_headers\n${own}`;
}
