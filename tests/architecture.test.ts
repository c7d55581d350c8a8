/**
 * The engine's layout rules (issue 13, HELPERS.md "How the project wants
 * code"), checked on the source itself so a change that breaks one fails
 * here with the file that breaks it:
 * - no import cycles in src/ (type-only imports count: a cycle of types is
 *   still two modules that cannot be read or moved apart);
 * - no module in src/ over 300 lines;
 * - only the command line (src/cli/) reads the working directory; everything
 *   else is given its root;
 * - the engine imports nothing of the repository's own tooling (bench/,
 *   tests/, scripts/), which is not in the published package;
 * - the engine never loads tsx: the package runs as compiled JavaScript;
 * - only src/content/yaml-lib.ts loads the `yaml` package (the others import
 *   its types), so a valid build, which js-yaml reads, never loads it.
 */
import assert from 'node:assert/strict';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { findImportCycles, readImportGraph, type SourceModule } from './helpers/import-graph.ts';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const MAX_LINES = 300;

const modules = readImportGraph(SRC);
const all = [...modules.values()];

function lineCount(text: string): number {
  const lines = text.split('\n').length;
  return text.endsWith('\n') ? lines - 1 : lines;
}

/** Every node of a module's syntax tree (comments are not nodes, so a comment naming `process.cwd()` does not count). */
function* nodesOf(module: SourceModule): Generator<ts.Node> {
  const source = ts.createSourceFile(module.file, module.text, ts.ScriptTarget.Latest, true);
  const stack: ts.Node[] = [source];
  while (stack.length) {
    const node = stack.pop()!;
    yield node;
    stack.push(...node.getChildren(source));
  }
}

const isCwdCall = (node: ts.Node) =>
  ts.isCallExpression(node) &&
  ts.isPropertyAccessExpression(node.expression) &&
  ts.isIdentifier(node.expression.expression) &&
  node.expression.expression.text === 'process' &&
  node.expression.name.text === 'cwd';

/** `tsx`, `tsx/esm/api`, `--import tsx`, `--import=tsx`: any way of naming the loader to load it. */
const TSX = /^(?:--(?:import|loader|require)[= ]?)?tsx(?:\/|$)/;

describe('the engine’s layout (src/)', () => {
  it('finds the modules it checks', () => {
    assert.ok(modules.size > 50, `only ${modules.size} modules under src/`);
    assert.ok(modules.get('content/load-notices.ts')?.imports.includes('content/parse-notice.ts'), 'relative imports are resolved');
  });

  it('has no import cycles', () => {
    const cycles = findImportCycles(modules).map((cycle) => cycle.join(' -> '));
    assert.deepEqual(cycles, [], `import cycles in src/:\n${cycles.join('\n')}`);
  });

  it(`has no module over ${MAX_LINES} lines`, () => {
    const long = all.map((module) => `src/${module.file}: ${lineCount(module.text)} lines`).filter((_, i) => lineCount(all[i]!.text) > MAX_LINES);
    assert.deepEqual(long, [], `split these modules along a real seam (at most ${MAX_LINES} lines each):\n${long.join('\n')}`);
  });

  it('reads process.cwd() only in the command line (src/cli/)', () => {
    const readers = all
      .filter((module) => !module.file.startsWith('cli/'))
      .filter((module) => [...nodesOf(module)].some(isCwdCall))
      .map((module) => `src/${module.file}`);
    assert.deepEqual(readers, [], `these read the working directory behind the caller's back; take the root as an option:\n${readers.join('\n')}`);
  });

  it('imports nothing from bench/, tests/ or scripts/', () => {
    const outside = ['bench', 'tests', 'scripts'].map((folder) => join(ROOT, folder) + sep);
    const found = all.flatMap((module) =>
      module.specifiers
        .filter((specifier) => specifier.startsWith('.'))
        .filter((specifier) => {
          const target = resolve(dirname(join(SRC, module.file)), specifier);
          return outside.some((folder) => target.startsWith(folder));
        })
        .map((specifier) => `src/${module.file} imports ${specifier} (${relative(ROOT, resolve(dirname(join(SRC, module.file)), specifier))})`),
    );
    assert.deepEqual(found, [], found.join('\n'));
  });

  it('never loads tsx', () => {
    const found = all.flatMap((module) => {
      const named = [
        ...module.specifiers.filter((specifier) => TSX.test(specifier)),
        ...[...nodesOf(module)].filter((node) => ts.isStringLiteralLike(node) && TSX.test(node.text)).map((node) => (node as ts.StringLiteralLike).text),
      ];
      return [...new Set(named)].map((name) => `src/${module.file}: "${name}"`);
    });
    assert.deepEqual(found, [], `the published package has no TypeScript loader; these name tsx:\n${found.join('\n')}`);
  });

  it('loads the yaml package only through src/content/yaml-lib.ts', () => {
    const found = all.flatMap((module) =>
      [...nodesOf(module)]
        .filter((node): node is ts.ImportDeclaration => ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text === 'yaml')
        .filter((node) => !node.importClause?.isTypeOnly)
        .map(() => `src/${module.file}`),
    );
    assert.deepEqual(found, [], `import only types from 'yaml' (import type ...) and its values through yamlLib() (src/content/yaml-lib.ts):\n${found.join('\n')}`);
  });
});
