/**
 * Appends an update to a notice file's front matter as a text edit, so every
 * other byte of the file (comments, key order, quoting, the body) stays as it was.
 * The front matter is found and read exactly as loading finds and reads it
 * (content/front-matter.ts, content/yaml-source.ts): what `update` edits is
 * what the build reads, and a YAML problem names the same line.
 */
import { splitFrontMatter } from '../content/front-matter.ts';
import { yamlLib } from '../content/yaml-lib.ts';
import { parseYaml } from '../content/yaml-source.ts';

export interface NewUpdate {
  /** Written as the front matter wants it (see formatLocalTime). */
  at: string;
  status: string;
  body: string;
}

export function appendUpdate(fileText: string, update: NewUpdate): string {
  const split = splitFrontMatter(fileText);
  if (!split) throw new Error('the file has no front matter between `---` lines');
  const { frontMatter, start } = split;
  // The split front matter stops before the line break of the closing `---`
  // line; the edit works on whole lines, so it gets that break and gives it back.
  const edited = appendToYaml(`${frontMatter}\n`, update).slice(0, -1);
  return fileText.slice(0, start) + edited + fileText.slice(start + frontMatter.length);
}

function itemLines(update: NewUpdate, indent: string): string {
  const text = yamlLib().stringify([{ at: update.at, status: update.status, body: update.body }], { lineWidth: 0 });
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => indent + line + '\n')
    .join('');
}

function appendToYaml(yamlText: string, update: NewUpdate): string {
  const { source, problems } = parseYaml(yamlText, 'notice');
  if (problems.length) throw new Error(`the front matter is not valid YAML: line ${problems[0]!.line}: ${problems[0]!.message}`);
  const { isMap, isPair, isScalar, isSeq } = yamlLib();
  const root = source.doc.contents;
  if (!isMap(root)) throw new Error('the front matter is not a mapping of keys');
  const pair = root.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === 'updates');
  const withNewline = yamlText === '' || yamlText.endsWith('\n') ? yamlText : `${yamlText}\n`;
  if (!pair) return `${withNewline}updates:\n${itemLines(update, '  ')}`;

  const value = pair.value;
  if (isSeq(value) && !value.flow && value.items.length > 0 && value.range) {
    // After the line holding the end of the list's last item.
    const newline = yamlText.indexOf('\n', value.range[1] - 1);
    const insertAt = newline === -1 ? yamlText.length : newline + 1;
    const firstItemStart = (value.items[0] as { range?: [number, number, number] }).range?.[0] ?? value.range[0];
    const lineStart = yamlText.lastIndexOf('\n', firstItemStart - 1) + 1;
    const dash = yamlText.indexOf('-', lineStart);
    const indent = yamlText.slice(lineStart, dash);
    const before = yamlText.slice(0, insertAt);
    return (before.endsWith('\n') ? before : `${before}\n`) + itemLines(update, indent) + yamlText.slice(insertAt);
  }
  if (value === null || (isSeq(value) && value.items.length === 0) || (isScalar(value) && value.value === null)) {
    // `updates:` or `updates: []`: replace the empty value with a block list.
    const keyRange = (pair.key as { range?: [number, number, number] }).range!;
    const lineEnd = yamlText.indexOf('\n', keyRange[1]);
    const end = lineEnd === -1 ? yamlText.length : lineEnd + 1;
    const keyLineStart = yamlText.lastIndexOf('\n', keyRange[0] - 1) + 1;
    const keyIndent = yamlText.slice(keyLineStart, keyRange[0]);
    return `${yamlText.slice(0, keyLineStart)}${keyIndent}updates:\n${itemLines(update, `${keyIndent}  `)}${yamlText.slice(end)}`;
  }
  throw new Error('`updates` is written as a one-line list; write it as a block list (one `- at: …` item per line) to append to it');
}
