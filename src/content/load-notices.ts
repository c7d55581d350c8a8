/**
 * Reads every notice under a site's posts folder and validates it against the
 * site config. Returns the valid notices and every problem found; it never
 * stops at the first. Files are parsed one after another: a worker pool was
 * measured to break even only at 10,000 notices (README, "Performance"), and
 * it needed a TypeScript loader inside each worker.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { SiteConfig } from './config.ts';
import { createMarkdown } from './markdown.ts';
import type { Notice } from './notice.ts';
import { parseNotice } from './parse-notice.ts';
import type { Problem } from './problems.ts';
import { scanPosts } from './scan-posts.ts';

// Split out of this module; still importable from here (the command line and the benchmark use them).
export { parseNotice } from './parse-notice.ts';
export { findNoticeFiles, scanPosts } from './scan-posts.ts';

export interface LoadedNotices {
  notices: Notice[];
  problems: Problem[];
  /** Notice files found. */
  files: number;
  /** Files parsed this time; the rest were unchanged since the last load with the same cache. */
  parsed: number;
  /** Files read this time; under a watcher, the others were taken from the cache by their stamp. */
  read: number;
}

/** One file's outcome, kept in a ParseCache between loads of a site (`npm start` rebuilds). */
export interface ParsedFile {
  /** SHA-1 of the file's text: an unchanged file is not parsed again. */
  hash: string;
  /** The file's inode, size, modification and change times, taken before it was read, when loaded under a watcher (see `LoadOptions.changed`). */
  stamp?: string;
  notice?: Notice;
  problems: Problem[];
}

/**
 * Parse results by absolute path, valid for one config and root. Under
 * `npm start` every rebuild loads the site afresh; only files whose text
 * changed are parsed again, so editing one notice costs one parse. One per
 * site (it lives on the site's own state), so two sites never share entries.
 */
export interface ParseCache {
  key: string;
  files: Map<string, ParsedFile>;
}

export function createParseCache(): ParseCache {
  return { key: '', files: new Map() };
}

export interface LoadOptions {
  /**
   * The files a watcher says changed since the last load with the same cache
   * (absolute paths): they are read again. Given, every other file whose
   * stamp (inode, size, modification and change times) is the one it had
   * when it was last read is taken from the cache without reading it: a
   * write changes the change time, an editor's save-by-rename the inode too.
   * Not given, every file is read and its text compared, and no stamps are
   * taken: a watcher passes a set from its first load on (an empty one then).
   */
  changed?: ReadonlySet<string>;
}

/**
 * Every notice below `postsDir`, problems named relative to `root`. With a
 * `cache` (kept between loads of one site), unchanged files are not parsed
 * again; without one, every file is parsed.
 */
export function loadNotices(postsDir: string, config: SiteConfig, root: string, cache: ParseCache = createParseCache(), { changed }: LoadOptions = {}): LoadedNotices {
  const { files: paths, problems: misnamed } = scanPosts(postsDir, root);
  const key = JSON.stringify([config, resolve(root)]);
  if (cache.key !== key) cache.files = new Map();
  cache.key = key;
  const cached = cache.files;

  const markdown = createMarkdown({ allowHtml: config.allow_html });
  const fresh = new Map<string, ParsedFile>();
  const notices: Notice[] = [];
  const problems: Problem[] = [...misnamed];
  let parsed = 0;
  let read = 0;
  for (const path of paths) {
    // Taken before reading: a write after it changes the stamp, so the next load reads the file again.
    // Only under a watcher: a clean build would pay a stat per file for nothing (0.26 s at 10,000).
    const stamp = changed ? stampOf(path) : undefined;
    let result = cached.get(path);
    if (!(changed && result && stamp !== undefined && result.stamp === stamp && !changed.has(path))) {
      const text = readFileSync(path, 'utf8');
      read++;
      const hash = hashText(text);
      // Reading and hashing is cheap next to parsing; a changed file is parsed again.
      if (!result || result.hash !== hash) {
        result = { hash, stamp, ...parseNotice(text, relative(root, path).split(sep).join('/'), config, markdown) };
        parsed++;
      } else if (result.stamp !== stamp) {
        result = { ...result, stamp };
      }
    }
    fresh.set(path, result);
    problems.push(...result.problems);
    if (result.notice) notices.push(result.notice);
  }
  cache.files = fresh;
  problems.push(...findUrlCollisions(notices));
  return { notices, problems, files: paths.length, parsed, read };
}

/**
 * How recent a change time may be for its stamp to be trusted: a file changed
 * this close to when it was stamped could be written again within the same tick
 * of the file system's clock (1-2 s on some file systems) at the same size,
 * leaving the stamp as it was.
 */
const RACY_MS = 2000;

/** The file's stamp, or undefined while it is too recent to tell a later write by (read it again then). */
function stampOf(path: string, now = Date.now()): string | undefined {
  const { ino, size, mtimeNs, ctimeNs } = statSync(path, { bigint: true });
  // The change time, which every write moves and which cannot be set back (utimes sets only the others).
  if (now - Number(ctimeNs / 1_000_000n) < RACY_MS) return undefined;
  return `${ino}:${size}:${mtimeNs}:${ctimeNs}`;
}

function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

function findUrlCollisions(notices: Notice[]): Problem[] {
  const byUrl = new Map<string, Notice>();
  const problems: Problem[] = [];
  for (const notice of notices) {
    const first = byUrl.get(notice.url);
    if (first) {
      problems.push({
        file: notice.file,
        line: 1,
        message: `this notice would have the same URL ${notice.url} as ${first.file}; rename one of the files`,
      });
    } else {
      byUrl.set(notice.url, notice);
    }
  }
  return problems;
}
