/**
 * The URLs and links an operator writes in site.config.yaml for branding:
 * images of the site's own `public/` folder (logo, favicon), and navigation and
 * footer links. Every URL is checked here, so no `javascript:` or other scheme
 * ever reaches a page; the pages still escape what they show.
 */
import * as z from '../content/zod.ts';

/** Image files a logo may be, by extension; a favicon may also be an `.ico`. */
export const LOGO_EXTENSIONS = ['svg', 'png', 'webp', 'jpg', 'jpeg'] as const;
export const FAVICON_EXTENSIONS = [...LOGO_EXTENSIONS, 'ico'] as const;

/** `/x`, not `//host/x` (another site) nor `/\host` (the same, to a browser); no spaces or control characters. */
function isSiteRelative(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !/[\\\s\p{Cc}]/u.test(url);
}

function isAbsoluteWebUrl(url: string): boolean {
  if (/[\s\p{Cc}]/u.test(url)) return false;
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** A site-relative URL of an image in the site's `public/` folder, e.g. `/logo.svg`. */
export function siteImageField(extensions: readonly string[], example: string): z.ZodType<string> {
  const listed = extensions.map((ext) => `.${ext}`).join(', ');
  return z.string().refine(
    (url) => isSiteRelative(url) && extensions.includes(url.split(/[?#]/)[0]!.split('.').pop()!.toLowerCase()),
    { error: (issue) => `${JSON.stringify(issue.input)} is not a site-relative URL of an image: write the path of a file in your public/ folder, starting with / and ending in ${listed}, e.g. ${example}` },
  );
}

/** One line of plain text for a link's words. */
const label = z
  .string({ error: 'write the words of the link as text' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(80, { error: 'must be at most 80 characters' })
  .refine((text) => !/[\r\n]/.test(text), { error: 'must be one line' });

const linkUrl = z.string({ error: 'write the link as text, e.g. /about/ or https://www.example.net' }).refine(
  (url) => isSiteRelative(url) || isAbsoluteWebUrl(url),
  { error: (issue) => `${JSON.stringify(issue.input)} is not a link: write a site-relative URL starting with / (e.g. /about/) or an absolute http(s) URL (e.g. https://www.example.net/support)` },
);

export const linkFields = { label, url: linkUrl };
export const REQUIRED_LINK_KEYS = ['label', 'url'] as const satisfies readonly (keyof typeof linkFields)[];

export interface Link {
  label: string;
  /** Site-relative (`/about/`) or absolute http(s). */
  url: string;
}
