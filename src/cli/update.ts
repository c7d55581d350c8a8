/**
 * `npm run update -- <file> --status resolved --body "..."`: appends an update
 * at now (or --at) to a notice, touching nothing else in the file. Without
 * --body it asks in the terminal. The result is validated before it is written.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { appendUpdate } from '../authoring/append-update.ts';
import { futureNote } from '../authoring/future.ts';
import { formatLocalTime, parseTimeOfDay } from '../authoring/local-time.ts';
import { parseNotice } from '../content/load-notices.ts';
import { bodyProblem, STATUSES_FOR_TYPE, type NoticeType, type UpdateStatus } from '../content/notice.ts';
import { didYouMean } from '../content/problems.ts';
import { parseFlags, ProblemsError, runCommand, usageError } from './command.ts';
import { fromFlag, loadConfigAndNow, Prompter, type Parse } from './prompt.ts';

const USAGE = 'usage: noticeboard update <posts/…/notice.md> [--status STATUS] [--body TEXT | --body -] [--at "YYYY-MM-DD HH:MM" | --at HH:MM]';

/** A status this notice's type has, for the flag and the question alike. */
function statusFor(type: NoticeType): Parse<UpdateStatus> {
  const statuses = STATUSES_FOR_TYPE[type];
  return (text) => {
    const given = text.trim().toLowerCase();
    const status = statuses.find((option) => option === given);
    if (status) return status;
    const article = /^[aeiou]/.test(type) ? 'an' : 'a';
    throw new Error(`"${text.trim()}" is not a status for ${article} ${type}${didYouMean(given, statuses)}; use one of ${statuses.join(', ')}`);
  };
}

const parseBody: Parse<string> = (text) => {
  const problem = bodyProblem(text.trim());
  if (problem) throw new Error(problem.replace('the body', 'the update'));
  return text.trim();
};

await runCommand(async () => {
  const { values: flags, positionals } = parseFlags(
    {
      status: { type: 'string' },
      body: { type: 'string' },
      at: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
    { positionals: true },
  );
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) usageError(`give one notice file, e.g. noticeboard update posts/2026/03/dns-down.md --status resolved (${USAGE})`);

  const root = process.cwd();
  const { config, now } = loadConfigAndNow(root);
  const file = relative(root, positionals[0]!);
  let original: string;
  try {
    if (!statSync(join(root, file)).isFile()) usageError(`${file} is a folder, not a notice file: give the .md file (${USAGE})`);
    original = readFileSync(join(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    usageError(`${file}: no such file; give the path of an existing notice, e.g. posts/2008/09/imap-slow.md (list them with: ls posts/*/*)`);
  }
  const before = parseNotice(original, file, config);
  if (!before.notice) throw new ProblemsError(before.problems, 'Fix these first; the update was not added.');

  const parseStatus = statusFor(before.notice.type);
  const at = fromFlag('at', flags.at, parseTimeOfDay(config.timezone, now)) ?? now;
  // Checked before the body is asked for.
  let status = fromFlag('status', flags.status, parseStatus);
  let body = fromFlag('body', flags.body === '-' ? readFileSync(0, 'utf8') : flags.body, parseBody);
  if (body === undefined) {
    const prompter = new Prompter();
    status ??= await prompter.ask(`Status (${STATUSES_FOR_TYPE[before.notice.type].join(', ')})`, parseStatus, 'update');
    body = await prompter.ask('What is new (one line; edit the file for more)', parseBody);
    prompter.close();
  }

  const edited = appendUpdate(original, { at: formatLocalTime(at, config.timezone), status: status ?? 'update', body });
  const after = parseNotice(edited, file, config);
  if (!after.notice) throw new ProblemsError(after.problems, `The update was not added; ${file} is unchanged.`);
  writeFileSync(join(root, file), edited);
  console.log(`Added the update "${status ?? 'update'}" at ${formatLocalTime(at, config.timezone)} to ${file}`);
  const note = futureNote('This update', at, now, config.timezone, 'will show from');
  if (note) console.log(note);
  return 0;
});
