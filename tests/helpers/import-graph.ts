/**
 * The import graph of a source folder, read with TypeScript's own
 * pre-processor (`ts.preProcessFile`), so every kind of import counts:
 * `import`, `import type`, `export … from`, `import()` and `require()`.
 * tests/architecture.test.ts checks the engine's layout rules with it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface SourceModule {
  /** Path relative to the folder scanned, with `/`. */
  file: string;
  text: string;
  /** Every module specifier, as written. */
  specifiers: string[];
  /** The relative specifiers resolved to files of the scanned folder (paths as `file`). */
  imports: string[];
}

const SOURCE = /\.(?:ts|js|mjs|cjs)$/;

/** Every module below `dir` with its imports. */
export function readImportGraph(dir: string): Map<string, SourceModule> {
  const root = resolve(dir);
  const paths = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const name = (path: string) => relative(root, path).split(sep).join('/');
  const modules = new Map<string, SourceModule>();
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((ref) => ref.fileName);
    const imports = specifiers
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolveRelative(dirname(path), specifier))
      .filter((target): target is string => target !== undefined && target.startsWith(root + sep))
      .map(name);
    modules.set(name(path), { file: name(path), text, specifiers, imports: [...new Set(imports)] });
  }
  return modules;
}

/** A relative specifier as Node (with the project's `.ts` extensions) or TypeScript finds it. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const target = resolve(from, specifier);
  const candidates = [target, target.replace(/\.js$/, '.ts'), `${target}.ts`, join(target, 'index.ts')];
  return candidates.find((candidate) => existsSync(candidate) && SOURCE.test(candidate));
}

/**
 * Every import cycle, each as the list of its modules with the first repeated
 * at the end (`a.ts -> b.ts -> a.ts`): one cycle per strongly connected group
 * (Tarjan's algorithm), so a tangle of many modules is reported once.
 */
export function findImportCycles(modules: Map<string, SourceModule>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;

  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const next of modules.get(file)?.imports ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== file);
      const selfImport = modules.get(file)?.imports.includes(file);
      if (group.length > 1 || selfImport) groups.push(group);
    }
  };
  for (const file of modules.keys()) if (!index.has(file)) visit(file);
  return groups.map((group) => cycleThrough(new Set(group), group.sort()[0]!, modules));
}

/** One concrete cycle from `start` back to itself inside `group` (breadth first: the shortest). */
function cycleThrough(group: Set<string>, start: string, modules: Map<string, SourceModule>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const file = queue.shift()!;
    for (const next of modules.get(file)?.imports ?? []) {
      if (!group.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = file; at !== start; at = previous.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(next) && next !== start) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
