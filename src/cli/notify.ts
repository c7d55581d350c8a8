/**
 * `npm run notify [-- --dry-run] [--state FILE] [--since DURATION]`: sends the
 * events due at "now" (STATUS_NOW honoured) to the channels in
 * site.config.yaml and records them in the state file (docs/notify.md).
 *
 * Exit codes: 0 everything due was sent; 1 a delivery failed (named; it is
 * sent on the next run) or the input or the environment is wrong (nothing
 * sent); 2 a command-line mistake; 3 another run holds the lock (nothing sent).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SecretsError } from '../notify/delivery.ts';
import { runNotify } from '../notify/run.ts';
import { LockedError, StateError } from '../notify/state-store.ts';
import { InvalidInputError, formatProblem } from '../content/problems.ts';
import { loadSite } from '../site/load-site.ts';
import { parseDuration } from '../time/time.ts';

const USAGE = 'usage: noticeboard notify [--dry-run] [--state FILE] [--since DURATION]';
export const DEFAULT_STATE_FILE = '.noticeboard/notify-state.json';

function usageError(message: string): never {
  console.error(`${message}; ${USAGE}`);
  process.exit(2);
}

let flags;
try {
  ({ values: flags } = parseArgs({
    options: {
      'dry-run': { type: 'boolean', default: false },
      state: { type: 'string', default: DEFAULT_STATE_FILE },
      since: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  usageError((error as Error).message);
}
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
let sinceMinutes = 0;
if (flags.since !== undefined) {
  const parsed = parseDuration(flags.since);
  if (!parsed.ok) usageError(`--since: ${parsed.error}`);
  sinceMinutes = parsed.value;
}

const root = process.cwd();
try {
  const site = loadSite({ root });
  const result = await runNotify({
    site,
    statePath: resolve(root, flags.state),
    sinceMinutes,
    dryRun: flags['dry-run'],
    env: process.env,
    log: (line) => console.log(line),
  });
  if (result.failed.length) {
    console.error(`${result.failed.length} delivery(ies) failed: ${result.failed.map((failure) => `${failure.channel} (${failure.event})`).join(', ')}`);
    process.exit(1);
  }
} catch (error) {
  if (error instanceof InvalidInputError) {
    console.error(error.problems.map(formatProblem).join('\n'));
    console.error('\nFix these first; nothing was sent.');
  } else if (error instanceof SecretsError) {
    console.error(`${error.message}\nNothing was sent.`);
  } else if (error instanceof StateError) {
    console.error(error.message);
    process.exit(error instanceof LockedError ? 3 : 1);
  } else {
    throw error;
  }
  process.exit(1);
}
