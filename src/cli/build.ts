/**
 * `noticeboard build`: validates everything and builds `_site/` atomically; on any
 * problem prints them all and exits 1, leaving the last good `_site/` as it was.
 * With `NOTICEBOARD_TIMINGS=<file>` it also writes where it spent its time to
 * that file (JSON, see build-timings.ts); the benchmark reads it.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildSite, OUTPUT_DIR } from '../site/build-site.ts';
import { InvalidInputError } from '../content/problems.ts';
import { writeBuildTimings } from './build-timings.ts';
import { parseFlags, ProblemsError, runCommand, usageError } from './command.ts';

await runCommand(async () => {
  parseFlags({}, 'usage: noticeboard build (no flags; STATUS_NOW sets the build time)');
  const timings = process.env.NOTICEBOARD_TIMINGS;
  // Asked before the build, so a mistyped folder does not cost a whole build first.
  if (timings && !existsSync(dirname(resolve(timings)))) {
    usageError(`NOTICEBOARD_TIMINGS=${timings}: the folder ${dirname(resolve(timings))} does not exist; name a file in an existing folder`);
  }
  const started = Date.now();
  let result;
  try {
    result = await buildSite({ root: process.cwd() });
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw new Error(`Build failed; ${OUTPUT_DIR}/ was left as it was`, { cause: error });
    throw new ProblemsError(error.problems, `Build failed: ${error.problems.length} problem(s); ${OUTPUT_DIR}/ was left as it was.`);
  }
  writeBuildTimings(result, timings);
  const { parts, reused } = result.searchParts;
  const unchanged = reused === 0 ? '' : reused === parts ? '; search index unchanged, kept' : `; ${reused} of ${parts} parts of the search index unchanged, kept`;
  console.log(`Built ${OUTPUT_DIR}/ in ${((Date.now() - started) / 1000).toFixed(2)} s${unchanged}`);
});
