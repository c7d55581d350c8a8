/**
 * `/_headers`, the deploy headers of the site's outputs for Netlify and
 * Cloudflare Pages. Thin: the bytes come from src/outputs/headers.ts.
 */
import { HEADERS_FILE, renderHeadersFile } from '../../outputs/headers.ts';

export const data = { permalink: HEADERS_FILE, eleventyExcludeFromCollections: true };

export function render(): string {
  return renderHeadersFile();
}
