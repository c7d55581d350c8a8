/**
 * Throwaway sites for tests that build: a temporary project root holding its
 * own `site.config.yaml` and `posts/`, with the project's templates copied in
 * (so a test can add or break a page) and `src/`, `public/`, `.eleventy.ts`,
 * `package.json` ("type": "module", which the .ts templates need to load as
 * ESM) and `node_modules/` linked, built by the real `buildSite()` into
 * `<root>/_site`. (src/bench/build-root.ts lays out a root the same way for the
 * benchmark, but links the templates: it never adds any.)
 *
 *   const sample = await buildFixture({ from: PROJECT_ROOT, now: SAMPLE_NOW });
 *   const site = await buildFixture({ files: { 'site.config.yaml': CONFIG, 'posts/2008/09/x.md': '...' }, now: '2008-10-02 12:00' });
 *   site.read('/feed.xml');
 *   site.write('posts/2008/10/y.md', '...'); await site.rebuild();
 *   const before = site.snapshot();
 *   site.remove();
 *
 * STATUS_NOW is set only while a build runs and
 * restored after, so a test file can build several fixtures one after another
 * (not concurrently: the build reads the environment).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { buildSite } from '../../src/site/build-site.ts';
import { withEnv } from './env.ts';

/** The project root (this file is tests/helpers/build-fixture.ts); `from` it for the sample site. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** The README's build time for the sample site: the San Jose POP retrofit is in progress. */
export const SAMPLE_NOW = '2008-10-02T00:30-07:00';

/** Linked for the tests that run a command inside the fixture (`node --import tsx src/cli/...`); the build needs none of them. */
const LINKED = ['src', 'scripts', 'bench', 'package.json', 'node_modules'];

export interface FixtureOptions {
  /** A folder holding site.config.yaml and posts/ to start from (copied), relative to the project root or absolute. */
  from?: string;
  /** Files to add or replace, path relative to the fixture root -> content (`site.config.yaml`, `posts/...`, `templates/...`). */
  files?: Record<string, string>;
  /** STATUS_NOW for every build of the fixture (spec §2 time); default: none (the clock). */
  now?: string;
  /** Include drafts, as `npm start` does (default false). */
  drafts?: boolean;
  /** The most notices in one part of the search index (default the build's, 2,000). */
  searchPartSize?: number;
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
  write(path: string, content: string | Uint8Array): void;
  /** Builds (again) into `_site`, at `now` if given (else the fixture's); rejects as `buildSite()` does. */
  rebuild(now?: string): Promise<void>;
  /** `snapshot(output)`: every built file's SHA-256. */
  snapshot(): Record<string, string>;
  remove(): void;
}

/** Creates the fixture and, unless `build: false`, builds it; a failed first build removes it again and rejects. */
export async function buildFixture(options: FixtureOptions = {}): Promise<Fixture> {
  const fixture = createFixture(options);
  if (options.build ?? true) {
    try {
      await fixture.rebuild();
    } catch (error) {
      fixture.remove();
      throw error;
    }
  }
  return fixture;
}

/** The fixture's root, laid out and filled, not built (`build` is ignored). */
export function createFixture(options: FixtureOptions = {}): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'noticeboard-fixture-'));
  try {
    for (const name of LINKED) symlinkSync(join(PROJECT_ROOT, name), join(root, name));
    if (options.from) {
      const from = resolve(PROJECT_ROOT, options.from);
      for (const name of ['site.config.yaml', 'posts']) {
        if (existsSync(join(from, name))) cpSync(join(from, name), join(root, name), { recursive: true });
      }
    }
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
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
    rebuild: async (now = options.now) => {
      await withEnv({ STATUS_NOW: now }, () =>
        buildSite({ root, includeDrafts: options.drafts, searchPartSize: options.searchPartSize }),
      );
    },
    snapshot: () => snapshot(output),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  for (const [path, content] of Object.entries(options.files ?? {})) fixture.write(path, content);
  return fixture;
}

/** Every file under `dir` with the SHA-256 of its bytes, by relative path ('/'-separated). */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path).split(sep).join('/')] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}
