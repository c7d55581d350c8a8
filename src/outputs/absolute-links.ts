/**
 * Feeds are read away from the site, so every link in them must be absolute
 * (spec §5). Rendered Markdown may hold relative links (`/2008/09/`, `../`,
 * `#details`, images); this resolves each `href` and `src` inside a tag
 * against the page the HTML comes from, as a browser on that page would.
 *
 * Only attributes inside tags are touched, never text that merely looks like
 * one. The tag pattern honours quoted values, so raw HTML (when the site
 * allows it) with `>` inside a quoted attribute is read correctly too.
 */
import { escapeHtml } from '../pages/html.ts';

/** One start tag: name, then attributes with double-quoted, single-quoted or bare values. */
const TAG = /<[A-Za-z][^\s/>]*(?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
const LINK_ATTRIBUTE = /(\s)(href|src)(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references an attribute value may hold. */
function decodeAttribute(value: string): string {
  return value.replace(/&(?:#(\d+)|#[xX]([0-9A-Fa-f]+)|(amp|lt|gt|quot|apos));/g, (whole, dec, hex, name) => {
    if (name) return NAMED[name]!;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * `url` resolved against `base`; unchanged when it cannot be parsed. A
 * root-relative URL (`/2008/09/`) is the site's own, under the site's path when
 * `siteUrl` has one, as the pages show it (src/eleventy/path-prefix.ts).
 */
function absoluteUrl(url: string, base: string, siteUrl?: string): string {
  try {
    if (siteUrl && url.startsWith('/') && !url.startsWith('//')) return new URL(`${siteUrl}${url}`).href;
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** `html` with every `href` and `src` made absolute against `base` (an absolute URL); `siteUrl` (no trailing slash) roots `/x`. */
export function absolutizeLinks(html: string, base: string, siteUrl?: string): string {
  return html.replace(TAG, (tag) =>
    tag.replace(LINK_ATTRIBUTE, (_whole, space: string, name: string, equals: string, dq?: string, sq?: string, bare?: string) => {
      const raw = dq ?? sq ?? bare ?? '';
      return `${space}${name}${equals}"${escapeHtml(absoluteUrl(decodeAttribute(raw), base, siteUrl))}"`;
    }),
  );
}
