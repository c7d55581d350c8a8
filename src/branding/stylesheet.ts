/**
 * The site's accent as a stylesheet of its own: `/brand.<hash>.css` sets
 * `--accent` for the light and the dark scheme, after public/style.css, which
 * uses it for links, focus rings and the header's rule. A file rather than an
 * inline `<style>`, because the pages' CSP allows styles from the site's own
 * files only (`style-src 'self'`); named by its content like the other
 * assets, so it can be cached as immutable.
 */
import { fingerprintedName } from '../site/assets.ts';
import { LINK_TEXT_RATIO, lowestContrast, readableOnAll, readableVariant } from './contrast.ts';

export type Scheme = 'light' | 'dark';

/**
 * What links sit on in each scheme of public/style.css: `--bg` and `--panel`
 * (tests/branding.test.ts checks these are still the stylesheet's values).
 */
export const SCHEME_BACKGROUNDS: Record<Scheme, readonly string[]> = {
  light: ['#ffffff', '#f6f8fa'],
  dark: ['#0d1117', '#161b22'],
};

export interface BrandStylesheet {
  /** Site-relative, e.g. `/brand.0123456789.css`. */
  url: string;
  css: string;
}

export function brandStylesheet(accent: { light: string; dark: string }): BrandStylesheet {
  const css = `/* The site's accent (branding.accent in site.config.yaml), after style.css. */
:root { --accent: ${accent.light}; }
@media (prefers-color-scheme: dark) {
  :root { --accent: ${accent.dark}; }
}
`;
  return { url: fingerprintedName('/brand.css', css), css };
}

/**
 * The dark scheme's accent when only `accent` is given: the same colour if it
 * reads on the dark background, else its nearest lighter variant that does
 * (a dark brand blue on near-black would fail), as docs/customising.md says.
 */
export function darkAccentFor(light: string): string {
  const backgrounds = SCHEME_BACKGROUNDS.dark;
  return readableOnAll(light, backgrounds) ? light : readableVariant(light, backgrounds, 'lighter');
}

/** Why `colour` cannot be the `scheme`'s link colour, with a variant that can; undefined when it can. */
export function accentProblem(key: 'accent' | 'accent_dark', colour: string, scheme: Scheme): string | undefined {
  const backgrounds = SCHEME_BACKGROUNDS[scheme];
  if (readableOnAll(colour, backgrounds)) return undefined;
  // Rounded down, so a colour just under the threshold never reads as passing (4.49, not 4.5); two decimals always.
  const ratio = (Math.floor(lowestContrast(colour, backgrounds) * 100 + 1e-9) / 100).toFixed(2);
  const direction = scheme === 'light' ? 'darker' : 'lighter';
  const variant = readableVariant(colour, backgrounds, direction);
  return (
    `\`branding.${key}\`: "${colour}" has a contrast of only ${ratio}:1 on the ${scheme} scheme's background (${backgrounds.join(' and ')}); ` +
    `link text needs at least ${LINK_TEXT_RATIO}:1 (WCAG AA). The nearest ${direction} colour that passes is "${variant}"`
  );
}
