/**
 * Validates a YAML mapping key by key with zod, turning every zod issue into a
 * Problem that names the file, the line, the key and what would be valid.
 *
 * Each key is checked on its own so one bad key does not hide the others, and
 * the keys that are valid come back for the cross-key checks that follow.
 */
import type { z } from 'zod';
import { didYouMean, type Problem } from './problems.ts';
import { keyName, lineOf, type KeyPath, type YamlSource } from './yaml-source.ts';

export type FieldSchemas = Record<string, z.ZodType>;

export type Validated<F extends FieldSchemas> = { [K in keyof F]?: z.output<F[K]> };

export function validateFields<F extends FieldSchemas>(
  source: YamlSource,
  data: unknown,
  fields: F,
  required: readonly (keyof F & string)[],
  path: KeyPath = [],
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
      problems.push({
        file: source.file,
        line: lineOf(source, [...path, key], 'key'),
        message: `unknown key \`${key}\`${where}${didYouMean(key, known)}; valid keys are ${known.join(', ')}`,
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
    const result = fields[key]!.safeParse(value, { reportInput: true });
    if (result.success) {
      (values as Record<string, unknown>)[key] = result.data;
    } else {
      problems.push(...issuesToProblems(source, [...path, key], result.error.issues));
    }
  }
  return { values, problems };
}

export function issuesToProblems(source: YamlSource, base: KeyPath, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => {
    const path = [...base, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0]!;
      return {
        file: source.file,
        line: lineOf(source, [...path, key], 'key'),
        message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')} in \`${keyName(path)}\``,
      };
    }
    return { file: source.file, line: lineOf(source, path), message: `\`${keyName(path)}\`: ${describeIssue(issue)}` };
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const input = 'input' in issue ? issue.input : undefined;
  const shown = typeof input === 'string' ? `"${input}"` : JSON.stringify(input);
  switch (issue.code) {
    case 'invalid_value': {
      const options = issue.values.map(String);
      const guess = typeof input === 'string' ? didYouMean(input, options) : '';
      return `${shown} is not valid${guess}; use one of ${options.join(', ')}`;
    }
    case 'invalid_type':
      // A schema's own message ("expected a time like 2008-09-30 00:01") says what is valid; zod's default does not.
      if (!issue.message.startsWith('Invalid input')) return `${issue.message}, got ${shown}`;
      return `expected ${issue.expected === 'array' ? 'a list' : issue.expected}, got ${shown}`;
    default:
      return issue.message;
  }
}
