/**
 * YAML with its source positions kept, so every problem can name a line.
 *
 * The `yaml` package reads YAML 1.2 (core schema): unquoted times stay text,
 * which is what spec §2 needs, and duplicate keys are errors.
 */
import type { Document, LineCounter, Node, YAMLError } from 'yaml';
import { closingQuote, readYamlFast } from './fast-yaml.ts';
import type { Problem } from './problems.ts';
import { yamlLib } from './yaml-lib.ts';

export type KeyPath = readonly (string | number)[];

/**
 * A parsed YAML text whose lines are its file's: a config is the whole file,
 * and a notice's front matter starts right after its opening `---` (on line 1).
 */
export interface YamlSource {
  file: string;
  doc: Document;
  lineCounter: LineCounter;
}

/**
 * The data of a YAML text and a source for naming lines. When js-yaml's fast
 * path (fast-yaml.ts) is sure of the data, the `yaml` package parses the text
 * only if a problem needs a line; otherwise it reads it (parseYaml).
 */
export function readYaml(text: string, file: string): { source: YamlSource; data: unknown; problems: Problem[] } {
  const data = readYamlFast(text);
  if (data === undefined) return parseYaml(text, file);
  let full: YamlSource | undefined;
  const parsed = () => (full ??= parseYaml(text, file).source);
  const source: YamlSource = {
    file,
    get doc() {
      return parsed().doc;
    },
    get lineCounter() {
      return parsed().lineCounter;
    },
  };
  return { source, data, problems: [] };
}

/** The text read by the `yaml` package: its data, or its first problem with the line. */
export function parseYaml(text: string, file: string): { source: YamlSource; data: unknown; problems: Problem[] } {
  const { LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, version: '1.2', uniqueKeys: true });
  const source: YamlSource = { file, doc, lineCounter };
  // The first error only: the ones after it are mostly the parser losing its way.
  const problems: Problem[] = doc.errors.slice(0, 1).map((error) => ({ file, ...describeYamlError(doc, error, text, lineCounter.linePos(error.pos[0]).line) }));
  if (problems.length) return { source, data: undefined, problems };
  try {
    return { source, data: doc.toJS(), problems };
  } catch (error) {
    // toJS() throws when aliases would expand past the package's limit (a
    // "billion laughs" document): a problem with this file, not a crash.
    return { source, data: undefined, problems: [{ file, line: 1, message: `the front matter could not be read: ${(error as Error).message}` }] };
  }
}

/**
 * A YAML error in plain words with the usual fix, at the line that is wrong:
 * a duplicate key is named (spec §6); `title: DNS: resolvers down` is told to
 * quote the value, with the quoted line; a line indented too far is the line
 * named, not the one above it.
 */
function describeYamlError(doc: Document, error: YAMLError, text: string, line: number): { line: number; message: string } {
  const lines = text.split('\n');
  const at = (n: number) => lines[n - 1] ?? '';
  const indent = (n: number) => /^ */.exec(at(n))![0].length;
  const { isScalar, visit } = yamlLib();
  if (error.code === 'DUPLICATE_KEY') {
    let key: unknown;
    visit(doc, {
      Pair(_, pair) {
        if (isScalar(pair.key) && pair.key.range?.[0] === error.pos[0]) {
          key = pair.key.value;
          return visit.BREAK;
        }
        return undefined;
      },
    });
    if (key !== undefined) return { line, message: `duplicate key \`${String(key)}\`: each key may appear only once; keep one of them` };
  }
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') {
    const pair = /^(\s*(?:- +)?)([^\s:#][^:#]*?):\s+(.*?)\s*$/.exec(at(line));
    const value = pair?.[3] ?? '';
    if (pair && /:(\s|$)/.test(value) && !/^["'[{|>]/.test(value)) {
      const quoted = value.includes('"') ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
      return {
        line,
        message: `the value of \`${pair[2]}\` has ": " in it, which YAML reads as another key; put the value in quotes: ${pair[1]!.trim() ? pair[1]!.trim() + ' ' : ''}${pair[2]}: ${quoted}`,
      };
    }
    const next = lines.findIndex((text, index) => index >= line && text.trim() !== '' && !text.trim().startsWith('#')) + 1;
    if (pair && next > 0 && indent(next) > indent(line)) {
      return {
        line: next,
        message: `this line is indented more than line ${line} (${indent(next)} spaces, not ${indent(line)}): keys of the same mapping start in the same column`,
      };
    }
  }
  if (error.code === 'BAD_INDENT' && /same column/.test(error.message)) {
    return { line, message: `this line is indented ${indent(line)} space${indent(line) === 1 ? '' : 's'}, unlike the keys above it: keys of the same mapping start in the same column` };
  }
  if (error.code === 'MISSING_CHAR' && /closing ["']?quote/i.test(error.message)) {
    // `yaml` reports where it gave up (often the end of the front matter); the line to fix is where the quote opens.
    return { line: unclosedQuoteLine(lines, line) ?? line, message: 'a quoted value is not closed: end it with the same quote it starts with, on the same line' };
  }
  if (error.code === 'MISSING_CHAR' && /followed by map values/.test(error.message)) {
    return { line, message: `"${at(line).trim()}" is not a \`key: value\` line: a key needs a colon and a space after it (is the closing \`---\` missing above the body?)` };
  }
  return { line, message: `YAML syntax: ${error.message.split('\n')[0]} (often a missing space after ":", a value with ": " that needs quotes, or an unclosed quote)` };
}

/** The first line up to `last` whose value (or list item) opens a quote that the line does not close. */
function unclosedQuoteLine(lines: readonly string[], last: number): number | undefined {
  for (let n = 1; n <= Math.min(last, lines.length); n++) {
    const line = lines[n - 1]!;
    const opened = /^(\s*(?:-\s+)?(?:[^\s"'#-][^:#]*?:\s+)?)["']/.exec(line);
    if (opened && closingQuote(line, opened[1]!.length) === -1) return n;
  }
  return undefined;
}

/**
 * The line of the value (or key) at `path`; falls back to the nearest existing
 * ancestor, then to the document's first line, so a line is always given.
 */
export function lineOf(source: YamlSource, path: KeyPath, part: 'key' | 'value' = 'value'): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const offset = offsetOf(source.doc, path.slice(0, depth), depth === path.length ? part : 'value');
    if (offset !== undefined) return source.lineCounter.linePos(offset).line;
  }
  return 1;
}

function offsetOf(doc: Document, path: KeyPath, part: 'key' | 'value'): number | undefined {
  const { isMap, isPair, isScalar } = yamlLib();
  if (path.length === 0) return (doc.contents as Node | null)?.range?.[0];
  if (part === 'key') {
    const parent = doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === path.at(-1));
      const key = pair?.key;
      if (isScalar(key) && key.range) return key.range[0];
    }
  }
  const node = doc.getIn(path, true) as Node | undefined;
  return node?.range?.[0];
}

/** `window.start`, `updates[2].status` — how messages name a key. */
export function keyName(path: KeyPath): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}
