/**
 * `npm run check`: validates the config and every notice without building.
 * Prints every problem as `path:line: message`; exits 1 if there is any.
 */
import { formatProblem } from '../problems.ts';
import { checkSite } from '../site.ts';

const { problems, files } = checkSite(process.cwd());
if (problems.length) {
  console.error(problems.map(formatProblem).join('\n'));
  console.error(`\n${problems.length} problem(s) in ${new Set(problems.map((p) => p.file)).size} file(s).`);
  process.exit(1);
}
console.log(`OK: ${files} notice file(s) and the site configuration are valid.`);
