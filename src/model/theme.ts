/**
 * What the pages need from the site beyond its data: the URLs of its assets
 * (fingerprinted, from the engine's public/ and the site's own) and the parts
 * of the page the site overrides. The site object (src/site/site.ts) makes one
 * per site; the model carries it to the templates.
 */
export interface Theme {
  /** The URL a page links an asset by: '/style.css' -> '/style.0123456789.css'. */
  asset(url: string): string;
  /** Whether the site has this static file (its own public/ or the engine's). */
  has(url: string): boolean;
  /** The text of a file in the site's own public/ folder, if it has one at this URL. */
  ownText(url: string): string | undefined;
  /** The width and height in pixels of an image the site has at this URL (the logo), if they can be read from the file. */
  imageSize(url: string): { width: number; height: number } | undefined;
  /** The site's part overrides by name (header, footer, notice); see src/pages/parts/overrides.ts. */
  parts: Readonly<Partial<Record<string, (...args: never[]) => unknown>>>;
  /** Calendar events already folded, kept from one build of the site to the next (outputs/calendar.ts). */
  calendarEvents: EventTextCache;
}

/** Output text by its input, for the build of `build` and the one before it. */
export interface EventTextCache {
  build?: object;
  current: Map<string, string>;
  previous: Map<string, string>;
}

export function createEventTextCache(): EventTextCache {
  return { current: new Map(), previous: new Map() };
}

/** For a model built outside a site (unit tests): assets by their plain names, no overrides. */
export function plainTheme(): Theme {
  return { asset: (url) => url, has: () => false, ownText: () => undefined, imageSize: () => undefined, parts: {}, calendarEvents: createEventTextCache() };
}
