/**
 * Reads every notice under a site's posts folder and validates it against the
 * site config. Returns the valid notices and every problem found; it never
 * stops at the first. Files are parsed one after another: a worker pool was
 * measured to break even only at 10,000 notices (README, "Performance"), and
 * it needed a TypeScript loader inside each worker.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import type { SiteConfig } from './config.ts';
import { createMarkdown } from './markdown.ts';
import type { Notice } from './notice.ts';
import { parseNotice } from './parse-notice.ts';
import type { Problem } from './problems.ts';
import { classifyPostFile, scanPosts, scanPostsAsync, type PostsScan } from './scan-posts.ts';

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
  /**
   * The posts folder as the last load under a watcher left it: the next such
   * load applies the watcher's paths to it instead of scanning the folder.
   */
  scan?: PostsScan;
}

export function createParseCache(): ParseCache {
  return { key: '', files: new Map() };
}

export interface LoadOptions {
  /**
   * The paths a watcher says changed, were added or were deleted since the
   * last load with the same cache (absolute paths): they are read again. A
   * watcher passes a set from its first load on (an empty one then).
   *
   * Given, and the cache holds the last load's scan of the posts folder, the
   * watcher's word is taken: only these paths are looked at, the folder is not
   * scanned, and every other file is taken from the cache without a look (at
   * 10,000 notices the scan and a stat per file were a third of a preview
   * rebuild). What the watcher could miss (a write before it was ready, say)
   * `findUnnoticedChanges` finds, off the rebuild's path. A path that is a
   * folder, or was one, has the whole folder scanned again.
   *
   * Given, without such a scan (the first load; after a folder changed), the
   * folder is scanned and every file whose stamp (inode, size, modification
   * and change times) is the one it had when it was last read is taken from
   * the cache unread: a write changes the change time, an editor's
   * save-by-rename the inode too.
   *
   * Not given, every file is read and its text compared, and no stamps are
   * taken.
   */
  changed?: ReadonlySet<string>;
}

/**
 * Every notice below `postsDir`, problems named relative to `root`. With a
 * `cache` (kept between loads of one site), unchanged files are not parsed
 * again; without one, every file is parsed.
 */
export function loadNotices(postsDir: string, config: SiteConfig, root: string, cache: ParseCache = createParseCache(), { changed }: LoadOptions = {}): LoadedNotices {
  const key = JSON.stringify([config, resolve(root)]);
  if (cache.key !== key) {
    cache.files = new Map();
    cache.scan = undefined;
  }
  cache.key = key;
  const cached = cache.files;
  // The watcher's word, applied to the last scan; else the folder scanned.
  const rescanned = changed && cache.scan ? applyChanges(cache.scan, changed, postsDir, root) : undefined;
  const trusted = rescanned !== undefined;
  const scan = rescanned ?? scanPosts(postsDir, root);
  // Kept only once this load is through: one that fails part-way (a file it cannot read) leaves the next to scan.
  cache.scan = undefined;
  const { files: paths, problems: misnamed } = scan;

  const markdown = createMarkdown({ allowHtml: config.allow_html });
  const fresh = new Map<string, ParsedFile>();
  const notices: Notice[] = [];
  const problems: Problem[] = [...misnamed];
  let parsed = 0;
  let read = 0;
  for (const path of paths) {
    let result = cached.get(path);
    if (trusted && result && !changed?.has(path)) {
      fresh.set(path, result);
      problems.push(...result.problems);
      if (result.notice) notices.push(result.notice);
      continue;
    }
    // Taken before reading: a write after it changes the stamp, so the next load reads the file again.
    // Only under a watcher: a clean build would pay a stat per file for nothing (0.26 s at 10,000).
    const stamp = changed ? stampOf(path) : undefined;
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
  if (changed) cache.scan = scan;
  problems.push(...findUrlCollisions(notices));
  return { notices, problems, files: paths.length, parsed, read };
}

/**
 * `scan` with the watcher's `changed` paths applied: a notice file that is
 * there is in it, one that is gone is not, and a misnamed one has its problem.
 * Undefined when a path is a folder or was one (a folder renamed, moved in or
 * deleted), which needs the folder scanned.
 */
function applyChanges(scan: PostsScan, changed: ReadonlySet<string>, postsDir: string, root: string): PostsScan | undefined {
  const files = new Set(scan.files);
  const problems = new Map(scan.problems.map((problem) => [resolve(root, problem.file), problem]));
  let added = false;
  for (const path of changed) {
    // The config, templates, static files: not the posts folder's business.
    if (path !== postsDir && !path.startsWith(postsDir + sep)) continue;
    // lstat, as the scan's entries: a symbolic link is not a notice file there, so not here either.
    let stats;
    try {
      stats = lstatSync(path, { throwIfNoEntry: false });
    } catch {
      return undefined; // ENOTDIR, EACCES, ...: the scan says what is there
    }
    if (stats?.isDirectory()) return undefined;
    const known = files.delete(path) || problems.delete(path);
    if (!stats) {
      if (!known && scan.files.some((file) => file.startsWith(path + sep))) return undefined;
      continue;
    }
    if (!stats.isFile()) continue;
    const kind = classifyPostFile(path, postsDir, root);
    if (kind === 'notice') {
      files.add(path);
      added = true;
    } else if (kind) {
      problems.set(path, kind);
    }
  }
  // A Set keeps its order when paths leave it; one added goes to its place.
  return { files: added ? [...files].sort() : [...files], problems: [...problems.values()] };
}

/**
 * The notice files under `postsDir` that the cache, as the last load under a
 * watcher left it, does not match: files added, deleted or written since
 * (their stamp moved and their text differs), and misnamed ones added or
 * removed. For the preview to rebuild after what its watcher missed (a write
 * while it was starting, say); none when the cache has no scan. It looks at
 * a few hundred files at a time, between turns of the event loop, so the
 * preview keeps serving and rebuilding meanwhile; an entry the cache replaced
 * during the look is not reported. Once `signal` is aborted (a rebuild began)
 * it stops and reports nothing: the next look starts afresh.
 */
export async function findUnnoticedChanges(postsDir: string, root: string, cache: ParseCache, signal?: AbortSignal): Promise<string[]> {
  const scan = cache.scan;
  if (!scan) return [];
  const found = await scanPostsAsync(postsDir, root);
  if (signal?.aborted) return [];
  const missed = new Set<string>();
  const present = new Set(found.files);
  for (const path of scan.files) if (!present.has(path)) missed.add(path);
  const misnamedBefore = new Set(scan.problems.map((problem) => problem.file));
  const misnamedNow = new Set(found.problems.map((problem) => problem.file));
  for (const file of [...misnamedBefore, ...misnamedNow]) {
    if (misnamedBefore.has(file) !== misnamedNow.has(file)) missed.add(resolve(root, file));
  }
  // Stamped a few hundred at a time, a turn of the event loop between: a rebuild the watcher asks for meanwhile is not held up.
  // (A promise per file held the main thread for 0.3 s at 10,000 notices; so, no turn takes more than a few milliseconds.)
  const unsure: { path: string; entry: ParsedFile; stamp?: string }[] = [];
  for (let next = 0; next < found.files.length; next += STAMPS_PER_TURN) {
    if (next) await new Promise((turn) => setImmediate(turn));
    if (signal?.aborted) return [];
    for (const path of found.files.slice(next, next + STAMPS_PER_TURN)) {
      const entry = cache.files.get(path);
      if (!entry) missed.add(path);
      else {
        const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
        const stamp = stats && stampFrom(stats, Date.now());
        if (stamp === undefined || stamp !== entry.stamp) unsure.push({ path, entry, stamp });
      }
    }
  }
  // Moved, or too recent to tell: the text decides.
  for (const { path, entry, stamp } of unsure) {
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (signal?.aborted) return [];
    if (cache.files.get(path) !== entry) continue;
    if (text === undefined || hashText(text) !== entry.hash) missed.add(path);
    else if (stamp !== undefined) cache.files.set(path, { ...entry, stamp });
  }
  // The scan and the watcher's word disagree: the rebuild after this scans the folder, so they cannot go on disagreeing.
  if (missed.size && cache.scan === scan) cache.scan = undefined;
  return [...missed].sort();
}

/** Files stamped between two turns of the event loop by `findUnnoticedChanges`. */
const STAMPS_PER_TURN = 500;

/**
 * How recent a change time may be for its stamp to be trusted: a file changed
 * this close to when it was stamped could be written again within the same tick
 * of the file system's clock (1-2 s on some file systems) at the same size,
 * leaving the stamp as it was.
 */
const RACY_MS = 2000;

/** The file's stamp, or undefined while it is too recent to tell a later write by (read it again then). */
function stampOf(path: string, now = Date.now()): string | undefined {
  return stampFrom(statSync(path, { bigint: true }), now);
}

function stampFrom({ ino, size, mtimeNs, ctimeNs }: { ino: bigint; size: bigint; mtimeNs: bigint; ctimeNs: bigint }, now: number): string | undefined {
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
