/**
 * `noticeboard check [--format human|github|json]`: validates the config and every
 * notice, and the site's part overrides (parts/), without building. Exits 1 if
 * there is any problem, 0 otherwise.
 */
import { PROBLEM_FORMATS, renderProblems, type ProblemFormat } from '../content/problem-formats.ts';
import { followUpNotes, futureNotes } from '../authoring/future.ts';
import { sortProblems } from '../content/problems.ts';
import { checkSite, resolveNow } from '../site/load-site.ts';
import { loadParts } from '../site/parts.ts';
import { sitePaths } from '../site/paths.ts';
import { parseFlags, runCommand, usageError } from './command.ts';

await runCommand(async () => {
  const { values } = parseFlags({ format: { type: 'string', default: 'human' } }, 'usage: noticeboard check [--format human|github|json]');
  const format = values.format as ProblemFormat;
  if (!PROBLEM_FORMATS.includes(format)) usageError(`--format "${values.format}" is not a format; use one of ${PROBLEM_FORMATS.join(', ')}`);

  const paths = sitePaths(process.cwd());
  const site = checkSite(paths.root, paths);
  // The parts are loaded as the build loads them, so a part that would stop the build stops the check too.
  const parts = await loadParts(paths.parts, paths.root);
  const { files, config, notices } = site;
  const problems = sortProblems([...site.problems, ...parts.problems]);
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
