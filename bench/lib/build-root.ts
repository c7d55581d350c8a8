/**
 * A throwaway site for a generated corpus: its own `site.config.yaml` and
 * `posts/`, nothing else, as a site that installs noticeboard holds (the
 * engine finds its own templates and files wherever it is installed).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeCorpus, type CorpusOptions, type CorpusSummary } from './corpus.ts';

/** This project (bench/lib/build-root.ts is two folders down). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export interface BuildRoot {
  root: string;
  corpus: CorpusSummary;
  remove(): void;
}

export function createBuildRoot(options: CorpusOptions & { dir?: string }): BuildRoot {
  const root = options.dir ? resolve(options.dir) : mkdtempSync(join(tmpdir(), 'noticeboard-bench-'));
  mkdirSync(root, { recursive: true });
  const corpus = writeCorpus(root, options);
  return { root, corpus, remove: () => rmSync(root, { recursive: true, force: true }) };
}
