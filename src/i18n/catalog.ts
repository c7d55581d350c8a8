/**
 * The shipped locale files (`src/i18n/locales/<id>.json`): which exist, which
 * one a site's `language` picks, and each file read and checked against the
 * English one, which defines every key. A message is a string with `{name}`
 * placeholders, or plural forms by `Intl.PluralRules` category.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as z from '../content/zod.ts';

const LOCALES_DIR = new URL('./locales/', import.meta.url);

/** The locale every other is checked against, and the one that keeps today's English output. */
export const SOURCE_LOCALE = 'en';

const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const pluralForms = z.partialRecord(z.enum(PLURAL_CATEGORIES), z.string()).refine((forms) => forms.other !== undefined, {
  error: 'plural forms need at least "other"',
});
export const messageSchema = z.union([z.string(), pluralForms]);
export type Message = z.infer<typeof messageSchema>;
export type Messages = Record<string, Message>;

const localeFileSchema = z.record(z.string(), messageSchema);

/** Ids of the shipped locales, sorted: "ar", "de", "en", … */
export function shippedLocales(): string[] {
  return readdirSync(LOCALES_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

/**
 * The shipped locale for a language tag: the tag itself, else its language
 * ("de-AT" -> "de"), compared without case; undefined when none is shipped.
 */
export function resolveLocaleId(language: string, shipped = shippedLocales()): string | undefined {
  const wanted = language.toLowerCase();
  const exact = shipped.find((id) => id.toLowerCase() === wanted);
  if (exact) return exact;
  const base = wanted.split('-')[0];
  return shipped.find((id) => id.toLowerCase() === base);
}

/** One locale file as written; throws with the file and the key when it is not a valid locale file. */
export function readLocaleFile(id: string): Messages {
  const path = new URL(`${id}.json`, LOCALES_DIR);
  const parsed = localeFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`src/i18n/locales/${id}.json: \`${issue.path.join('.')}\`: ${issue.message}`);
  }
  return parsed.data;
}

/** The `{name}` placeholders of a message, sorted, over all its forms. */
export function placeholders(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  const names = new Set<string>();
  for (const text of texts) for (const match of text!.matchAll(/\{(\w+)\}/g)) names.add(match[1]!);
  return [...names].sort();
}

/**
 * What is wrong with a locale's messages measured against the English ones:
 * keys missing or extra, a plural where English has a string (or the other
 * way), placeholders that differ. Empty when the locale is complete.
 */
export function localeProblems(messages: Messages, source: Messages): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(source)) if (!(key in messages)) problems.push(`missing key \`${key}\``);
  for (const [key, message] of Object.entries(messages)) {
    const english = source[key];
    if (english === undefined) {
      problems.push(`key \`${key}\` is not in the English file`);
      continue;
    }
    problems.push(...messageProblems(key, message, english));
  }
  if (messages['meta.dir'] !== undefined && !['ltr', 'rtl'].includes(messages['meta.dir'] as string)) problems.push('`meta.dir` must be ltr or rtl');
  return problems;
}

/** A message against the English one for the same key: same shape, same placeholders. */
export function messageProblems(key: string, message: Message, english: Message): string[] {
  if ((typeof message === 'string') !== (typeof english === 'string')) {
    return [`\`${key}\` must be ${typeof english === 'string' ? 'a string' : 'plural forms, e.g. {one: …, other: …}'}`];
  }
  const want = placeholders(english).filter((name) => name !== 'count');
  const have = placeholders(message).filter((name) => name !== 'count');
  if (want.join() !== have.join()) {
    return [`\`${key}\` must use the placeholders ${want.length ? want.map((name) => `{${name}}`).join(', ') : '(none)'}, not ${have.length ? have.map((name) => `{${name}}`).join(', ') : '(none)'}`];
  }
  return [];
}
