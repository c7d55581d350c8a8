/**
 * Validates a YAML mapping key by key with zod, turning every zod issue into a
 * Problem that names the file, the line, the key and what would be valid.
 *
 * Each key is checked on its own so one bad key does not hide the others, and
 * the keys that are valid come back for the cross-key checks that follow.
 * `changes` (src/content/changed-keys.ts) turns an unknown or invalid key that
 * changed between versions into a message naming the change and the fix.
 */
import type * as z from './zod.ts';
import { didYouMean, type Problem } from './problems.ts';
import { changedKey, changedKeyMessage, type ChangedKey } from './changed-keys.ts';
import { keyName, lineOf, type KeyPath, type YamlSource } from './yaml-source.ts';

export type FieldSchemas = Record<string, z.ZodType>;

export type Validated<F extends FieldSchemas> = { [K in keyof F]?: z.output<F[K]> };

/** What a fast path returns when it is not sure: the key's schema then decides, and words any problem. */
export const UNSURE: unique symbol = Symbol('unsure');

/**
 * Cheap checks for the common, valid value of a key, used before its zod
 * schema: each returns exactly what the schema would return for that value,
 * or UNSURE for anything else (every problem is still the schema's). Running
 * a zod schema costs several microseconds; a site validates tens of
 * thousands of values per build (src/content/notice-fast-paths.ts).
 */
export type FastPaths<F extends FieldSchemas> = { [K in keyof F]?: (value: unknown) => z.output<F[K]> | typeof UNSURE };

export function validateFields<F extends FieldSchemas>(
  source: YamlSource,
  data: unknown,
  fields: F,
  required: readonly (keyof F & string)[],
  path: KeyPath = [],
  changes: readonly ChangedKey[] = [],
  fast: FastPaths<F> = {},
): { values: Validated<F>; problems: Problem[] } {
  const problems: Problem[] = [];
  const values: Validated<F> = {};
  const where = path.length ? ` in \`${keyName(path)}\`` : '';
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.push({
      file: source.file,
      line: lineOf(source, path),
      message: `expected a mapping of keys${where} (${Object.keys(fields).join(', ')})`,
    });
    return { values, problems };
  }
  const record = data as Record<string, unknown>;
  const known = Object.keys(fields);
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) {
      const changed = changedKey(changes, [...path, key], 'unknown');
      problems.push({
        file: source.file,
        line: lineOf(source, [...path, key], 'key'),
        message: changed
          ? changedKeyMessage(changed, [...path, key])
          : `unknown key \`${key}\`${where}${didYouMean(key, known)}; valid keys are ${known.join(', ')}`,
      });
    }
  }
  for (const key of required) {
    if (record[key] === undefined || record[key] === null) {
      problems.push({
        file: source.file,
        line: lineOf(source, path.length ? path : [key], 'key'),
        message: `missing required key \`${keyName([...path, key])}\``,
      });
    }
  }
  for (const key of known) {
    const value = record[key];
    if (value === undefined || value === null) continue;
    const quick = fast[key]?.(value) ?? UNSURE;
    if (quick !== UNSURE) {
      (values as Record<string, unknown>)[key] = quick;
      continue;
    }
    const result = fields[key]!.safeParse(value, { reportInput: true });
    if (result.success) {
      (values as Record<string, unknown>)[key] = result.data;
    } else {
      problems.push(...issuesToProblems(source, [...path, key], result.error.issues, changes));
    }
  }
  return { values, problems };
}

export function issuesToProblems(source: YamlSource, base: KeyPath, issues: readonly z.core.$ZodIssue[], changes: readonly ChangedKey[] = []): Problem[] {
  return issues.map((issue) => {
    const path = [...base, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0]!;
      const changed = issue.keys.length === 1 ? changedKey(changes, [...path, key], 'unknown') : undefined;
      if (changed) return { file: source.file, line: lineOf(source, [...path, key], 'key'), message: changedKeyMessage(changed, [...path, key]) };
      return {
        file: source.file,
        line: lineOf(source, [...path, key], 'key'),
        message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')} in \`${keyName(path)}\``,
      };
    }
    const changed = changedKey(changes, path, 'invalid');
    const note = changed ? ` (${changedKeyMessage(changed, path)})` : '';
    return { file: source.file, line: lineOf(source, path), message: `\`${keyName(path)}\`: ${describeIssue(issue, path.at(-1))}${note}` };
  });
}

/** What a list of each key holds, for "give at least one name". */
const ITEM_NOUNS: Record<string, string> = { authors: 'name', services: 'service', updates: 'update' };

/**
 * A zod issue in the project's voice (`authors: give at least one name`,
 * `draft: write true or false, not "yes"`). A schema's own message says what
 * is valid and is kept; zod's defaults ("Too small: expected array to have
 * >=1 items") are never shown.
 */
function describeIssue(issue: z.core.$ZodIssue, key: string | number | undefined): string {
  const input = 'input' in issue ? issue.input : undefined;
  const shown = typeof input === 'string' ? `"${input}"` : JSON.stringify(input);
  const own = !/^(Invalid|Too (small|big)|Expected|Unrecognized)\b/.test(issue.message);
  switch (issue.code) {
    case 'invalid_value': {
      const options = issue.values.map(String);
      const guess = typeof input === 'string' ? didYouMean(input, options) : '';
      return `${shown} is not valid${guess}; use one of ${options.join(', ')}`;
    }
    case 'invalid_type':
      if (own) return `${issue.message}, got ${shown}`;
      if (issue.expected === 'boolean') return `write true or false, not ${shown}`;
      if (issue.expected === 'array') return `write a list, e.g. [a, b], not ${shown}`;
      if (issue.expected === 'number' || issue.expected === 'int') return `write a number, not ${shown}`;
      if (issue.expected === 'string') return `write text, not ${shown}`;
      return `write ${issue.expected}, not ${shown}`;
    case 'too_small':
      if (own) return issue.message;
      if (issue.origin === 'array') {
        const noun = ITEM_NOUNS[String(key)] ?? 'item';
        return Number(issue.minimum) === 1 ? `give at least one ${noun}` : `give at least ${issue.minimum} ${noun}s`;
      }
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (own) return issue.message;
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `must have at most ${issue.maximum} items`;
      return `must be at most ${issue.maximum}`;
    default:
      return own ? issue.message : `${shown} is not valid here`;
  }
}
