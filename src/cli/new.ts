/**
 * `npm run new`: writes a new notice.
 *   npm run new -- --type incident --title "IMAP slow" --services imap --impact minor --body "Mail is slow."
 * With no flags it asks for every field, one question at a time. With flags it
 * takes the defaults for what they leave out; a required field with no default
 * (the title, an incident's or maintenance's services, a maintenance's duration,
 * the body, the authors when git has no user.name) is asked for in a terminal,
 * and is a usage error elsewhere, so a script never waits for an answer and
 * never writes a notice without a body.
 * Flags and answers go through the same checks, and the finished file is
 * validated as `npm run check` would before it is written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unknownServiceMessage } from '../content/config.ts';
import { newNoticeFile } from '../authoring/new-notice.ts';
import { bodyProblem, DEFAULT_IMPACT, durationSchema, IMPACTS, NOTICE_TYPES, noticeFields, type Impact, type NoticeType } from '../content/notice.ts';
import { formatLocalTime, parseTimeOfDay } from '../authoring/local-time.ts';
import { futureNote } from '../authoring/future.ts';
import { handleFailures, parseFlags, ProblemsError, usageError } from './command.ts';
import { fromFlag, fromSchema, list, loadConfigAndNow, oneOf, Prompter, type Parse } from './prompt.ts';

const USAGE = `usage: noticeboard new [--type incident|maintenance|notice] [--title TEXT] [--services id,id]
                     [--impact none|minor|major|critical] [--start "YYYY-MM-DD HH:MM" | --start HH:MM]
                     [--duration 90m | --open] [--authors "Name, Name"] [--body TEXT | --body -]
                     [--date "YYYY-MM-DD HH:MM"]
With no flags it asks for everything. With flags it takes the defaults for what is not given:
type incident, impact by type, publication (--date) now, start at the publication, authors
from git config user.name, and an incident without --duration is ongoing (--open says so
explicitly; it is for incidents only). --start 03:05 is 03:05 on the publication's day in the
site's zone. --body - reads the body from standard input. --date backdates the publication,
to fill in history. A missing title, services (incident, maintenance), duration (maintenance),
body, or authors (git has no user.name) is asked for in a terminal, and is an error when not
run in one: nothing is written.`;

handleFailures();
const { values: flags } = parseFlags(
  {
    type: { type: 'string' },
    title: { type: 'string' },
    services: { type: 'string' },
    impact: { type: 'string' },
    start: { type: 'string' },
    duration: { type: 'string' },
    open: { type: 'boolean' },
    authors: { type: 'string' },
    body: { type: 'string' },
    date: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  'see noticeboard new --help',
);

if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}

const root = process.cwd();
const { config, now: clock } = loadConfigAndNow(root);
const fields = noticeFields(config.timezone);
const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

// One parser per field, used for its flag and its question alike.
const parseType = oneOf(NOTICE_TYPES);
const parseTitle: Parse<string> = fromSchema(fields.title);
const parseImpact = oneOf(IMPACTS);
/** Service ids or catalog numbers; an incident or maintenance names at least one. */
const servicesFor =
  (type: NoticeType): Parse<string[]> =>
  (text) => {
    const ids = list(text).map((item) => {
      const byNumber = /^\d+$/.test(item) ? config.services[Number(item) - 1]?.id : undefined;
      const id = byNumber ?? item;
      const service = config.services.find((candidate) => candidate.id === id);
      if (!service) throw new Error(unknownServiceMessage(id, config));
      if (service.retired) throw new Error(`\`${id}\` is retired (site.config.yaml); a new notice names a current service`);
      return id;
    });
    const unique = [...new Set(ids)];
    if (type === 'notice') return unique;
    try {
      return fromSchema(fields.services)(unique);
    } catch (error) {
      throw new Error(`${article(type)} ${type} ${(error as Error).message}`);
    }
  };
/** A duration as written (`90m`); empty is an ongoing incident. */
const durationFor =
  (type: NoticeType): Parse<string> =>
  (text) => {
    if (text.trim() === '' && type === 'incident') return '';
    fromSchema(durationSchema)(text);
    return text.trim();
  };
const parseAuthors: Parse<string[]> = (text) => {
  const names = list(text);
  if (names.length === 0) throw new Error('give at least one name, e.g. "Jared, Nathan"');
  return fromSchema(fields.authors)(names);
};

/** A body as written: not empty, not a template's placeholder, within the size limit. */
const parseBody: Parse<string> = (text) => {
  const problem = bodyProblem(text.trim());
  if (problem) throw new Error(problem);
  return text.trim();
};

function gitUserName(): string {
  try {
    return execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

const { help: _, ...given } = flags;
/** No flags: every field is asked (on a terminal, or from lines piped in). */
const askAll = Object.keys(given).length === 0;
/** With flags, a required field they leave out is asked for only on a terminal. */
const canAsk = askAll || process.stdin.isTTY === true;
let prompter: Prompter | undefined;

type Field = 'type' | 'title' | 'services' | 'impact' | 'start' | 'duration' | 'authors' | 'body';

/** Whether `answer` will ask for `field` (`hasDefault`: it has a default for when it is not given). */
const willAsk = (field: Field, hasDefault: boolean) => flags[field] === undefined && (askAll || (!hasDefault && canAsk));

/**
 * The field's flag, checked by `parse`; else its default when flags were given;
 * else the answer to `question`, when there is someone to ask; else an error.
 * `fallback` (the default, and the answer an empty line gives) is only
 * computed when the flag is missing.
 */
async function answer<T>(field: Field, question: string, parse: Parse<T>, fallback?: () => string | undefined): Promise<T> {
  const flag = fromFlag(field, flags[field], parse);
  if (flag !== undefined) return flag;
  const preset = fallback?.();
  if (!askAll && preset !== undefined) return parse(preset);
  if (!canAsk && field === 'body') usageError('--body is missing: give --body TEXT (what customers see), or --body - to read it from standard input; nothing was written');
  if (!canAsk) usageError(`--${field} is missing and has no default: give it (see --help), or run in a terminal to be asked`);
  prompter ??= new Prompter();
  return prompter.ask(question, parse, preset);
}

if (flags.open && flags.duration !== undefined) {
  usageError('--open and --duration contradict each other: --open is an ongoing incident, --duration a planned length; give one');
}
const type = await answer('type', `Type (${NOTICE_TYPES.join(', ')})`, parseType, () => 'incident');
if (flags.open && type !== 'incident') {
  usageError(
    type === 'maintenance'
      ? '--open: a maintenance needs a planned end; give --duration instead'
      : '--open: only an incident is open-ended; a notice has no window',
  );
}
if (type === 'notice') {
  for (const name of ['start', 'duration'] as const) {
    if (flags[name] !== undefined) usageError(`--${name}: a notice has no window; it is dated when it is written (use --type incident or maintenance for a window)`);
  }
}
/** The publication time: --date (a time, or HH:MM today), else now. */
const now = fromFlag('date', flags.date, parseTimeOfDay(config.timezone, clock)) ?? clock;
const title = await answer('title', 'Title', parseTitle);
if (willAsk('services', type === 'notice')) {
  console.log(config.services.map((service, i) => `  ${i + 1}. ${service.id} — ${service.name}${service.group ? ` (${service.group})` : ''}${service.retired ? ' (retired)' : ''}`).join('\n'));
}
const services = await answer(
  'services',
  type === 'notice' ? 'Services, comma-separated ids or numbers (optional)' : 'Services, comma-separated ids or numbers',
  servicesFor(type),
  () => (type === 'notice' ? '' : undefined),
);
const impact: Impact = await answer('impact', `Impact (${IMPACTS.join(', ')})`, parseImpact, () => DEFAULT_IMPACT[type]);
let start = now;
let duration: string | undefined;
if (type !== 'notice') {
  start = await answer('start', `Start, YYYY-MM-DD HH:MM or HH:MM (${config.timezone})`, parseTimeOfDay(config.timezone, now), () => formatLocalTime(now, config.timezone));
  if (!flags.open) {
    const text = await answer(
      'duration',
      type === 'incident' ? 'Duration, e.g. 30m or 2h (empty: ongoing)' : 'Duration, e.g. 30m or 2h',
      durationFor(type),
      () => (type === 'incident' ? '' : undefined),
    );
    duration = text || undefined;
  }
}
const authors = await answer('authors', 'Authors, comma-separated', parseAuthors, () => gitUserName() || undefined);
const body =
  flags.body === '-'
    ? fromFlag('body', readFileSync(0, 'utf8'), parseBody)!
    : await answer('body', 'What customers see, in a sentence or two', parseBody);
prompter?.close();

const file = newNoticeFile({ type, title, services, impact, start, duration, authors, date: now, body }, config, (path) =>
  existsSync(join(root, path)),
);
if (!file.notice) throw new ProblemsError(file.problems, `${file.path} was not written.`);
mkdirSync(dirname(join(root, file.path)), { recursive: true });
// `wx`: never overwrite, even a file written since the name was chosen.
writeFileSync(join(root, file.path), file.text, { flag: 'wx' });
console.log(`Wrote ${file.path}\nIts page will be ${config.url}${file.notice.url}`);
const notes = [futureNote('It', file.notice.date, clock, config.timezone)];
if (file.notice.window && type !== 'notice') notes.push(futureNote(`The ${type}`, file.notice.window.start, clock, config.timezone, 'starts at'));
for (const note of notes) if (note) console.log(note);
console.log('Check it with: noticeboard check');
