/**
 * Loads a site's part overrides from its `parts/` folder: `header.js`,
 * `footer.js`, `notice.js` (or `.mjs`), each an ES module whose default
 * export is the part's function (src/pages/parts/overrides.ts says what it is
 * given). Every mistake is a problem naming the file: an unknown part name, a
 * module that fails to load, a default export that is not a function.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { nearest, type Problem } from '../content/problems.ts';
import type { Theme } from '../model/theme.ts';
import { PART_NAMES } from '../pages/parts/overrides.ts';

const EXTENSIONS = ['.js', '.mjs'];

export async function loadParts(dir: string, root: string): Promise<{ parts: Theme['parts']; problems: Problem[] }> {
  const parts: Record<string, Theme['parts'][string]> = {};
  const problems: Problem[] = [];
  if (!existsSync(dir)) return { parts, problems };
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const file = relative(root, path).split(sep).join('/');
    const ext = EXTENSIONS.find((candidate) => name.endsWith(candidate));
    if (name.startsWith('.') || statSync(path).isDirectory()) continue;
    const partName = ext ? name.slice(0, -ext.length) : name;
    if (!ext || !(PART_NAMES as readonly string[]).includes(partName)) {
      const guess = nearest(partName, [...PART_NAMES]);
      problems.push({ file, line: 1, message: `not a part: the parts a site can override are ${PART_NAMES.map((p) => `${p}.js`).join(', ')}${guess ? `; did you mean ${guess}.js?` : ''}` });
      continue;
    }
    let module: { default?: unknown };
    try {
      // The file's time in the URL: `noticeboard start` picks up an edited part on its next rebuild.
      module = (await import(`${pathToFileURL(path).href}?v=${statSync(path).mtimeMs}`)) as { default?: unknown };
    } catch (error) {
      problems.push({ file, line: lineOf(error), message: `the part does not load: ${firstLine(error)}` });
      continue;
    }
    if (typeof module.default !== 'function') {
      problems.push({ file, line: 1, message: `a part's default export is its function, e.g. \`export default ({ standard }, { html }) => html\`<div class="mine">\${standard}</div>\`\`; this file exports ${describe(module.default)}` });
      continue;
    }
    parts[partName] = module.default as Theme['parts'][string];
  }
  return { parts, problems };
}

/**
 * Files a site made from a fork of the 0.1.0 repository still has, which this
 * version does not read: saying so beats building a site that silently
 * ignores the operator's edits there.
 */
export function retiredFiles(root: string): Problem[] {
  const retired: [name: string, fix: string][] = [
    ['templates', 'since 0.2.0 the pages come from the noticeboard package and templates/ is not read: move your changes to parts/ (header.js, footer.js, notice.js), public/site.css or pages/ (docs/customising.md), then delete templates/'],
    ['.eleventy.ts', "since 0.2.0 noticeboard configures Eleventy itself and this file is not read: delete it (an existing Eleventy site adds noticeboard with addPlugin, see docs/customising.md)"],
  ];
  return retired.filter(([name]) => holdsFiles(join(root, name))).map(([name, fix]) => ({ file: name, line: 1, message: fix }));
}

/** A file, or a folder with at least one file somewhere in it (an empty folder git left behind is nothing). */
function holdsFiles(path: string): boolean {
  if (!existsSync(path)) return false;
  if (!statSync(path).isDirectory()) return true;
  return readdirSync(path, { recursive: true, withFileTypes: true }).some((entry) => entry.isFile());
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** The line of a syntax error, where Node says it (in the stack's first line `file:///...:LINE`). */
function lineOf(error: unknown): number {
  const match = error instanceof Error ? /:(\d+)\s*$/m.exec(error.stack?.split('\n')[0] ?? '') : null;
  return match ? Number(match[1]) : 1;
}

function describe(value: unknown): string {
  if (value === undefined) return 'no default';
  return `a ${typeof value}`;
}
