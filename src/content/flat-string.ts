/**
 * Strings kept for a whole build, made flat. V8 keeps a string built with `+=`
 * (markdown-it's output, the pages' `html` tag) as a rope: every piece joined
 * is a heap object of its own, with one more object per join. A rope kept for
 * the build (a notice's HTML, a list line made once per notice) costs the
 * garbage collector those objects at every collection and is copied piece by
 * piece at every use; flat, it is one object. In the benchmark's archive of
 * 30,000 notices the heap after the model went from 273 to 255 MiB (the
 * pieces that are slices of the Markdown source cost little, as the source is
 * kept anyway), and the pages' rendering CPU time at 100,000 notices from
 * about 41 s to 31 s, mostly in month and history pages (see
 * docs/performance.md for how).
 */

const ANYTHING = /[^]/;

/**
 * `text`, flattened: a regular-expression match flattens a rope in place (the
 * engine needs the text in one piece to match it), and the garbage collector
 * then drops the pieces and the joins. The text is unchanged; in an engine
 * without ropes this is one cheap test.
 */
export function flatString(text: string): string {
  ANYTHING.test(text);
  return text;
}
