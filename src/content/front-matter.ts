/**
 * The one way a notice file's front matter is split from its body and read.
 * Loading (parse-notice.ts) and `update` (authoring/append-update.ts) both
 * come through here, so a file `update` edits is split exactly as the build
 * will split it, and its YAML is read by the same reader with the same lines.
 *
 * Splitting is gray-matter's; the common shape (`---` on the first line) is
 * split here without it, the same way, since loading gray-matter for every
 * file costs more than reading most of them. Reading is js-yaml's fast path
 * (fast-yaml.ts) when it is sure, else the `yaml` package (yaml-source.ts),
 * which reports each problem with its line.
 */
import { createRequire } from 'node:module';
import { readYaml } from './yaml-source.ts';

export interface FrontMatterSplit {
  /**
   * The YAML between the `---` lines, from the line break after the opening
   * `---` (so YAML line N is file line N) to before the closing line's break.
   */
  frontMatter: string;
  /** Where `frontMatter` starts in the file's text. */
  start: number;
  /** The body: what follows the closing `---` line. */
  content: string;
}

/** Front matter and body, split as gray-matter splits them; undefined when the file has none. */
export function splitFrontMatter(text: string): FrontMatterSplit | undefined {
  return splitCommonShape(text) ?? splitWithGrayMatter(text);
}

/**
 * The common shape, split as gray-matter would: the file starts with `---`
 * and a line break, and the front matter runs to the first "\n---" (which may
 * be followed by anything). Undefined for anything unusual.
 */
export function splitCommonShape(text: string): FrontMatterSplit | undefined {
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
  return { frontMatter, start: 3, content };
}

/** gray-matter, loaded only for a file the common shape leaves to it. */
let matter: typeof import('gray-matter') | undefined;
const grayMatter = () => (matter ??= createRequire(import.meta.url)('gray-matter') as typeof import('gray-matter'));

function splitWithGrayMatter(text: string): FrontMatterSplit | undefined {
  let frontMatter: string | undefined;
  const parsed = grayMatter()(text, {
    engines: {
      yaml: (yamlText: string) => {
        frontMatter = yamlText;
        return {};
      },
    },
  });
  if (frontMatter === undefined) return undefined;
  // gray-matter strips a byte-order mark and a language name after the
  // opening `---` (`--- yaml`); the block itself is copied unchanged.
  const opened = text.startsWith('\ufeff') ? 4 : 3;
  const start = text.startsWith(frontMatter, opened) ? opened : text.indexOf(frontMatter, opened);
  return { frontMatter, start, content: parsed.content };
}

/**
 * The line of the last key when the file opens front matter with `---` but no
 * line `---` closes it; undefined otherwise. The keys are taken to end at the
 * first blank line.
 */
export function unclosedFrontMatter(text: string): number | undefined {
  if (!/^---[^\S\r\n]*\r?\n/.test(text)) return undefined;
  // Closed by a later line of only `---` (lines end at \n or \r\n): the usual case, found without splitting the text.
  if (/\n---[^\S\r\n]*(?:\r?\n|$)/.test(text)) return undefined;
  const lines = text.split(/\r?\n/);
  const blank = lines.findIndex((line, index) => index > 0 && line.trim() === '');
  return blank === -1 ? lines.length : Math.max(1, blank);
}

/** The front matter's data and a source for naming lines (yaml-source.ts's readYaml). */
export const readFrontMatter = readYaml;
