/**
 * Publishing a finished build: the staging folder takes the place of the
 * output folder in two renames, and the old site is deleted off the build's
 * critical path.
 *
 * Deleting a site of thousands of folders takes as long as writing it (about
 * 0.4 s at 1,000 notices on a disk), so the build does not wait for it. The
 * folder names say what each folder is, so a build killed at any point leaves
 * a complete site and the next build can tell what to keep:
 *
 *   `_site.previous-<pid>`        the last good site, renamed aside by the build <pid>
 *                                 just before its staging folder is renamed in: complete;
 *   `.site-trash-<pid>-<time>`    an old site after the swap, being deleted: never restored.
 *
 * The trash is deleted by a detached child process (the build's exit does not
 * wait for it), and every build also deletes trash that earlier builds left
 * (a build or remover killed part-way), so nothing of an old release stays.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const STAGING_PREFIX = '.site-staging-';
export const TRASH_PREFIX = '.site-trash-';

/**
 * Deletes the given folders, in a child process of its own that outlives the
 * build. Errors are ignored there: whatever is left is trash the next build
 * deletes again.
 */
const REMOVER = `for (const dir of process.argv.slice(1)) { try { require('node:fs').rmSync(dir, { recursive: true, force: true, maxRetries: 3 }); } catch {} }`;

/**
 * Swaps `staging` in as `output` (both in the same folder) and has the old
 * site and any earlier trash deleted in the background.
 */
export function publishStaging(staging: string, output: string): void {
  const dir = dirname(output);
  const previous = `${output}.previous-${process.pid}`;
  const hadSite = existsSync(output);
  if (hadSite) renameSync(output, previous);
  // Killed here: no `output`, but `previous` is complete; restoreInterruptedSwap puts it back.
  renameSync(staging, output);
  if (hadSite) renameSync(previous, trashName(dir, process.pid));
  removeInBackground(findTrash(output));
}

/**
 * Before a build: a build killed between its two renames leaves no `output`
 * but the last good site as `<output>.previous-<pid>`: put it back. A
 * `.previous-` folder of a dead build next to a published `output` (killed
 * after its swap) is trash.
 */
export function restoreInterruptedSwap(output: string): void {
  const dir = dirname(output);
  if (!existsSync(dir)) return;
  const prefix = `${basename(output)}.previous-`;
  const left = readdirSync(dir).filter((name) => name.startsWith(prefix) && !isRunning(Number(name.slice(prefix.length))));
  for (const name of left) {
    if (!existsSync(output)) renameSync(join(dir, name), output);
    else renameSync(join(dir, name), trashName(dir, Number(name.slice(prefix.length))));
  }
}

/** Staging folders next to `output` left by builds that were killed part-way (not those of builds still running). */
export function removeAbandonedStaging(output: string): void {
  const dir = dirname(output);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(name.slice(STAGING_PREFIX.length));
    if (!isRunning(pid)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/** A new trash folder's path in `dir`, for an old site of the build `pid`. */
function trashName(dir: string, pid: number): string {
  for (let n = 0; ; n++) {
    const path = join(dir, `${TRASH_PREFIX}${pid}-${Date.now()}${n ? `-${n}` : ''}`);
    if (!existsSync(path)) return path;
  }
}

/** Every trash folder next to `output`, whichever build left it. */
function findTrash(output: string): string[] {
  const dir = dirname(output);
  return readdirSync(dir)
    .filter((name) => name.startsWith(TRASH_PREFIX))
    .map((name) => join(dir, name));
}

function removeInBackground(dirs: readonly string[]): void {
  if (!dirs.length) return;
  const child = spawn(process.execPath, ['--eval', REMOVER, ...dirs], { detached: true, stdio: 'ignore' });
  // Not even a failure to start the remover fails a published build: the next build tries again.
  child.on('error', () => {});
  child.unref();
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
