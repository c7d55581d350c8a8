/**
 * `npm run new`: writes a new notice. With flags it asks nothing:
 *   npm run new -- --type incident --title "IMAP slow" --services imap --impact minor
 * In a terminal it asks for whatever the flags did not give.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, unknownServiceMessage, type SiteConfig } from '../config.ts';
import { newNoticeFile, type NewNoticeAnswers } from '../authoring/new-notice.ts';
import { IMPACTS, NOTICE_TYPES, DEFAULT_IMPACT, type Impact, type NoticeType } from '../notice.ts';
import { formatProblem } from '../problems.ts';
import { CONFIG_FILE, resolveNow } from '../site.ts';
import { parseDuration, parseTime } from '../time.ts';
import { formatLocalTime } from '../authoring/local-time.ts';
import { oneOf, Prompter } from './prompt.ts';

const USAGE = `usage: npm run new -- [--type incident|maintenance|notice] [--title TEXT] [--services id,id]
                     [--impact none|minor|major|critical] [--start "YYYY-MM-DD HH:MM"]
                     [--duration 90m | --open] [--authors "Name, Name"]
With no flags it asks for everything; with flags it asks nothing and takes the defaults
(start now, an incident open-ended, authors from git config user.name) for what is not given.`;

const { values: flags } = parseArgs({
  options: {
    type: { type: 'string' },
    title: { type: 'string' },
    services: { type: 'string' },
    impact: { type: 'string' },
    start: { type: 'string' },
    duration: { type: 'string' },
    open: { type: 'boolean' },
    authors: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}

const root = process.cwd();
const { config, problems } = loadConfig(join(root, CONFIG_FILE), CONFIG_FILE);
if (!config) {
  console.error(problems.map(formatProblem).join('\n'));
  process.exit(1);
}

const list = (text: string) => text.split(',').map((item) => item.trim()).filter(Boolean);

function parseServices(text: string, site: SiteConfig): string[] {
  const ids = list(text).map((item) => {
    const byNumber = /^\d+$/.test(item) ? site.services[Number(item) - 1]?.id : undefined;
    const id = byNumber ?? item;
    if (!site.services.some((service) => service.id === id)) throw new Error(unknownServiceMessage(id, site));
    return id;
  });
  return [...new Set(ids)];
}

function parseWhen(text: string): Date {
  const parsed = parseTime(text, config!.timezone);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function checkDuration(text: string): string {
  const parsed = parseDuration(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return text;
}

function gitUserName(): string {
  try {
    return execFileSync('git', ['config', 'user.name'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** Validates a flag's value with the same parser a prompt would use. */
function fromFlag<T>(name: string, value: string | undefined, parse: (text: string) => T): T | undefined {
  if (value === undefined) return undefined;
  try {
    return parse(value);
  } catch (error) {
    console.error(`--${name}: ${(error as Error).message}`);
    process.exit(2);
  }
}

const now = resolveNow(config.timezone);
const { help: _, ...given } = flags;
const prompter = Object.keys(given).length === 0 ? new Prompter() : undefined;

async function answer<T>(given: T | undefined, question: string, parse: (text: string) => T, fallback?: string): Promise<T> {
  if (given !== undefined) return given;
  if (!prompter) {
    if (fallback !== undefined) return parse(fallback);
    console.error(`missing ${question.toLowerCase()}; give it as a flag (see --help) or run in a terminal`);
    process.exit(2);
  }
  return prompter.ask(question, parse, fallback);
}

const type: NoticeType = await answer(fromFlag('type', flags.type, oneOf(NOTICE_TYPES)), `Type (${NOTICE_TYPES.join(', ')})`, oneOf(NOTICE_TYPES), 'incident');
const title = await answer(flags.title?.trim() || undefined, 'Title', (text) => {
  if (!text || text.length > 200 || /[\r\n]/.test(text)) throw new Error('one line, 1-200 characters');
  return text;
});
if (prompter && flags.services === undefined) {
  console.log(config.services.map((service, i) => `  ${i + 1}. ${service.id} — ${service.name} (${service.group})`).join('\n'));
}
const services = await answer(
  fromFlag('services', flags.services, (text) => parseServices(text, config)),
  type === 'notice' ? 'Services, comma-separated ids or numbers (optional)' : 'Services, comma-separated ids or numbers',
  (text) => {
    const ids = parseServices(text, config);
    if (type !== 'notice' && ids.length === 0) throw new Error(`a ${type} names at least one service`);
    return ids;
  },
  type === 'notice' ? '' : undefined,
);
const impact: Impact = await answer(fromFlag('impact', flags.impact, oneOf(IMPACTS)), `Impact (${IMPACTS.join(', ')})`, oneOf(IMPACTS), DEFAULT_IMPACT[type]);
let start = now;
let duration: string | undefined;
if (type !== 'notice') {
  start = await answer(fromFlag('start', flags.start, parseWhen), `Start (${config.timezone})`, parseWhen, formatLocalTime(now, config.timezone));
  if (flags.duration !== undefined) duration = fromFlag('duration', flags.duration, checkDuration);
  else if (prompter || type === 'maintenance') {
    const openAllowed = type === 'incident';
    duration = await answer(
      undefined,
      openAllowed ? 'Duration, e.g. 30m or 2h (empty: ongoing)' : 'Duration, e.g. 30m or 2h',
      (text) => (text === '' && openAllowed ? '' : checkDuration(text)),
      openAllowed ? '' : undefined,
    );
  }
}
const authors = await answer(
  flags.authors !== undefined ? list(flags.authors) : undefined,
  'Authors, comma-separated',
  (text) => {
    const names = list(text);
    if (names.length === 0) throw new Error('at least one name');
    return names;
  },
  gitUserName() || undefined,
);
prompter?.close();

const answers: NewNoticeAnswers = { type, title, services, impact, start, duration: duration || undefined, authors, date: now };
const file = newNoticeFile(answers, config);
mkdirSync(dirname(join(root, file.path)), { recursive: true });
try {
  writeFileSync(join(root, file.path), file.text, { flag: 'wx' });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
    console.error(`${file.path} already exists; not overwriting it. Choose another title, or edit that file.`);
    process.exit(1);
  }
  throw error;
}
console.log(`Wrote ${file.path}\nIt will be published at ${file.url}\nEdit its body, then run: npm run check`);
