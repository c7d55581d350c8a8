/**
 * What a notice is (spec §1): its front-matter schema and its validated shape.
 */
import * as z from './zod.ts';
import { FORMATS, type Format } from '../ingest/alert.ts';
import { parseDuration, parseTime } from '../time/time.ts';

export const NOTICE_TYPES = ['incident', 'maintenance', 'notice'] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

export const IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
export type Impact = (typeof IMPACTS)[number];

export const DEFAULT_IMPACT: Record<NoticeType, Impact> = { incident: 'major', maintenance: 'minor', notice: 'none' };

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const MAINTENANCE_STATUSES = ['scheduled', 'in-progress', 'completed', 'cancelled'] as const;
export const UPDATE_STATUSES = [...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES, 'update'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

/** Which update statuses each type of notice may use. */
export const STATUSES_FOR_TYPE: Record<NoticeType, readonly UpdateStatus[]> = {
  incident: [...INCIDENT_STATUSES, 'update'],
  maintenance: [...MAINTENANCE_STATUSES, 'update'],
  notice: ['update'],
};

export interface Update {
  at: Date;
  status: UpdateStatus;
  /** Markdown as written. */
  body: string;
  html: string;
}

export interface Window {
  start: Date;
  /**
   * The end as written (`end`, or `start` + `duration`); absent for an incident
   * written without one. An incident's end as derived (the written end, else
   * its `resolved` update) is incidentEnd() in state.ts.
   */
  end?: Date;
}

export interface Notice {
  slug: string;
  /** Source file, relative to the project root. */
  file: string;
  title: string;
  type: NoticeType;
  date: Date;
  authors: string[];
  services: string[];
  window?: Window;
  impact: Impact;
  /** Oldest first. */
  updates: Update[];
  summary: string;
  /** Markdown as written. */
  body: string;
  html: string;
  draft: boolean;
  /** The monitoring alert this notice was opened for (`npm run ingest`, docs/ingest.md). */
  source?: NoticeSource;
  /** Site-relative permalink, `/YYYY/MM/DD/<slug>/`. */
  url: string;
}

export interface NoticeSource {
  type: Format;
  /** The alert's fingerprint or id in that system. */
  id: string;
}

/** The longest a title and a summary written in the front matter may be (characters). */
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 300;

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((text) => !/[\r\n]/.test(text), { error: 'must be one line of plain text' });

/** A time as spec §2 writes it, read in `zone` when it has no offset. */
export const timeSchema = (zone: string) =>
  z.string({ error: 'expected a time like 2008-09-30 00:01' }).transform((text, ctx) => {
    const parsed = parseTime(text, zone);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  });

export const durationSchema = z
  .union([z.string(), z.number()], { error: 'expected a duration like 5m, 90m, 2h, 1h30m or 3d' })
  .transform((text, ctx) => {
    const parsed = parseDuration(String(text));
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  });

export const noticeFields = (zone: string) => ({
  title: oneLine(TITLE_MAX),
  type: z.enum(NOTICE_TYPES),
  date: timeSchema(zone),
  authors: z
    .union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)], {
      error: 'expected a name or a non-empty list of names, e.g. [Jared, Nathan]',
    })
    .transform((value) => (Array.isArray(value) ? value : [value])),
  services: z.array(z.string(), { error: 'expected a list of service ids, e.g. [dsl, imap]' }).min(1, {
    error: 'must name at least one service',
  }),
  window: z.unknown(),
  impact: z.enum(IMPACTS),
  updates: z.array(z.unknown(), { error: 'expected a list of updates, each with at, status and body' }),
  summary: oneLine(SUMMARY_MAX),
  draft: z.boolean(),
  source: z.strictObject({
    type: z.enum(FORMATS),
    id: z.string({ error: 'expected the alert\'s id as a string, e.g. "1a30ba71cca2921f"' }).min(1),
  }),
});

/** Keys every notice must have; the schemas for editors mark the others optional (json-schemas.ts). */
export const REQUIRED_NOTICE_KEYS = ['title', 'type', 'date', 'authors'] as const satisfies readonly (keyof ReturnType<typeof noticeFields>)[];

export const windowFields = (zone: string) => ({
  start: timeSchema(zone),
  end: timeSchema(zone),
  duration: durationSchema,
});

/** A window needs its start; `end` or `duration` is checked across keys (parse-notice.ts). */
export const REQUIRED_WINDOW_KEYS = ['start'] as const satisfies readonly (keyof ReturnType<typeof windowFields>)[];

export const updateFields = (zone: string) => ({
  at: timeSchema(zone),
  status: z.enum(UPDATE_STATUSES),
  body: z.string().trim().min(1, { error: 'must not be empty' }),
});

export const REQUIRED_UPDATE_KEYS = ['at', 'body'] as const satisfies readonly (keyof ReturnType<typeof updateFields>)[];

/**
 * The most a body (or an update's body) may hold, in bytes of UTF-8. Every
 * body goes into its page and into each feed, so a pasted 5 MB log would make
 * a 10 MB page and three 10 MB feeds; a body is words for customers, a log is
 * linked.
 */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** How long a summary made from the body's first paragraph may be (characters), cut at a word. */
export const SUMMARY_LENGTH = 200;

/**
 * Text that only a template or an unfinished draft holds: the hints older
 * versions of `npm run new` wrote as the body, and filler text.
 */
export const PLACEHOLDER_TEXTS = [
  'Describe what customers see',
  'Describe the work, what customers may notice',
  'Describe the change and what it means for customers',
  'Lorem ipsum',
] as const;

/** What is wrong with a body as written (trimmed), or undefined: empty, a placeholder, too big. */
export function bodyProblem(body: string, { required = true } = {}): string | undefined {
  if (required && body === '') return 'the body is empty: say what customers see, in a sentence or two';
  const lower = body.toLowerCase();
  const placeholder = PLACEHOLDER_TEXTS.find((text) => lower.includes(text.toLowerCase()));
  if (placeholder) return `the body still holds the placeholder "${placeholder}…": replace it with what customers see`;
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > BODY_LIMIT_BYTES) {
    return `the body is ${formatBytes(bytes)}, over the limit of ${formatBytes(BODY_LIMIT_BYTES)} (it goes into the page and every feed): keep a summary for customers and link to the log or details instead of pasting them`;
  }
  return undefined;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** `text` cut to SUMMARY_LENGTH characters at a word boundary, with "…" when cut. */
export function cutSummary(text: string, length = SUMMARY_LENGTH): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.search(/\s\S*$/);
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}
