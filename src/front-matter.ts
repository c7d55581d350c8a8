/**
 * A fast path for reading notice front matter. The `yaml` package, which keeps
 * every node's source position so problems can name a line, costs most of the
 * time spent loading a notice; gray-matter adds more. Almost every notice is
 * written in a small, plain subset of YAML, which this module reads in a
 * fraction of that time.
 *
 * The contract: for any input, `readSimpleYaml` either returns exactly what
 * `parseDocument(text, { version: '1.2', uniqueKeys: true }).toJS()` returns
 * for a document without errors, or `undefined`, meaning "not sure": the
 * caller then uses the `yaml` package as before. Anything outside the subset
 * (anchors, tags, numbers, multi-line plain or quoted scalars, nested flow
 * collections, indented comments, tabs, ...) is "not sure"; so is anything the
 * `yaml` package would reject. Problems, and their lines, always come from the
 * `yaml` package.
 *
 * The subset: block mappings with plain keys; block sequences of scalars or of
 * mappings (`- at: ...`); one-line plain, single- and double-quoted scalars;
 * one-line flow sequences and mappings of plain scalars (`[dsl, imap]`,
 * `{start: 2008-09-30 00:01, duration: 5m}`); literal and folded block scalars
 * (`|`, `|-`, `>`, `>-`); comments on their own line at the left margin or
 * after a value.
 */

/** Front matter and body, split as gray-matter splits them; undefined for anything unusual. */
export function splitFrontMatter(text: string): { frontMatter: string; content: string } | undefined {
  // gray-matter: the file starts with `---` and a line break, and the front
  // matter runs to the first "\n---" (which may be followed by anything).
  if (!text.startsWith('---\n')) return undefined;
  const rest = text.slice(3);
  const close = rest.indexOf('\n---');
  if (close === -1) return undefined;
  const frontMatter = rest.slice(0, close);
  // gray-matter does not call the YAML engine for a block of only comments.
  if (frontMatter.replace(/^\s*#[^\n]+/gm, '').trim() === '') return undefined;
  let content = rest.slice(close + 4);
  if (content[0] === '\r') content = content.slice(1);
  if (content[0] === '\n') content = content.slice(1);
  return { frontMatter, content };
}

const NOT_SURE = Symbol('not sure');
const notSure = (): never => {
  throw NOT_SURE;
};

// Characters the fast path leaves to the `yaml` package: tabs, carriage returns,
// other control characters, a byte-order mark, Unicode line separators, and
// the Unicode spaces JavaScript's trim() removes but YAML does not.
// eslint-disable-next-line no-control-regex
const UNUSUAL_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?= |$)/;
// Keys that YAML reads as something other than their text.
const SPECIAL_KEY = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;
// YAML 1.2 core schema, as the `yaml` package resolves plain scalars.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const NUMBER = [
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
];
// A plain scalar may not start with an indicator.
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** The YAML text as a JS value, or undefined when the fast path is not sure. */
export function readSimpleYaml(text: string): Record<string, unknown> | undefined {
  if (UNUSUAL_CHARACTERS.test(text)) return undefined;
  const lines = text.split('\n');
  let pos = 0;

  const indentOf = (line: string) => line.length - line.trimStart().length;

  /** Moves past blank lines and comment lines at the left margin. */
  const skipBlank = () => {
    while (pos < lines.length) {
      const line = lines[pos]!;
      const trimmed = line.trim();
      if (trimmed === '') pos++;
      else if (trimmed.startsWith('#')) {
        if (line[0] !== '#') notSure();
        pos++;
      } else return;
    }
  };

  /** After a one-line value, nothing may continue it on a more indented line. */
  const expectEndOfValue = (indent: number) => {
    skipBlank();
    if (pos < lines.length && indentOf(lines[pos]!) > indent) notSure();
  };

  const plain = (value: string): unknown => {
    if (NULL.test(value)) return null;
    if (BOOL.test(value)) return value[0] === 't' || value[0] === 'T';
    if (NUMBER.some((pattern) => pattern.test(value))) notSure();
    return value;
  };

  /** A scalar or flow collection written on one line after `key: ` or `- `. */
  const inline = (text: string): unknown => {
    const first = text[0];
    if (first === '"' || first === "'") {
      let end = -1;
      if (first === '"') {
        for (let i = 1; i < text.length; i++) {
          if (text[i] === '\\') i++;
          else if (text[i] === '"') {
            end = i;
            break;
          }
        }
      } else {
        for (let i = 1; i < text.length; i++) {
          if (text[i] === "'") {
            if (text[i + 1] === "'") i++;
            else {
              end = i;
              break;
            }
          }
        }
      }
      if (end === -1) notSure();
      const after = text.slice(end + 1);
      if (after.trim() !== '' && !/^\s+#/.test(after)) notSure();
      const quoted = text.slice(0, end + 1);
      if (first === "'") return quoted.slice(1, -1).replace(/''/g, "'");
      // JSON's escapes mean the same in YAML; YAML's others are left to the `yaml` package.
      try {
        return JSON.parse(quoted) as string;
      } catch {
        return notSure();
      }
    }
    if (first === '[' || first === '{') {
      if (text.includes('#') || !text.endsWith(first === '[' ? ']' : '}')) notSure();
      const inner = text.slice(1, -1).trim();
      if (inner === '') return first === '[' ? [] : {};
      const items = inner.split(',').map((item) => item.trim());
      const flowPlain = (item: string) => {
        if (item === '' || INDICATOR_START.test(item) || /[[\]{}"']|: |:$/.test(item)) notSure();
        return plain(item);
      };
      if (first === '[') return items.map(flowPlain);
      const map: Record<string, unknown> = {};
      for (const item of items) {
        const match = KEY.exec(item);
        if (!match || SPECIAL_KEY.test(match[1]!) || match[1]! in map) return notSure();
        map[match[1]!] = flowPlain(item.slice(match[0].length).trim());
      }
      return map;
    }
    if (INDICATOR_START.test(text)) notSure();
    const comment = text.search(/\s#/);
    const value = (comment === -1 ? text : text.slice(0, comment)).trim();
    if (/: |:$/.test(value)) notSure();
    return plain(value);
  };

  /** `|`, `|-`, `>` or `>-` after `key: `, its lines more indented than `indent`. */
  const blockScalar = (header: string, indent: number): string => {
    if (!/^[|>]-?$/.test(header)) notSure();
    const folded = header[0] === '>';
    const strip = header.endsWith('-');
    pos++;
    const body: string[] = [];
    let blockIndent = -1;
    while (pos < lines.length) {
      const line = lines[pos]!;
      if (line.trim() === '') {
        if (blockIndent === -1 || line.length > blockIndent) notSure();
        body.push('');
        pos++;
        continue;
      }
      const lineIndent = indentOf(line);
      if (lineIndent <= indent) break;
      if (blockIndent === -1) blockIndent = lineIndent;
      if (lineIndent < blockIndent) notSure();
      if (folded && (lineIndent > blockIndent || line !== line.trimEnd())) notSure();
      body.push(line.slice(blockIndent));
      pos++;
    }
    while (body.at(-1) === '') body.pop();
    if (!body.length) notSure();
    let value: string;
    if (folded) {
      value = body[0]!;
      let breaks = 0;
      for (const line of body.slice(1)) {
        if (line === '') breaks++;
        else {
          value += breaks ? '\n'.repeat(breaks) + line : ` ${line}`;
          breaks = 0;
        }
      }
    } else value = body.join('\n');
    return strip ? value : `${value}\n`;
  };

  const mapping = (indent: number, firstLine?: string): Record<string, unknown> => {
    const map: Record<string, unknown> = {};
    let text = firstLine;
    for (;;) {
      if (text === undefined) {
        skipBlank();
        if (pos >= lines.length) break;
        const line = lines[pos]!;
        const lineIndent = indentOf(line);
        if (lineIndent < indent) break;
        if (lineIndent > indent) notSure();
        text = line.slice(lineIndent);
        if (text === '-' || text.startsWith('- ')) break;
      }
      const match = KEY.exec(text);
      if (!match) return notSure();
      const key = match[1]!;
      if (SPECIAL_KEY.test(key) || key in map) notSure();
      let rest = text.slice(match[0].length).trim();
      if (rest.startsWith('#')) rest = '';
      if (rest === '') {
        pos++;
        skipBlank();
        const next = lines[pos];
        const nextIndent = next === undefined ? -1 : indentOf(next);
        const nextText = next?.slice(nextIndent);
        const isItem = nextText === '-' || nextText?.startsWith('- ');
        if (next !== undefined && nextIndent > indent) map[key] = block(nextIndent);
        else if (next !== undefined && nextIndent === indent && isItem) map[key] = sequence(indent);
        else map[key] = null;
      } else if (rest[0] === '|' || rest[0] === '>') {
        map[key] = blockScalar(rest, indent);
      } else {
        pos++;
        map[key] = inline(rest);
        expectEndOfValue(indent);
      }
      text = undefined;
    }
    return map;
  };

  const sequence = (indent: number): unknown[] => {
    const list: unknown[] = [];
    for (;;) {
      skipBlank();
      if (pos >= lines.length) break;
      const line = lines[pos]!;
      const lineIndent = indentOf(line);
      if (lineIndent < indent) break;
      if (lineIndent > indent) notSure();
      const text = line.slice(lineIndent);
      if (!text.startsWith('- ')) {
        if (text === '-') notSure();
        break;
      }
      const after = text.slice(1);
      const content = after.trimStart();
      const contentIndent = lineIndent + 1 + (after.length - content.length);
      if (content === '' || content.startsWith('#') || content === '-' || content.startsWith('- ')) notSure();
      if (KEY.test(content)) list.push(mapping(contentIndent, content));
      else if (content[0] === '|' || content[0] === '>') notSure();
      else {
        pos++;
        list.push(inline(content));
        expectEndOfValue(indent);
      }
    }
    return list;
  };

  const block = (indent: number): unknown => {
    const text = lines[pos]!.slice(indent);
    return text === '-' || text.startsWith('- ') ? sequence(indent) : mapping(indent);
  };

  try {
    skipBlank();
    if (pos >= lines.length || indentOf(lines[pos]!) !== 0) return undefined;
    const value = block(0);
    skipBlank();
    if (pos < lines.length || typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    return value as Record<string, unknown>;
  } catch (error) {
    if (error === NOT_SURE) return undefined;
    throw error;
  }
}
