/**
 * Finds the notice files of a site's posts folder (spec §1), and names every
 * file that looks like a notice but would not be read.
 */
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Problem } from './problems.ts';

/** Notice files below `dir`, sorted; names starting with `_` or `.` are skipped (spec §1). */
export function findNoticeFiles(dir: string): string[] {
  return scanPosts(dir).files;
}

/**
 * A name that looks like a notice but would not be read (`x.MD`, `x.markdown`,
 * `x.md.txt`, `x.md ` with a trailing space): the part before the extension.
 * Editor backups (`x.md~`, `x.md.bak`) do not count.
 */
const MISNAMED_NOTICE = /^(.+?)\.(?:md|markdown|mdown|mkdn?)(?:\.txt)?[\s.]*$/i;

/** What the posts folder holds: its notice files, sorted, and a problem for every file that looks like one but is not read. */
export interface PostsScan {
  files: string[];
  problems: Problem[];
}

/**
 * The notice files below `dir`, sorted, and a problem for every file that
 * looks like one but is not read, with the name to rename it to.
 */
export function scanPosts(dir: string, root = dirname(dir)): PostsScan {
  // A new site without a posts/ folder yet has no notices; it is not a crash.
  if (!existsSync(dir)) return { files: [], problems: [] };
  return classifyEntries(readdirSync(dir, { recursive: true, withFileTypes: true }), dir, root);
}

/**
 * `scanPosts` without holding up the event loop, for the preview's check
 * behind its watcher (see `findUnnoticedChanges`): the folder is read by the
 * file system's asynchronous calls, and its entries are looked at `perTurn`
 * at a time, a turn of the event loop between.
 */
export async function scanPostsAsync(dir: string, root = dirname(dir), { perTurn = 1000 }: { perTurn?: number } = {}): Promise<PostsScan> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { files: [], problems: [] };
    throw error;
  }
  const scan: PostsScan = { files: [], problems: [] };
  for (let next = 0; next < entries.length; next += perTurn) {
    if (next) await new Promise((turn) => setImmediate(turn));
    classifyInto(scan, entries.slice(next, next + perTurn), dir, root);
  }
  scan.files.sort();
  return scan;
}

function classifyEntries(entries: Dirent[], dir: string, root: string): PostsScan {
  const scan: PostsScan = { files: [], problems: [] };
  classifyInto(scan, entries, dir, root);
  scan.files.sort();
  return scan;
}

function classifyInto({ files, problems }: PostsScan, entries: Dirent[], dir: string, root: string): void {
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const kind = classifyPostFile(path, dir, root);
    if (kind === 'notice') files.push(path);
    else if (kind) problems.push(kind);
  }
}

/**
 * What the file at `path` (below the posts folder `dir`) is: a notice file, a
 * file that looks like one but is not read (the problem naming it), or
 * neither (undefined): in a folder or with a name starting with `_` or `.`,
 * or not a notice's name at all.
 */
export function classifyPostFile(path: string, dir: string, root: string): 'notice' | Problem | undefined {
  // Sliced rather than `relative()` for the paths a scan gives, all below `dir`: a tenth of a load's scan at 10,000 notices.
  const inPosts = path.startsWith(dir + sep) ? path.slice(dir.length + 1) : relative(dir, path);
  if (inPosts.startsWith('..') || inPosts.split(sep).some((part) => part.startsWith('_') || part.startsWith('.'))) return undefined;
  const name = path.slice(path.lastIndexOf(sep) + 1);
  if (name.endsWith('.md')) return 'notice';
  const misnamed = MISNAMED_NOTICE.exec(name);
  if (!misnamed) return undefined;
  return {
    file: relative(root, path).split(sep).join('/'),
    line: 1,
    message: `"${name}" is not read: notice files end in ".md" (lowercase, nothing after it); rename it to "${misnamed[1]!.trim()}.md"`,
  };
}
