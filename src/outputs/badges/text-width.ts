/**
 * How wide a line of badge text is, without fonts: a table of advance widths
 * for 11px text in the badge's font stack (Verdana, DejaVu Sans, sans-serif),
 * by character class. Verdana and DejaVu Sans are both wide humanist faces, so
 * one table serves both; the badge also gives each text its computed width as
 * `textLength`, so a narrower fallback font is stretched to fit, never clipped.
 */

/** Pixels at 11px, per character, for the characters a badge usually shows. */
const WIDTHS: [chars: string, px: number][] = [
  [' ', 3.9],
  ['iIjl|!.,:;\'`', 3.1],
  ['ft()[]{}/\\-', 4.4],
  ['r', 4.7],
  ['sczJ"*', 5.8],
  ['abdeghknopquvxy?', 6.7],
  ['0123456789$#_+<>=~^', 7.0],
  ['ABCEFKLPRSTVXYZ&', 7.4],
  ['DGHNOQU', 8.3],
  ['mw%', 10.3],
  ['MW@', 10.9],
];

const TABLE = new Map<string, number>();
for (const [chars, px] of WIDTHS) for (const char of chars) TABLE.set(char, px);

/** Anything not in the table (accents, other scripts) counts as a wide letter. */
const OTHER = 7.6;

export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += TABLE.get(char) ?? OTHER;
  return Math.round(width * 10) / 10;
}
