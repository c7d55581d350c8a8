/**
 * Finds the notice files of a site's posts folder (spec §1), and names every
 * file that looks like a notice but would not be read.
 */
import { existsSync, readdirSync } from 'node:fs';
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

/**
 * The notice files below `dir`, sorted, and a problem for every file that
 * looks like one but is not read, with the name to rename it to.
 */
export function scanPosts(dir: string, root = dirname(dir)): { files: string[]; problems: Problem[] } {
  // A new site without a posts/ folder yet has no notices; it is not a crash.
  if (!existsSync(dir)) return { files: [], problems: [] };
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (relative(dir, path).split(sep).some((part) => part.startsWith('_') || part.startsWith('.'))) continue;
    if (entry.name.endsWith('.md')) {
      files.push(path);
      continue;
    }
    const misnamed = MISNAMED_NOTICE.exec(entry.name);
    if (misnamed) {
      problems.push({
        file: relative(root, path).split(sep).join('/'),
        line: 1,
        message: `"${entry.name}" is not read: notice files end in ".md" (lowercase, nothing after it); rename it to "${misnamed[1]!.trim()}.md"`,
      });
    }
  }
  return { files: files.sort(), problems };
}
