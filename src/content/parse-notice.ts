/**
 * One notice file's text to a validated notice, or every problem in it with
 * its line (spec §2-§4): the front matter's keys, the window, the updates,
 * the body. Pure: no file system, so `update`, `ingest` and tests use it too.
 */
import { SLUG_PATTERN, unknownServiceMessage, type SiteConfig } from './config.ts';
import { validateFields } from './fields.ts';
import { readFrontMatter, splitFrontMatter, unclosedFrontMatter } from './front-matter.ts';
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
import type { Problem } from './problems.ts';
import { addMinutes } from '../time/time.ts';
import { lineOf, type YamlSource } from './yaml-source.ts';
import { formatDateTime, localDate } from '../time/zoned-format.ts';
import { changedKeysOf } from './changed-keys.ts';
import { noticeFastPaths, updateFastPaths, windowFastPaths } from './notice-fast-paths.ts';

/** Front-matter keys that changed between versions (src/content/changed-keys.ts). */
const NOTICE_CHANGES = changedKeysOf('notice');

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

  // Split and read as front-matter.ts does for every caller: a fast path for
  // the common shape, gray-matter and `yaml` (with every problem's line) otherwise.
  const split = splitFrontMatter(text);
  if (split === undefined) {
    problems.push({ file, line: 1, message: 'no front matter: a notice starts with a `---` line, its keys, and another `---` line' });
    return { problems };
  }
  // gray-matter keeps the newline after the opening `---`, so YAML line N is file line N.
  const { source, data, problems: yamlProblems } = readFrontMatter(split.frontMatter, file);
  if (yamlProblems.length) return { problems: [...problems, ...yamlProblems] };

  const zone = config.timezone;
  const { values, problems: fieldProblems } = validateFields(source, data, schemasFor(zone).notice, REQUIRED_NOTICE_KEYS, [], NOTICE_CHANGES, schemasFor(zone).fast.notice);
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
  const { values, problems: windowProblems } = validateFields(source, raw, schemasFor(zone).window, REQUIRED_WINDOW_KEYS, ['window'], NOTICE_CHANGES, schemasFor(zone).fast.window);
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
    const { values, problems: updateProblems } = validateFields(source, raw, schemasFor(zone).update, REQUIRED_UPDATE_KEYS, path, NOTICE_CHANGES, schemasFor(zone).fast.update);
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
 * The field schemas for a zone and their fast paths, built once: constructing
 * zod schemas costs far more than running them, and every notice of a site
 * shares its zone.
 */
const schemaCache = new Map<string, ReturnType<typeof buildSchemas>>();
function schemasFor(zone: string) {
  let schemas = schemaCache.get(zone);
  if (!schemas) schemaCache.set(zone, (schemas = buildSchemas(zone)));
  return schemas;
}

function buildSchemas(zone: string) {
  return {
    notice: noticeFields(zone),
    window: windowFields(zone),
    update: updateFields(zone),
    fast: { notice: noticeFastPaths(zone), window: windowFastPaths(zone), update: updateFastPaths(zone) },
  };
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');
