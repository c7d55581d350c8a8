/**
 * What `new` and `update` share: the site config and "now", line-by-line
 * questions on the terminal, and the parsers that check a value the same way
 * whether it was typed at a question or given as a flag.
 *
 * A question checks each answer on the spot and asks again until it is valid.
 * Lines are queued as they arrive, so answers typed ahead (or piped in by a
 * script) are not lost between questions.
 */
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type * as z from '../content/zod.ts';
import { loadConfig, type SiteConfig } from '../content/config.ts';
import { didYouMean } from '../content/problems.ts';
import { CONFIG_FILE, resolveNow } from '../site/load-site.ts';
import { ProblemsError, usageError } from './command.ts';

/** Checks one answer or flag value: returns what it means, or throws an Error saying what is wrong. */
export type Parse<T> = (text: string) => T;

/**
 * The site config under `root` and the command's "now" (STATUS_NOW or the
 * clock); a problem with either is thrown as file:line: message (exit 1).
 */
export function loadConfigAndNow(root: string): { config: SiteConfig; now: Date } {
  const { config, problems } = loadConfig(join(root, CONFIG_FILE), CONFIG_FILE);
  if (!config) throw new ProblemsError(problems);
  return { config, now: resolveNow(config.timezone) };
}

/**
 * A flag's value checked by the parser its question uses, so a bad flag gets
 * the message the question would give, as a usage mistake (exit 2);
 * undefined when the flag was not given.
 */
export function fromFlag<T>(name: string, value: string | undefined, parse: Parse<T>): T | undefined {
  if (value === undefined) return undefined;
  try {
    return parse(value);
  } catch (error) {
    usageError(`--${name}: ${(error as Error).message}`);
  }
}

/** A parser from a front-matter field schema (src/notice.ts): its rules and its messages. */
export function fromSchema<S extends z.ZodType>(schema: S): (value: unknown) => z.output<S> {
  return (value) => {
    const result = schema.safeParse(value);
    if (!result.success) throw new Error(result.error.issues[0]!.message);
    return result.data;
  };
}

/** A comma-separated list, items trimmed, empty items dropped. */
export const list = (text: string): string[] => text.split(',').map((item) => item.trim()).filter(Boolean);

export class Prompter {
  private readonly rl: Interface;
  private readonly lines: string[] = [];
  private waiting?: (line: string | undefined) => void;
  private ended = false;

  constructor(
    input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
  ) {
    this.rl = createInterface({ input, terminal: false });
    this.rl.on('line', (line) => this.deliver(line));
    this.rl.on('close', () => {
      this.ended = true;
      this.deliver(undefined);
    });
  }

  private deliver(line: string | undefined): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve(line);
    } else if (line !== undefined) {
      this.lines.push(line);
    }
  }

  private nextLine(): Promise<string | undefined> {
    if (this.lines.length) return Promise.resolve(this.lines.shift());
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** Asks until `parse` accepts the answer (returning a value) or throws with a reason. */
  async ask<T>(question: string, parse: (answer: string) => T, fallback?: string): Promise<T> {
    for (;;) {
      this.output.write(fallback !== undefined && fallback !== '' ? `${question} [${fallback}]: ` : `${question}: `);
      const line = await this.nextLine();
      if (line === undefined) usageError(`no answer to "${question}": the input ended (give it as a flag, see --help)`);
      const answer = line.trim();
      try {
        return parse(answer === '' && fallback !== undefined ? fallback : answer);
      } catch (error) {
        this.output.write(`  ${(error as Error).message}\n`);
      }
    }
  }

  close(): void {
    this.rl.close();
  }
}

/** One of `options`, case-insensitive. */
export function oneOf<T extends string>(options: readonly T[]): Parse<T> {
  return (answer) => {
    const match = options.find((option) => option === answer.toLowerCase());
    if (!match) throw new Error(`"${answer}" is not valid${didYouMean(answer.toLowerCase(), options)}; use one of ${options.join(', ')}`);
    return match;
  };
}
