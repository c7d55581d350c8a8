/**
 * A site's locale, made once per build from its config: every message the
 * pages, feeds and scripts show (the shipped locale file with the site's
 * `strings` overrides on top), plural forms by Intl.PluralRules, and the
 * locale's own date, number and list formats. Templates only look up.
 */
import { readLocaleFile, resolveLocaleId, SOURCE_LOCALE, type Message, type Messages } from './catalog.ts';
import { dateFormats, type Clock, type DateFormats } from './dates.ts';

export interface LocaleOptions {
  /** The site's `language`, e.g. "de-AT". */
  language: string;
  clock?: Clock;
  /** The site's `strings` overrides, already checked (see stringsProblems). */
  strings?: Messages;
}

type Values = Record<string, string | number>;

export interface Locale {
  /** The tag pages carry in `lang`: the site's `language`. */
  language: string;
  /** The shipped locale file used, e.g. "de" for "de-AT". */
  id: string;
  dir: 'ltr' | 'rtl';
  /** The message for `key` with its `{name}` placeholders filled. */
  t(key: string, values?: Values): string;
  /** A plural message for `count` ("3 notices"); `{count}` is the number in the locale's digits. */
  count(key: string, count: number, values?: Values): string;
  /** The raw message, for the page script's own plurals. */
  message(key: string): Message;
  number(value: number): string;
  /** A window's length: "1 h 30 min", "3 days". */
  duration(minutes: number): string;
  /** ["Jared", "Nathan"] -> "Jared and Nathan" */
  list(items: readonly string[]): string;
  dates: DateFormats;
}

/** Throws for a language no locale is shipped for: config validation reports that first, as a problem. */
export function createLocale({ language, clock, strings = {} }: LocaleOptions): Locale {
  const id = resolveLocaleId(language);
  if (!id) throw new Error(`no locale is shipped for language "${language}"`);
  const messages: Messages = { ...readLocaleFile(SOURCE_LOCALE), ...readLocaleFile(id), ...strings };
  const plurals = new Intl.PluralRules(language);
  const numbers = new Intl.NumberFormat(language);
  // Pages write the same counts and minutes thousands of times (every cell of the availability
  // tables), and each Intl call costs a microsecond or two: each whole number is formatted once.
  // Whole numbers only (a period's minutes, counts), and not -0, which Intl writes as "-0" but a Map
  // key takes for 0; bounded, as a long preview session writes many.
  const wholeNumbers = new Map<number, string>();
  const formatNumber = (value: number): string => {
    if (!Number.isSafeInteger(value) || Object.is(value, -0)) return numbers.format(value);
    let text = wholeNumbers.get(value);
    if (text === undefined) {
      if (wholeNumbers.size >= 100_000) wholeNumbers.clear();
      wholeNumbers.set(value, (text = numbers.format(value)));
    }
    return text;
  };
  const lists = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
  const message = (key: string): Message => {
    const found = messages[key];
    if (found === undefined) throw new Error(`no message \`${key}\` in the locale files`);
    return found;
  };
  // A message is split at its placeholders once (text, name, text, …), not searched on every use:
  // pages ask for the same few messages thousands of times. One without a placeholder is itself.
  const pieces = new Map<string, string[]>();
  const fill = (text: string, values: Values) => {
    if (!text.includes('{')) return text;
    let parts = pieces.get(text);
    if (!parts) pieces.set(text, (parts = text.split(/\{(\w+)\}/)));
    let out = parts[0]!;
    for (let index = 1; index < parts.length; index += 2) {
      const name = parts[index]!;
      out += (name in values ? String(values[name]) : `{${name}}`) + parts[index + 1]!;
    }
    return out;
  };
  // The locale file says which way its script runs (`meta.dir`: ltr, or rtl for Arabic, Hebrew, Persian).
  const dir = messages['meta.dir'] === 'rtl' ? 'rtl' : 'ltr';
  const t = (key: string, values: Values = {}) => {
    const found = message(key);
    return fill(typeof found === 'string' ? found : found.other!, values);
  };
  const count = (key: string, n: number, values: Values = {}) => {
    const found = message(key);
    const form = typeof found === 'string' ? found : (found[plurals.select(n)] ?? found.other!);
    return fill(form, { ...values, count: formatNumber(n) });
  };
  const duration = (minutes: number) => {
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const rest = minutes % 60;
    const parts: string[] = [];
    if (days) parts.push(count('duration.days', days));
    if (hours) parts.push(t('duration.hours', { count: formatNumber(hours) }));
    if (rest || !parts.length) parts.push(t('duration.minutes', { count: formatNumber(rest) }));
    return parts.join(' ');
  };
  // Plain functions, not methods: templates may take them apart ({ t } = locale).
  return {
    language,
    id,
    dir,
    message,
    t,
    count,
    duration,
    number: formatNumber,
    list: (items) => lists.format(items),
    dates: dateFormats(language, clock),
  };
}
