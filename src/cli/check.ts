/**
 * `npm run check [-- --format human|github|json]`: validates the config and every
 * notice without building. Exits 1 if there is any problem, 0 otherwise.
 */
import { parseArgs } from 'node:util';
import { PROBLEM_FORMATS, renderProblems, type ProblemFormat } from '../problem-formats.ts';
import { checkSite } from '../site.ts';

const { values } = parseArgs({ options: { format: { type: 'string', default: 'human' } } });
const format = values.format as ProblemFormat;
if (!PROBLEM_FORMATS.includes(format)) {
  console.error(`--format must be one of ${PROBLEM_FORMATS.join(', ')}`);
  process.exit(2);
}

const { problems, files } = checkSite(process.cwd());
if (format === 'json') {
  console.log(renderProblems(problems, format));
} else if (problems.length) {
  console.log(renderProblems(problems, format));
  if (format === 'human') {
    console.log(`\n${problems.length} problem(s) in ${new Set(problems.map((p) => p.file)).size} file(s).`);
  }
} else {
  console.log(`OK: ${files} notice file(s) and the site configuration are valid.`);
}
process.exit(problems.length ? 1 : 0);
