/**
 * Strings end to end, by concatenation. In V8 every string over 128 KB lives
 * in its own fresh mapping of the large-object space, whose pages are touched
 * for the first time as it is filled: on a sandboxed machine that is
 * milliseconds per string. Array.prototype.join makes a flat copy of what it
 * joins, and a page or feed built of nested joins is copied once per level;
 * `+` makes a rope instead, copied once, when the page is written.
 */
export function concat(pieces: readonly string[]): string {
  let out = '';
  for (const piece of pieces) out += piece;
  return out;
}
