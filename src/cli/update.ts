/**
 * `npm run update -- <file> --status resolved --body "..."`: appends an update
 * at now (or --at) to a notice, touching nothing else in the file. Without
 * --body it asks in the terminal. The result is validated before it is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { appendUpdate } from '../authoring/append-update.ts';
import { formatLocalTime } from '../authoring/local-time.ts';
import { parseNotice } from '../load-notices.ts';
import { STATUSES_FOR_TYPE, type NoticeType, type UpdateStatus } from '../notice.ts';
import { formatProblem } from '../problems.ts';
import { fromFlag, loadConfigAndNow, parseWhen, Prompter, type Parse } from './prompt.ts';

const USAGE = 'usage: npm run update -- <posts/…/notice.md> [--status STATUS] [--body TEXT] [--at "YYYY-MM-DD HH:MM"]';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    status: { type: 'string' },
    body: { type: 'string' },
    at: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (flags.help || positionals.length !== 1) {
  console.log(USAGE);
  process.exit(flags.help ? 0 : 2);
}

const root = process.cwd();
const { config, now } = loadConfigAndNow(root);
const file = relative(root, positionals[0]!);
const original = readFileSync(join(root, file), 'utf8');
const before = parseNotice(original, file, config);
if (!before.notice) {
  console.error(before.problems.map(formatProblem).join('\n'));
  console.error('\nFix these first; the update was not added.');
  process.exit(1);
}

/** A status this notice's type has, for the flag and the question alike. */
function statusFor(type: NoticeType): Parse<UpdateStatus> {
  const statuses = STATUSES_FOR_TYPE[type];
  return (text) => {
    const status = statuses.find((option) => option === text.trim().toLowerCase());
    if (status) return status;
    const article = /^[aeiou]/.test(type) ? 'an' : 'a';
    throw new Error(`"${text.trim()}" is not a status for ${article} ${type}; use one of ${statuses.join(', ')}`);
  };
}
const parseStatus = statusFor(before.notice.type);

const at = fromFlag('at', flags.at, parseWhen(config.timezone)) ?? now;
// Checked before the body is asked for. Exit 1 as before, when the finished file's validation caught it.
let status = fromFlag('status', flags.status, parseStatus, 1);
let body = flags.body;
if (body === undefined) {
  const prompter = new Prompter();
  status ??= await prompter.ask(`Status (${STATUSES_FOR_TYPE[before.notice.type].join(', ')})`, parseStatus, 'update');
  body = await prompter.ask('What is new (one line; edit the file for more)', (text) => {
    if (!text) throw new Error('say what changed');
    return text;
  });
  prompter.close();
}

const edited = appendUpdate(original, { at: formatLocalTime(at, config.timezone), status: status ?? 'update', body });
const after = parseNotice(edited, file, config);
if (!after.notice) {
  console.error(after.problems.map(formatProblem).join('\n'));
  console.error(`\nThe update was not added; ${file} is unchanged.`);
  process.exit(1);
}
writeFileSync(join(root, file), edited);
console.log(`Added the update "${status ?? 'update'}" at ${formatLocalTime(at, config.timezone)} to ${file}`);
