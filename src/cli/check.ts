/**
 * `npm run check [-- --format human|github|json]`: validates the config and every
 * notice without building. Exits 1 if there is any problem, 0 otherwise.
 */
import { PROBLEM_FORMATS, renderProblems, type ProblemFormat } from '../content/problem-formats.ts';
import { followUpNotes, futureNotes } from '../authoring/future.ts';
import { checkSite, resolveNow } from '../site/load-site.ts';
import { parseFlags, runCommand, usageError } from './command.ts';

await runCommand(() => {
  const { values } = parseFlags({ format: { type: 'string', default: 'human' } }, 'usage: npm run check [-- --format human|github|json]');
  const format = values.format as ProblemFormat;
  if (!PROBLEM_FORMATS.includes(format)) usageError(`--format "${values.format}" is not a format; use one of ${PROBLEM_FORMATS.join(', ')}`);

  const { problems, files, config, notices } = checkSite(process.cwd());
  const notes = config ? [...futureNotes(notices, resolveNow(config.timezone), config.timezone), ...followUpNotes(notices, config.timezone)] : [];
  if (format === 'json') {
    console.log(renderProblems(problems, format));
  } else if (problems.length) {
    console.log(renderProblems(problems, format));
    if (format === 'human') {
      console.log(`\n${problems.length} problem(s) in ${new Set(problems.map((p) => p.file)).size} file(s).`);
    }
  } else {
    if (format === 'human' && notes.length) console.log(notes.join('\n'));
    console.log(`OK: ${files} notice file(s) and the site configuration are valid.`);
  }
  return problems.length ? 1 : 0;
});
