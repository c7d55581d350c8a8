/**
 * Fast paths (fields.ts) for the keys of a notice, its window and its
 * updates: the shapes nearly every file has, read without running zod. Each
 * accepts only what its schema in notice.ts certainly accepts and returns
 * what that schema returns; anything else (a wrong type, an empty or long
 * value, a time parseTime refuses, a `source`) goes to the schema, which
 * words the problem. tests/notice-fast-paths.test.ts checks both agree.
 */
import { UNSURE, type FastPaths } from './fields.ts';
import {
  IMPACTS,
  NOTICE_TYPES,
  SUMMARY_MAX,
  TITLE_MAX,
  UPDATE_STATUSES,
  type noticeFields,
  type updateFields,
  type windowFields,
} from './notice.ts';
import { parseDuration, parseTime } from '../time/time.ts';

/** `oneLine(max)`: trimmed text of 1 to `max` UTF-16 units (so at most `max` code points) on one line. */
const oneLine = (max: number) => (value: unknown) => {
  if (typeof value !== 'string') return UNSURE;
  const text = value.trim();
  return text.length >= 1 && text.length <= max && !/[\r\n]/.test(text) ? text : UNSURE;
};

/** `z.enum(values)`: one of the values, as written. */
const oneOf = <T extends string>(values: readonly T[]) => {
  const allowed: ReadonlySet<unknown> = new Set(values);
  return (value: unknown) => (allowed.has(value) ? (value as T) : UNSURE);
};

/** A non-empty text after trimming, trimmed. */
const trimmed = (value: unknown) => {
  if (typeof value !== 'string') return UNSURE;
  const text = value.trim();
  return text.length >= 1 ? text : UNSURE;
};

/** `timeSchema(zone)`: a time parseTime accepts. */
const time = (zone: string) => (value: unknown) => {
  if (typeof value !== 'string') return UNSURE;
  const parsed = parseTime(value, zone);
  return parsed.ok ? parsed.value : UNSURE;
};

/** Each item of a list through `item`, in a new list; UNSURE when any item is. */
const listOf = <T>(value: unknown, item: (value: unknown) => T | typeof UNSURE): T[] | typeof UNSURE => {
  if (!Array.isArray(value)) return UNSURE;
  const items: T[] = [];
  for (let i = 0; i < value.length; i++) {
    const read = item(value[i]);
    if (read === UNSURE) return UNSURE;
    items.push(read);
  }
  return items;
};

const plainText = (value: unknown) => (typeof value === 'string' ? value : UNSURE);

export const noticeFastPaths = (zone: string): FastPaths<ReturnType<typeof noticeFields>> => ({
  title: oneLine(TITLE_MAX),
  type: oneOf(NOTICE_TYPES),
  date: time(zone),
  authors: (value) => {
    if (typeof value === 'string') {
      const name = trimmed(value);
      return name === UNSURE ? UNSURE : [name];
    }
    return Array.isArray(value) && value.length >= 1 ? listOf(value, trimmed) : UNSURE;
  },
  services: (value) => (Array.isArray(value) && value.length >= 1 ? listOf(value, plainText) : UNSURE),
  window: (value) => value,
  impact: oneOf(IMPACTS),
  updates: (value) => listOf(value, (update) => update),
  summary: oneLine(SUMMARY_MAX),
  draft: (value) => (typeof value === 'boolean' ? value : UNSURE),
});

export const windowFastPaths = (zone: string): FastPaths<ReturnType<typeof windowFields>> => ({
  start: time(zone),
  end: time(zone),
  duration: (value) => {
    if (typeof value !== 'string') return UNSURE;
    const parsed = parseDuration(value);
    return parsed.ok ? parsed.value : UNSURE;
  },
});

export const updateFastPaths = (zone: string): FastPaths<ReturnType<typeof updateFields>> => ({
  at: time(zone),
  status: oneOf(UPDATE_STATUSES),
  body: trimmed,
});
