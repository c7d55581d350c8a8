/**
 * `npm run build`: validates everything and builds `_site/` atomically; on any
 * problem prints them all and exits 1, leaving the last good `_site/` as it was.
 */
import { buildSite, OUTPUT_DIR } from '../build-site.ts';
import { formatProblem, InvalidInputError } from '../problems.ts';

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
