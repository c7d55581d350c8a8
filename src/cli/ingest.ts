/**
 * `npm run ingest -- FORMAT [FILE]`: reads a monitoring system's webhook
 * payload (from FILE, or stdin) and opens, leaves alone or resolves incident
 * notices for its alerts (src/ingest/, docs/ingest.md). Everything is checked
 * before anything is written: on any problem nothing changes.
 *
 * Exit 0: done (also when nothing needed doing); 1: the payload, the config or
 * the notices have a problem (as `file:line: message`); 2: a usage mistake.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadNotices } from '../content/load-notices.ts';
import { FORMATS, type Format } from '../ingest/alert.ts';
import { PARSERS } from '../ingest/formats/index.ts';
import { planIngest } from '../ingest/notice-writer.ts';
import { sortProblems } from '../content/problems.ts';
import { POSTS_DIR } from '../site/load-site.ts';
import { parseFlags, ProblemsError, runCommand, usageError } from './command.ts';
import { loadConfigAndNow } from './prompt.ts';

const USAGE = `usage: noticeboard ingest FORMAT [FILE]   (FORMAT: ${FORMATS.join(', ')}; FILE: a JSON payload, default stdin)`;

await runCommand(() => {
  const { values: flags, positionals } = parseFlags({ help: { type: 'boolean', short: 'h' } }, USAGE, { positionals: true });
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length < 1 || positionals.length > 2) usageError(USAGE);
  const format = positionals[0] as Format;
  if (!FORMATS.includes(format)) usageError(`unknown format "${positionals[0]}"; use one of ${FORMATS.join(', ')}`);
  const file = positionals[1];
  const shown = file ?? 'stdin';

  let text = '';
  try {
    text = readFileSync(file ?? 0, 'utf8');
  } catch {
    usageError(`cannot read ${shown}`);
  }

  /** `file:line: message` for the payload, exit 1. */
  function payloadProblem(line: number, message: string): never {
    throw new ProblemsError([{ file: shown, line, message }], 'Nothing was written.');
  }

  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : 1;
    payloadProblem(line, `not valid JSON (${message}); expected ${format}'s webhook payload`);
  }
  const parsed = PARSERS[format](payload);
  if ('error' in parsed) payloadProblem(1, `not ${/^[aeiou]/.test(format) ? 'an' : 'a'} ${format} payload: ${parsed.error}`);

  const root = process.cwd();
  const { config, now } = loadConfigAndNow(root);
  const loaded = loadNotices(join(root, POSTS_DIR), config, root);
  if (loaded.problems.length) throw new ProblemsError(sortProblems(loaded.problems), 'Fix these first; nothing was written.');

  const plan = planIngest(parsed.alerts, config, {
    notices: loaded.notices,
    read: (path) => readFileSync(join(root, path), 'utf8'),
    exists: (path) => existsSync(join(root, path)),
  }, now);
  for (const note of [...parsed.notes, ...plan.notes]) console.log(note);
  if (plan.errors.length) {
    // Problems of a notice it would write come as `file:line: message` already; the payload's get its name.
    for (const error of plan.errors) console.error(/^\S+:\d+: /.test(error) ? error : `${shown}:1: ${error}`);
    console.error('Nothing was written.');
    return 1;
  }
  for (const change of plan.changes) {
    const target = join(root, change.path);
    mkdirSync(dirname(target), { recursive: true });
    // Written next to the file and renamed over it, so a reader never sees half a notice.
    writeFileSync(`${target}.ingest-tmp`, change.text);
    renameSync(`${target}.ingest-tmp`, target);
  }
  for (const line of plan.done) console.log(line);
  if (plan.changes.length) console.log('Check them with: noticeboard check');
  return 0;
});
