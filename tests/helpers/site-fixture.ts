/**
 * Builds throwaway sites for tests: a temporary project root that shares this
 * project's templates, code and packages, with its own config and notices.
 */
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildSite } from '../../src/build-site.ts';

export const PROJECT = resolve(import.meta.dirname, '../..');

const SHARED = ['templates', 'public', 'src', 'node_modules', '.eleventy.ts'];

export interface FixtureSite {
  /** Contents of site.config.yaml; default: the sample site's. */
  config?: string;
  /** Notice files by path relative to the root, e.g. `posts/2008/09/x.md`. */
  files?: Record<string, string>;
  /** Copy the sample site's posts/ too. */
  samplePosts?: boolean;
}

export function createSite(site: FixtureSite = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'noticeboard-site-'));
  for (const name of SHARED) symlinkSync(join(PROJECT, name), join(root, name));
  if (site.config === undefined) cpSync(join(PROJECT, 'site.config.yaml'), join(root, 'site.config.yaml'));
  else writeFileSync(join(root, 'site.config.yaml'), site.config);
  if (site.samplePosts) cpSync(join(PROJECT, 'posts'), join(root, 'posts'), { recursive: true });
  for (const [path, text] of Object.entries(site.files ?? {})) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/**
 * Builds `root` into `root/_site` at the given "now" (STATUS_NOW, as a user would
 * set it), restoring the environment afterwards.
 */
export async function buildAt(root: string, statusNow: string): Promise<string> {
  const saved = process.env.STATUS_NOW;
  process.env.STATUS_NOW = statusNow;
  try {
    await buildSite(root);
  } finally {
    if (saved === undefined) delete process.env.STATUS_NOW;
    else process.env.STATUS_NOW = saved;
  }
  return join(root, '_site');
}
