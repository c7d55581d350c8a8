/**
 * `npm run build`: renders the site into a fresh folder next to `_site/` and
 * swaps it in only after a complete, successful build. A failed or killed build
 * never touches the last good `_site/`.
 */
import { existsSync, rmSync, renameSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import { InvalidInputError, formatProblem } from '../problems.ts';

export const OUTPUT_DIR = '_site';
const STAGING_PREFIX = '.site-staging-';

export async function buildSite(root: string, output = OUTPUT_DIR): Promise<void> {
  const outputPath = resolve(root, output);
  const staging = resolve(root, `${STAGING_PREFIX}${process.pid}`);
  removeAbandonedStaging(root);
  const previousRoot = process.env.NOTICEBOARD_ROOT;
  process.env.NOTICEBOARD_ROOT = root;
  try {
    const eleventy = new Eleventy(join(root, 'templates'), staging, {
      configPath: join(root, '.eleventy.ts'),
      quietMode: true,
    });
    await eleventy.write();
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw findInvalidInput(error) ?? error;
  } finally {
    if (previousRoot === undefined) delete process.env.NOTICEBOARD_ROOT;
    else process.env.NOTICEBOARD_ROOT = previousRoot;
  }
  const previous = `${outputPath}.previous-${process.pid}`;
  if (existsSync(outputPath)) renameSync(outputPath, previous);
  renameSync(staging, outputPath);
  rmSync(previous, { recursive: true, force: true });
}

/** Staging folders left by builds that were killed part-way (not those of builds still running). */
function removeAbandonedStaging(root: string): void {
  for (const name of readdirSync(root)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(name.slice(STAGING_PREFIX.length));
    if (!isRunning(pid)) rmSync(join(root, name), { recursive: true, force: true });
  }
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

/** Eleventy wraps errors thrown while loading data; find ours inside. */
function findInvalidInput(error: unknown): InvalidInputError | undefined {
  for (let current = error; current; ) {
    if (current instanceof InvalidInputError) return current;
    const next = (current as { originalError?: unknown; cause?: unknown }).originalError ??
      (current as { cause?: unknown }).cause;
    current = next;
  }
  return undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  try {
    await buildSite(process.cwd());
    console.log(`Built ${OUTPUT_DIR}/ in ${((Date.now() - started) / 1000).toFixed(2)} s`);
  } catch (error) {
    if (error instanceof InvalidInputError) {
      console.error(error.problems.map(formatProblem).join('\n'));
      console.error(`\nBuild failed: ${error.problems.length} problem(s); ${OUTPUT_DIR}/ was left as it was.`);
    } else {
      console.error(error);
      console.error(`\nBuild failed; ${OUTPUT_DIR}/ was left as it was.`);
    }
    process.exit(1);
  }
}
