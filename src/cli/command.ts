/**
 * What every command (build, check, new, update, schema, bench, start) does
 * with a failure, in one place, so they all answer a mistake the same way:
 *
 * - a usage mistake (a bad flag, a missing file): one line naming the flag or
 *   file and the fix, exit 2 (UsageError);
 * - problems in the content: `path:line: message` lines, exit 1
 *   (InvalidInputError, or ProblemsError with a closing line);
 * - anything unexpected: one line and how to see the details, exit 1; with
 *   `DEBUG=noticeboard` the stack too.
 *
 * `parseFlags` is node:util's parseArgs with its errors turned into usage
 * mistakes (with the nearest flag for a typo), and a value that starts with a
 * dash (`--body "- still down"`, `--body -`) taken as the value it is.
 */
import { parseArgs } from 'node:util';
import { formatProblem, InvalidInputError, nearest, type Problem } from '../content/problems.ts';

/** The command line asked for something it cannot do: exit 2 with this one line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Problems in the content, printed as `path:line: message`, then `footer`; exit 1. */
export class ProblemsError extends Error {
  override name = 'ProblemsError';
  constructor(
    readonly problems: Problem[],
    readonly footer?: string,
  ) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export function usageError(message: string): never {
  throw new UsageError(message);
}

export const DEBUG_HINT = 'run with DEBUG=noticeboard for details';

/** Whether `DEBUG` names noticeboard (`DEBUG=noticeboard`, `DEBUG=noticeboard,Eleventy*`, `DEBUG=*`). */
export function debugging(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.DEBUG ?? '').split(/[\s,]+/).some((name) => name === '*' || name === 'noticeboard' || name === 'noticeboard*');
}

/** `error` and the errors it wraps (`cause`, or Eleventy's `originalError`), outermost first. */
function* causes(error: unknown): Generator<Error> {
  for (let depth = 0; error instanceof Error && depth < 5; depth++) {
    yield error;
    error = (error as { originalError?: unknown }).originalError ?? error.cause;
  }
}

/** The lines to print for `error` and the exit code, by the rules above. */
export function describeFailure(error: unknown, env: NodeJS.ProcessEnv = process.env): { text: string; code: number } {
  if (error instanceof UsageError) return { text: error.message, code: 2 };
  if (error instanceof ProblemsError) {
    return { text: error.problems.map(formatProblem).join('\n') + (error.footer ? `\n\n${error.footer}` : ''), code: 1 };
  }
  if (error instanceof InvalidInputError) return { text: error.problems.map(formatProblem).join('\n'), code: 1 };
  const message = [...causes(error)].map((cause) => cause.message.split('\n')[0]!.replace(/ \(via \w+\)$/, '')).join(': ') || String(error);
  if (debugging(env)) return { text: `unexpected error: ${message}\n${error instanceof Error ? error.stack : ''}`, code: 1 };
  return { text: `unexpected error: ${message} (${DEBUG_HINT})`, code: 1 };
}

/** Prints `error` by the rules above and exits with its code. */
export function fail(error: unknown): never {
  const { text, code } = describeFailure(error);
  console.error(text);
  process.exit(code);
}

/**
 * Sends every error nobody caught (a top-level await, a callback, a stream)
 * through `fail`; for a command written as a script rather than a `main`.
 */
export function handleFailures(): void {
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}

/** Runs a command's `main` and exits with its code (0 when it returns nothing), or as `fail` says. */
export async function runCommand(main: () => Promise<number | void> | number | void): Promise<never> {
  handleFailures();
  let code: number | void;
  try {
    code = await main();
  } catch (error) {
    return fail(error);
  }
  process.exit(code ?? 0);
}

type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean }>;

/** What parseArgs gives for `O`: a flag with a default always has a value. Spelt out so the compiled declarations can name it. */
type FlagValues<O extends FlagSpec> = {
  -readonly [K in keyof O]: (O[K]['type'] extends 'boolean' ? boolean : string) | (O[K] extends { default: string | boolean } ? never : undefined);
};

/**
 * parseArgs with usage mistakes as UsageError: an unknown flag (with the
 * nearest known one), a missing value, a value given to a switch, or an
 * argument the command does not take. `usage` (e.g. "see noticeboard new --help")
 * closes each message.
 */
export function parseFlags<O extends FlagSpec>(
  options: O,
  usage: string,
  { args = process.argv.slice(2), positionals = false }: { args?: string[]; positionals?: boolean } = {},
): { values: FlagValues<O>; positionals: string[] } {
  const names = Object.keys(options);
  // Every command answers --help with its usage, also one whose flags do not list it.
  if (!names.includes('help') && args.some((arg) => arg === '--help' || arg === '-h')) {
    console.log(usage);
    process.exit(0);
  }
  const flagName = (arg: string) => (arg.startsWith('--') ? arg.slice(2).split('=')[0]! : undefined);
  const isKnownFlag = (arg: string) => {
    const name = flagName(arg);
    return (name !== undefined && names.includes(name)) || (/^-[a-zA-Z]$/.test(arg) && Object.values(options).some((o) => `-${o.short}` === arg));
  };
  // `--body "- still down"` and `--body -`: a string flag takes the next word as
  // its value unless that word is itself one of the command's flags.
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = flagName(arg);
    const next = args[i + 1];
    if (name && !arg.includes('=') && options[name]?.type === 'string' && next !== undefined && next.startsWith('-') && !isKnownFlag(next) && next !== '--') {
      joined.push(`--${name}=${next}`);
      i++;
    } else joined.push(arg);
  }
  try {
    return parseArgs({ args: joined, options, allowPositionals: positionals, strict: true }) as unknown as { values: FlagValues<O>; positionals: string[] };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
    switch (code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
        const given = quoted.replace(/^-+/, '').split('=')[0]!;
        const guess = nearest(given, names);
        const list = names.map((name) => `--${name}`).join(', ');
        usageError(`${quoted}: unknown flag${guess ? `; did you mean --${guess}?` : names.length ? `; the flags are ${list}` : '; this command takes no flags'} (${usage})`);
      }
      // eslint-disable-next-line no-fallthrough
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
        const name = /^(--?[\w-]+)/.exec(quoted)?.[1] ?? quoted;
        const flag = options[name.replace(/^-+/, '')];
        if (flag?.type === 'boolean') usageError(`${name} takes no value: write ${name} on its own (${usage})`);
        usageError(`${name} needs a value, e.g. ${name} "…" (${usage})`);
      }
      // eslint-disable-next-line no-fallthrough
      case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
        usageError(`"${quoted}": this command takes no such argument; flags start with -- (${usage})`);
      // eslint-disable-next-line no-fallthrough
      default:
        throw error;
    }
  }
}
