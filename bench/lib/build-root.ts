/**
 * A throwaway project root for a generated corpus: its own `site.config.yaml`
 * and `posts/`, sharing this project's templates, code and packages through
 * symbolic links, so it builds with exactly the pipeline `npm run build` uses.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeCorpus, type CorpusOptions, type CorpusSummary } from './corpus.ts';

/** This project (bench/lib/build-root.ts is two folders down). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

const SHARED = ['public', 'src', 'node_modules', '.eleventy.ts', 'package.json'];

export interface BuildRoot {
  root: string;
  corpus: CorpusSummary;
  remove(): void;
}

export function createBuildRoot(options: CorpusOptions & { dir?: string }): BuildRoot {
  const root = options.dir ? resolve(options.dir) : mkdtempSync(join(tmpdir(), 'noticeboard-bench-'));
  mkdirSync(root, { recursive: true });
  for (const name of SHARED) {
    if (!existsSync(join(root, name))) symlinkSync(join(PROJECT_ROOT, name), join(root, name));
  }
  const corpus = writeCorpus(root, options);
  return { root, corpus, remove: () => rmSync(root, { recursive: true, force: true }) };
}
