/**
 * `noticeboard build`: validates everything and builds `_site/` atomically; on any
 * problem prints them all and exits 1, leaving the last good `_site/` as it was.
 * With `NOTICEBOARD_TIMINGS=<file>` it also writes where it spent its time to
 * that file (JSON, see build-timings.ts); the benchmark reads it.
 */
import { buildSite, OUTPUT_DIR } from '../site/build-site.ts';
import { InvalidInputError } from '../content/problems.ts';
import { writeBuildTimings } from './build-timings.ts';
import { parseFlags, ProblemsError, runCommand } from './command.ts';

await runCommand(async () => {
  parseFlags({}, 'usage: noticeboard build (no flags; STATUS_NOW sets the build time)');
  const started = Date.now();
  let result;
  try {
    result = await buildSite({ root: process.cwd() });
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw new Error(`Build failed; ${OUTPUT_DIR}/ was left as it was`, { cause: error });
    throw new ProblemsError(error.problems, `Build failed: ${error.problems.length} problem(s); ${OUTPUT_DIR}/ was left as it was.`);
  }
  writeBuildTimings(result, process.env.NOTICEBOARD_TIMINGS);
  console.log(`Built ${OUTPUT_DIR}/ in ${((Date.now() - started) / 1000).toFixed(2)} s`);
});
