/**
 * The colour maths of the accent check: WCAG 2 contrast ratios, and the nearest
 * variant of a colour that reaches a ratio, by colord's a11y plugin (a small,
 * dependency-free library) rather than by hand.
 */
import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';

extend([a11yPlugin]);

/** WCAG 2.x AA for normal-size text, which every link is. */
export const LINK_TEXT_RATIO = 4.5;

/** The lowest contrast of `colour` against any of `backgrounds`, e.g. 3.2 (1 to 21). */
export function lowestContrast(colour: string, backgrounds: readonly string[]): number {
  return Math.min(...backgrounds.map((background) => colord(colour).contrast(background)));
}

/** Whether `colour` reads as link text on every one of `backgrounds` (WCAG AA, unrounded). */
export function readableOnAll(colour: string, backgrounds: readonly string[]): boolean {
  return backgrounds.every((background) => colord(colour).isReadable(background, { level: 'AA', size: 'normal' }));
}

/**
 * The closest colour of the same hue that is readable on every background,
 * made darker (light scheme) or lighter (dark scheme) one percent of lightness
 * at a time; `#rrggbb`. Black or white at the end always pass on these
 * backgrounds, so there is always an answer.
 */
export function readableVariant(colour: string, backgrounds: readonly string[], direction: 'darker' | 'lighter'): string {
  let candidate = colord(colour);
  for (let step = 0; step < 100 && !readableOnAll(candidate.toHex(), backgrounds); step++) {
    candidate = direction === 'darker' ? candidate.darken(0.01) : candidate.lighten(0.01);
  }
  return candidate.toHex();
}

/** `#ABC` or `#aabbcc` -> `#aabbcc`. */
export function normalHex(colour: string): string {
  return colord(colour).toHex();
}
