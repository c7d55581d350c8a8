/**
 * The i18n keys of `site.config.yaml`: `language` must have a shipped locale
 * (or its base language must), and each `strings:` override must name a key
 * of the locale files and keep its message's shape and placeholders.
 */
import * as z from '../content/zod.ts';
import { didYouMean, type Problem } from '../content/problems.ts';
import { lineOf, type YamlSource } from '../content/yaml-source.ts';
import { messageProblems, messageSchema, readLocaleFile, resolveLocaleId, shippedLocales, SOURCE_LOCALE, type Messages } from './catalog.ts';

export const clockField = z.enum(['12h', '24h'], { error: 'must be 12h or 24h' });
export const stringsField = z.record(z.string(), messageSchema, { error: 'must map message keys to text, e.g. home.asof: "Status as of {time}"' });

/** Problems with `language` and `strings`, each at its line. */
export function localeConfigProblems(source: YamlSource, language: string | undefined, strings: Messages | undefined): Problem[] {
  const problems: Problem[] = [];
  const shipped = shippedLocales();
  if (language !== undefined && !resolveLocaleId(language, shipped)) {
    problems.push({
      file: source.file,
      line: lineOf(source, ['language']),
      message: `\`language\`: no locale is shipped for "${language}"; shipped languages are ${shipped.join(', ')} (docs/languages.md says how to add one)`,
    });
  }
  if (!strings) return problems;
  const english = readLocaleFile(SOURCE_LOCALE);
  const keys = Object.keys(english);
  for (const [key, message] of Object.entries(strings)) {
    const line = lineOf(source, ['strings', key], 'key');
    const reference = english[key];
    if (reference === undefined) {
      problems.push({ file: source.file, line, message: `\`strings\`: unknown message key \`${key}\`${didYouMean(key, keys)}; the keys are those of src/i18n/locales/en.json` });
      continue;
    }
    for (const text of messageProblems(key, message, reference)) problems.push({ file: source.file, line, message: `\`strings\`: ${text}` });
  }
  return problems;
}
