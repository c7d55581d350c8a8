/**
 * Reads every notice under `posts/` and validates it against the site config.
 * Returns the valid notices and every problem found; it never stops at the first.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import { SLUG_PATTERN, unknownServiceMessage, type SiteConfig } from './config.ts';
import { validateFields } from './fields.ts';
import { changedKeysOf } from './changed-keys.ts';
import { readYamlFast, splitFrontMatter } from './front-matter.ts';
import { createMarkdown, type MarkdownRenderer } from './markdown.ts';
import {
  bodyProblem,
  cutSummary,
  DEFAULT_IMPACT,
  noticeFields,
  REQUIRED_NOTICE_KEYS,
  REQUIRED_UPDATE_KEYS,
  REQUIRED_WINDOW_KEYS,
  STATUSES_FOR_TYPE,
  updateFields,
  windowFields,
  type Notice,
  type Update,
  type Window,
} from './notice.ts';
import { parseFiles, type ParseJob } from './parse-pool.ts';
import type { Problem } from './problems.ts';
import { addMinutes } from '../time/time.ts';
import { lineOf, parseYaml, type YamlSource } from './yaml-source.ts';
import { formatDateTime, localDate } from '../time/zoned-format.ts';

/** Notice files below `dir`, sorted; names starting with `_` or `.` are skipped (spec §1). */
export function findNoticeFiles(dir: string): string[] {
  return scanPosts(dir).files;
}

/**
 * A name that looks like a notice but would not be read (`x.MD`, `x.markdown`,
 * `x.md.txt`, `x.md ` with a trailing space): the part before the extension.
 * Editor backups (`x.md~`, `x.md.bak`) do not count.
 */
/** Front-matter keys that changed between versions (src/content/changed-keys.ts). */
const NOTICE_CHANGES = changedKeysOf('notice');

const MISNAMED_NOTICE = /^(.+?)\.(?:md|markdown|mdown|mkdn?)(?:\.txt)?[\s.]*$/i;

/**
 * The notice files below `dir`, sorted, and a problem for every file that
 * looks like one but is not read, with the name to rename it to.
 */
export function scanPosts(dir: string, root = dirname(dir)): { files: string[]; problems: Problem[] } {
  // A new site without a posts/ folder yet has no notices; it is not a crash.
  if (!existsSync(dir)) return { files: [], problems: [] };
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (relative(dir, path).split(sep).some((part) => part.startsWith('_') || part.startsWith('.'))) continue;
    if (entry.name.endsWith('.md')) {
      files.push(path);
      continue;
    }
    const misnamed = MISNAMED_NOTICE.exec(entry.name);
    if (misnamed) {
      problems.push({
        file: relative(root, path).split(sep).join('/'),
        line: 1,
        message: `"${entry.name}" is not read: notice files end in ".md" (lowercase, nothing after it); rename it to "${misnamed[1]!.trim()}.md"`,
      });
    }
  }
  return { files: files.sort(), problems };
}

export interface LoadedNotices {
  notices: Notice[];
  problems: Problem[];
  /** Notice files found. */
  files: number;
  /** Files parsed this time; the rest were unchanged since the last load in this process. */
  parsed: number;
}

/** One file's outcome, kept between loads in a process (`npm start` rebuilds). */
export interface ParsedFile {
  /** SHA-1 of the file's text: an unchanged file is not parsed again. */
  hash: string;
  notice?: Notice;
  problems: Problem[];
}

/**
 * Parse results by absolute path, valid for one config and root. Under
 * `npm start` every rebuild loads the site afresh; only files whose text
 * changed are parsed again, so editing one notice costs one parse.
 */
const parseCache: { key: string; files: Map<string, ParsedFile> } = { key: '', files: new Map() };

export function loadNotices(postsDir: string, config: SiteConfig, root = process.cwd()): LoadedNotices {
  const { files: paths, problems: misnamed } = scanPosts(postsDir, root);
  const key = JSON.stringify([config, resolve(root)]);
  if (parseCache.key !== key) parseCache.files = new Map();
  parseCache.key = key;
  const cached = parseCache.files;

  const results: (ParsedFile | undefined)[] = new Array(paths.length);
  const jobs: ParseJob[] = [];
  paths.forEach((path, index) => {
    const entry = cached.get(path);
    // Reading and hashing is cheap next to parsing; a changed file is parsed again.
    if (entry && entry.hash === hashText(readFileSync(path, 'utf8'))) results[index] = entry;
    else jobs.push({ index, path, file: relative(root, path).split(sep).join('/') });
  });
  const markdown = createMarkdown({ allowHtml: config.allow_html });
  const parsed = parseFiles(jobs, config, (job) => readAndParse(job.path, job.file, config, markdown));
  for (const [index, result] of parsed) results[index] = result;

  const fresh = new Map<string, ParsedFile>();
  const notices: Notice[] = [];
  const problems: Problem[] = [...misnamed];
  paths.forEach((path, index) => {
    const result = results[index]!;
    fresh.set(path, result);
    problems.push(...result.problems);
    if (result.notice) notices.push(result.notice);
  });
  parseCache.files = fresh;
  problems.push(...findUrlCollisions(notices));
  return { notices, problems, files: paths.length, parsed: jobs.length };
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** Reads, hashes and parses one notice file. */
export function readAndParse(path: string, file: string, config: SiteConfig, markdown: MarkdownRenderer): ParsedFile {
  const text = readFileSync(path, 'utf8');
  return { hash: hashText(text), ...parseNotice(text, file, config, markdown) };
}

export function parseNotice(
  text: string,
  file: string,
  config: SiteConfig,
  markdown: MarkdownRenderer = createMarkdown({ allowHtml: config.allow_html }),
): { notice?: Notice; problems: Problem[] } {
  const problems: Problem[] = [];
  const slug = file.split('/').at(-1)!.replace(/\.md$/, '');
  if (!SLUG_PATTERN.test(slug)) {
    const suggestion = slug.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    problems.push({
      file,
      line: 1,
      message: `file name "${slug}.md" is not a valid slug: use lowercase a-z, 0-9 and - only, e.g. "${suggestion}.md"`,
    });
  }

  const unclosed = unclosedFrontMatter(text);
  if (unclosed) return { problems: [...problems, { file, line: unclosed, message: `the front matter is not closed: add a line \`---\` after its last key (line ${unclosed}), before the body` }] };

  // The common shape is split and read by the fast path (src/front-matter.ts);
  // anything else, and every problem's line, comes from gray-matter and `yaml`.
  let split = splitFrontMatter(text);
  if (!split) {
    let frontMatter: string | undefined;
    const parsedFile = grayMatter()(text, {
      engines: {
        yaml: (yamlText: string) => {
          frontMatter = yamlText;
          return {};
        },
      },
    });
    if (frontMatter !== undefined) split = { frontMatter, content: parsedFile.content };
  }
  if (split === undefined) {
    problems.push({ file, line: 1, message: 'no front matter: a notice starts with a `---` line, its keys, and another `---` line' });
    return { problems };
  }
  // gray-matter keeps the newline after the opening `---`, so YAML line N is file line N.
  const { source, data, problems: yamlProblems } = readFrontMatter(split.frontMatter, file);
  if (yamlProblems.length) return { problems: [...problems, ...yamlProblems] };

  const zone = config.timezone;
  const { values, problems: fieldProblems } = validateFields(source, data, schemasFor(zone).notice, REQUIRED_NOTICE_KEYS, [], NOTICE_CHANGES);
  problems.push(...fieldProblems);
  const { type, date } = values;

  const written = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (type !== undefined && type !== 'notice') {
    if (written.services == null) {
      problems.push({ file, line: lineOf(source, ['type']), message: `missing required key \`services\`: ${article(type)} ${type} names the services it affects` });
    }
    if (written.window == null) {
      problems.push({ file, line: lineOf(source, ['type']), message: `missing required key \`window\`: ${article(type)} ${type} needs \`window.start\` and \`window.end\` or \`window.duration\`` });
    }
  }
  if (type === 'notice' && values.window !== undefined) {
    problems.push({ file, line: lineOf(source, ['window'], 'key'), message: 'key `window` is not allowed on a notice of type `notice`; use type `incident` or `maintenance` for a service window' });
  }
  (values.services ?? []).forEach((id, index) => {
    if (!config.services.some((service) => service.id === id)) {
      problems.push({ file, line: lineOf(source, ['services', index]), message: `\`services\`: ${unknownServiceMessage(id, config)}` });
    }
  });

  const window =
    values.window !== undefined && type !== 'notice'
      ? validateWindow(source, values.window, type, zone, problems)
      : undefined;
  const updates = validateUpdates(source, values.updates ?? [], type, date, zone, markdown, problems);

  const body = split.content.trim();
  const bodyIssue = bodyProblem(body, { required: false });
  if (bodyIssue) problems.push({ file, line: text.slice(0, text.length - split.content.length).split('\n').length, message: bodyIssue });

  if (problems.length || type === undefined || date === undefined) return { problems };
  const local = localDate(date, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const rendered = markdown.render(body);
  const notice: Notice = {
    slug,
    file,
    title: values.title!,
    type,
    date,
    authors: values.authors!,
    services: values.services ?? [],
    window,
    impact: values.impact ?? DEFAULT_IMPACT[type],
    updates,
    summary: values.summary ?? cutSummary(rendered.firstParagraph),
    body,
    html: rendered.html,
    draft: values.draft ?? false,
    ...(values.source ? { source: values.source } : {}),
    url: `/${local.year}/${pad(local.month)}/${pad(local.day)}/${slug}/`,
  };
  return { notice, problems };
}

function validateWindow(
  source: YamlSource,
  raw: unknown,
  type: string | undefined,
  zone: string,
  problems: Problem[],
): Window | undefined {
  const file = source.file;
  const { values, problems: windowProblems } = validateFields(source, raw, schemasFor(zone).window, REQUIRED_WINDOW_KEYS, ['window'], NOTICE_CHANGES);
  problems.push(...windowProblems);
  if (windowProblems.length || values.start === undefined) return undefined;
  const { start, end, duration } = values;
  if (end !== undefined && duration !== undefined) {
    problems.push({ file, line: lineOf(source, ['window', 'duration'], 'key'), message: '`window` has both `end` and `duration`; keep one of them' });
    return undefined;
  }
  if (type === 'maintenance' && end === undefined && duration === undefined) {
    problems.push({ file, line: lineOf(source, ['window'], 'key'), message: 'a maintenance needs a planned end: add `window.end` or `window.duration`' });
    return undefined;
  }
  if (end !== undefined && end.getTime() <= start.getTime()) {
    problems.push({
      file,
      line: lineOf(source, ['window', 'end']),
      message: `\`window.end\` (${formatDateTime(end, zone)}) must be after \`window.start\` (${formatDateTime(start, zone)})`,
    });
    return undefined;
  }
  return { start, end: end ?? (duration === undefined ? undefined : addMinutes(start, duration)) };
}

function validateUpdates(
  source: YamlSource,
  raws: unknown[],
  type: keyof typeof STATUSES_FOR_TYPE | undefined,
  date: Date | undefined,
  zone: string,
  markdown: MarkdownRenderer,
  problems: Problem[],
): Update[] {
  const file = source.file;
  const updates: Update[] = [];
  raws.forEach((raw, index) => {
    const path = ['updates', index];
    const { values, problems: updateProblems } = validateFields(source, raw, schemasFor(zone).update, REQUIRED_UPDATE_KEYS, path, NOTICE_CHANGES);
    problems.push(...updateProblems);
    const { at, status = 'update', body } = values;
    if (type !== undefined && values.status !== undefined && !STATUSES_FOR_TYPE[type].includes(status)) {
      problems.push({
        file,
        line: lineOf(source, [...path, 'status']),
        message: `\`updates[${index}].status\`: "${status}" is not a status for ${article(type)} ${type}; use one of ${STATUSES_FOR_TYPE[type].join(', ')}`,
      });
      return;
    }
    if (at !== undefined && date !== undefined && at.getTime() < date.getTime()) {
      problems.push({
        file,
        line: lineOf(source, [...path, 'at']),
        message: `\`updates[${index}].at\` (${formatDateTime(at, zone)}) is before the notice's \`date\` (${formatDateTime(date, zone)}); an update comes at or after publication`,
      });
      return;
    }
    const tooBig = body === undefined ? undefined : bodyProblem(body, { required: false });
    if (tooBig) {
      problems.push({ file, line: lineOf(source, [...path, 'body']), message: `\`updates[${index}].body\`: ${tooBig.replace('the body', 'this update')}` });
      return;
    }
    if (at !== undefined && body !== undefined) updates.push({ at, status, body, html: markdown.toHtml(body) });
  });
  // Stable sort: updates written out of order still read oldest first.
  return updates.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The line of the last key when the file opens front matter with `---` but no
 * line `---` closes it; undefined otherwise. The keys are taken to end at the
 * first blank line.
 */
function unclosedFrontMatter(text: string): number | undefined {
  if (!/^---[^\S\r\n]*\r?\n/.test(text)) return undefined;
  const lines = text.split(/\r?\n/);
  if (lines.slice(1).some((line) => /^---[^\S\r\n]*$/.test(line))) return undefined;
  const blank = lines.findIndex((line, index) => index > 0 && line.trim() === '');
  return blank === -1 ? lines.length : Math.max(1, blank);
}

/** gray-matter, loaded only for a file the fast path leaves to it. */
let matter: typeof import('gray-matter') | undefined;
const grayMatter = () => (matter ??= createRequire(import.meta.url)('gray-matter') as typeof import('gray-matter'));

/**
 * The front matter's data and a source for naming lines. When the fast path
 * reads it, the `yaml` package parses it only if a problem needs a line.
 */
function readFrontMatter(text: string, file: string): { source: YamlSource; data: unknown; problems: Problem[] } {
  const data = readYamlFast(text);
  if (data === undefined) return parseYaml(text, file);
  let full: YamlSource | undefined;
  const parsed = () => (full ??= parseYaml(text, file).source);
  const source: YamlSource = {
    file,
    get doc() {
      return parsed().doc;
    },
    get lineCounter() {
      return parsed().lineCounter;
    },
  };
  return { source, data, problems: [] };
}

/**
 * The field schemas for a zone, built once: constructing zod schemas costs far
 * more than running them, and every notice of a site shares its zone.
 */
const schemaCache = new Map<string, { notice: ReturnType<typeof noticeFields>; window: ReturnType<typeof windowFields>; update: ReturnType<typeof updateFields> }>();
function schemasFor(zone: string) {
  let schemas = schemaCache.get(zone);
  if (!schemas) schemaCache.set(zone, (schemas = { notice: noticeFields(zone), window: windowFields(zone), update: updateFields(zone) }));
  return schemas;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

function findUrlCollisions(notices: Notice[]): Problem[] {
  const byUrl = new Map<string, Notice>();
  const problems: Problem[] = [];
  for (const notice of notices) {
    const first = byUrl.get(notice.url);
    if (first) {
      problems.push({
        file: notice.file,
        line: 1,
        message: `this notice would have the same URL ${notice.url} as ${first.file}; rename one of the files`,
      });
    } else {
      byUrl.set(notice.url, notice);
    }
  }
  return problems;
}
