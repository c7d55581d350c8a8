/**
 * A fast reader for notice front matter.
 *
 * The `yaml` package keeps every node's source position so that problems can
 * name a line; that makes it about ten times slower than js-yaml, and it was
 * most of the time spent loading a notice. So `readYamlFast` reads with
 * js-yaml and returns either exactly what
 * `parseDocument(text, { version: '1.2', uniqueKeys: true }).toJS()` returns
 * for a document without errors, or `undefined`, meaning "not sure": the
 * caller (front-matter.ts) then uses the `yaml` package, which also reports
 * every problem and its line.
 */
import { CORE_SCHEMA, load } from 'js-yaml';

/*
 * js-yaml and the `yaml` package agree on plain notices, but not on all YAML.
 * Each guard below marks input where the two were found to read differently,
 * or where js-yaml accepts what `yaml` rejects (tests/front-matter.test.ts
 * keeps the examples). There the fast path says "not sure"; a false alarm
 * only costs time.
 */
const UNSURE_TEXT = new RegExp(
  [
    // Tabs, carriage returns, byte-order marks, control characters, Unicode
    // line separators, lone surrogates: `yaml` rejects a line of only a tab,
    // js-yaml ends a line at a lone CR and keeps a BOM after the start.
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/.source,
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.source,
    // Tags, anchors, aliases and `?` keys: js-yaml knows fewer tags, `yaml`
    // limits alias expansion, and a `?` key may be a collection.
    /(?:^|[\s,[{:])[!&*]|(?:^|[\s,[{])\?(?:\s|$)/.source,
    // Directives (`%YAML 1.1` makes `yes` true in `yaml` only) and document markers.
    /^(?:%|---|\.\.\.)/.source,
    // A flow collection as a key: `[a, b]: x` has the key "a,b" in js-yaml,
    // "[ a, b ]" in `yaml`. A comment right after a closing quote or bracket
    // (`a: "b"#c`) is an error in `yaml` only.
    /[\]}] *:|["'\]}]#/.source,
    // A block scalar header with an indentation indicator (`|2`), or a line of
    // only spaces: js-yaml keeps some spaces that `yaml` drops (`a: |+⏎  x⏎ `).
    /(?:^|\s)[|>](?:[1-9][-+]?|[-+][1-9]) *(?:#.*)?$|^ +$/.source,
    // A quoted scalar continued on the next line: `yaml` rejects the next line
    // unless it is indented past the parent; js-yaml does not check.
    /(?:^|[\s,[{:])(?:"(?:[^"\\\n]|\\.)*\\?|'(?:[^'\n]|'')*)$/.source,
    // An empty sequence entry, or a comment line before a more indented line:
    // js-yaml accepts `w:⏎ -⏎- b` and `b:⏎#c⏎ e⏎t: 1`, `yaml` does not.
    /^ *-(?: +#.*| *)$|^(?<indent> *)#.*\n(?: *\n)*\k<indent> /.source,
    // Numbers only js-yaml reads as numbers (`yaml` reads them as text):
    // binary, a sign before `0x` or `0o`, and `_` among the digits (`1_000`, `0x_1`, `._5`).
    /(?:^|[\s,[{])(?:[-+]?0b|[-+]0[xo]|[-+]?(?:\.?[0-9][0-9a-zA-Z.]*|\.)_)/.source,
  ].join('|'),
  'm',
);

/**
 * A string that `yaml` reads as a number when unquoted (js-yaml reads `-.5`
 * as text), or a number js-yaml turned into a key.
 */
const NUMBER_LIKE =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|-?Infinity|NaN)$/;

/** The YAML text as a JS value, or undefined when the fast path is not sure. */
export function readYamlFast(text: string): Record<string, unknown> | undefined {
  if (UNSURE_TEXT.test(text) || hasUnsureFlowCollection(text)) return undefined;
  // `yaml` rejects an implicit key over 1,024 characters; js-yaml has no limit.
  if (text.length >= 1024 && text.split('\n').some((line) => line.length >= 1024)) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch {
    // An error is for the `yaml` package to report, with its line.
    return undefined;
  }
  // A notice's front matter is a mapping; anything else is left to the `yaml` package.
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  return readsTheSame(data) ? (data as Record<string, unknown>) : undefined;
}

/**
 * Whether a value js-yaml read holds nothing that `yaml` reads differently.
 * Numbers are read alike once UNSURE_TEXT has ruled out the forms only
 * js-yaml takes for numbers (`0b101`, `-0x1A`, `1_000`), except zero; a
 * site's config has numbers (`feed_items: 50`, `sla: 99.95`). Text that
 * `yaml` reads as a number (`-.5`) is not the same. A null key is "null" in
 * js-yaml, "" in `yaml`. A `__proto__` key is an own property in both only
 * thanks to each library's guard against prototype pollution.
 */
function readsTheSame(value: unknown): boolean {
  if (typeof value === 'string') return !NUMBER_LIKE.test(value);
  if (value === null || typeof value === 'boolean') return true;
  // Zero is left to `yaml`: js-yaml reads `-0` as 0, `yaml` as -0.
  if (typeof value === 'number') return value !== 0;
  if (Array.isArray(value)) return value.every(readsTheSame);
  if (typeof value !== 'object') return false;
  for (const [key, item] of Object.entries(value)) {
    if (key === 'null' || key === '__proto__' || NUMBER_LIKE.test(key) || !readsTheSame(item)) return false;
  }
  return true;
}

/**
 * Whether the text has a flow collection written over several lines (`yaml`
 * rejects a line not indented past the parent, js-yaml does not check), a
 * comment inside one, or a flow collection inside a flow mapping, where it may
 * be a key (`{[a, b]}`). Brackets inside quotes in a flow collection do not count.
 */
function hasUnsureFlowCollection(text: string): boolean {
  const open: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') {
      if (open.length) return true;
    } else if (char === '[' || char === '{') {
      if (open.at(-1) === '{') return true;
      open.push(char);
    } else if (char === ']' || char === '}') open.pop();
    else if (open.length && char === '#') return true;
    else if (open.length && (char === '"' || char === "'")) {
      i = closingQuote(text, i);
      if (i === -1) return true;
    }
  }
  return open.length > 0;
}

/** Where the quoted scalar opened at `open` closes, or -1 when it runs past its line (also yaml-source.ts's unclosed-quote line). */
export function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') return -1;
    // An escaped character is not a quote; an escaped line break continues the scalar.
    if (quote === '"' && char === '\\' && text[i + 1] !== '\n') i++;
    else if (char === quote) {
      if (quote === "'" && text[i + 1] === "'") i++; // '' is a quote inside single quotes
      else return i;
    }
  }
  return -1;
}
