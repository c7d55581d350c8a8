/**
 * Builds a throwaway site with the project's own templates, for tests that
 * check what the build writes. A fixture is a temporary project root holding
 * its own `site.config.yaml` and `posts/`, with the project's templates copied
 * in and `src/`, `public/`, `.eleventy.ts`, `package.json` and `node_modules/`
 * linked, built by the real `buildSite()` into `<root>/_site`.
 *
 *   const fixture = await buildFixture({ from: 'tests/fixtures/outputs/site', now: '2008-11-02T02:00-08:00' });
 *   fixture.read('/feed.xml');
 *   fixture.write('posts/2008/10/x.md', '...'); await fixture.rebuild();
 *   fixture.remove();
 *
 * STATUS_NOW is set only while a build runs and restored after, so tests in
 * one file can build several fixtures one after another (not concurrently:
 * the build reads the environment).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { buildSite } from '../../src/build-site.ts';

/** The project root (this file is tests/helpers/build-fixture.ts). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

const LINKED = ['src', 'public', '.eleventy.ts', 'package.json', 'node_modules'];

export interface FixtureOptions {
  /** A folder holding site.config.yaml and posts/ to start from (copied), relative to the project root or absolute. */
  from?: string;
  /** Files to add or replace, path relative to the fixture root -> content. */
  files?: Record<string, string>;
  /** STATUS_NOW for the build (spec §2 time); default: none (the clock). */
  now?: string;
  /** Include drafts, as `npm start` does (default false). */
  drafts?: boolean;
  /** Build right away (default true). */
  build?: boolean;
}

export interface Fixture {
  root: string;
  /** The built site, `<root>/_site`. */
  output: string;
  now?: string;
  /** A built file by site path, e.g. '/feed.xml', as UTF-8 text. */
  read(sitePath: string): string;
  readBytes(sitePath: string): Buffer;
  exists(sitePath: string): boolean;
  /** Every built file's site path ('/feed.xml', '/api/v2/summary.json', ...), sorted. */
  files(): string[];
  /** Writes a source file (relative to the root), e.g. 'posts/2008/10/x.md'. */
  write(path: string, content: string): void;
  rebuild(): Promise<void>;
  remove(): void;
}

export async function buildFixture(options: FixtureOptions = {}): Promise<Fixture> {
  const root = mkdtempSync(join(tmpdir(), 'noticeboard-fixture-'));
  for (const name of LINKED) symlinkSync(join(PROJECT_ROOT, name), join(root, name));
  cpSync(join(PROJECT_ROOT, 'templates'), join(root, 'templates'), { recursive: true });
  if (options.from) {
    const from = resolve(PROJECT_ROOT, options.from);
    for (const name of ['site.config.yaml', 'posts']) {
      if (existsSync(join(from, name))) cpSync(join(from, name), join(root, name), { recursive: true });
    }
  }
  const output = join(root, '_site');
  const sitePath = (path: string) => join(output, ...path.split('/').filter(Boolean));
  const fixture: Fixture = {
    root,
    output,
    now: options.now,
    read: (path) => readFileSync(sitePath(path), 'utf8'),
    readBytes: (path) => readFileSync(sitePath(path)),
    exists: (path) => existsSync(sitePath(path)),
    files: () =>
      readdirSync(output, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => `/${relative(output, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
        .sort(),
    write(path, content) {
      const target = join(root, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    },
    rebuild: () =>
      withEnv({ STATUS_NOW: options.now, NOTICEBOARD_DRAFTS: options.drafts ? '1' : undefined }, () => buildSite(root)),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  for (const [path, content] of Object.entries(options.files ?? {})) fixture.write(path, content);
  if (options.build ?? true) await fixture.rebuild();
  return fixture;
}

async function withEnv<T>(vars: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  set(vars);
  try {
    return await run();
  } finally {
    set(saved);
  }
}
