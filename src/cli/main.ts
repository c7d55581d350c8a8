#!/usr/bin/env node
/**
 * `noticeboard <command> [arguments]`: the one binary. It takes the command
 * off the command line, leaves the command's own arguments at
 * process.argv.slice(2), where every command reads them, and imports the
 * command's module, which runs it (src/cli/<command>.ts, through runCommand).
 *
 * It imports nothing big itself, so a command starts as fast as its own
 * module allows: `check` never loads Eleventy.
 */
import module from 'node:module';
import { nearest } from '../content/problems.ts';
import { packageVersion } from './version.ts';

// On Node 22.1 and later: keep V8's compiled code of the modules a command
// loads (a few hundred: Eleventy, zod, markdown-it, ...) in Node's cache folder
// under the system's temporary folder, so the next run starts without
// compiling them again. NODE_DISABLE_COMPILE_CACHE=1 turns it off. Node 20
// has no such cache and skips this.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

/** Each command and the line `noticeboard --help` shows for it. */
const COMMANDS = {
  init: 'init [DIR]      write a new status site into DIR (default: this folder)',
  build: 'build           check everything and build the site into _site/',
  start: 'start           preview with drafts at http://localhost:8080, rebuilt on every change',
  check: 'check           report every problem in the config and the notices',
  new: 'new             write a new notice (asks for what the flags leave out)',
  update: 'update          add an update to a notice, or resolve it',
  schema: 'schema          write the JSON Schemas for editors into schema/',
  ingest: 'ingest          turn a monitoring alert into a notice',
  notify: 'notify          tell subscribers about new and changed notices',
} as const;
type Command = keyof typeof COMMANDS;

const USAGE = `usage: noticeboard <command> [arguments]   (noticeboard <command> --help for its flags)

${Object.values(COMMANDS)
  .map((line) => `  ${line}`)
  .join('\n')}

  --version       print noticeboard's version
The manual: docs/ in the package (node_modules/noticeboard/docs/), starting at docs/installing.md.`;

const [given, ...rest] = process.argv.slice(2);
if (given === undefined) {
  console.error(USAGE);
  process.exit(2);
}
if (given === '--help' || given === '-h' || given === 'help') {
  console.log(USAGE);
  process.exit(0);
}
if (given === '--version' || given === '-v') {
  console.log(packageVersion());
  process.exit(0);
}
if (!Object.hasOwn(COMMANDS, given)) {
  // `--versoin` is a flag mistyped, `biuld` a command.
  const flag = given.startsWith('-') ? nearest(given.replace(/^-+/, ''), ['version', 'help']) : undefined;
  const guess = flag ? `--${flag}` : nearest(given, Object.keys(COMMANDS));
  console.error(
    `noticeboard: "${given}" is not a command; ${guess ? `did you mean "noticeboard ${guess}"?` : `the commands are ${Object.keys(COMMANDS).join(', ')}`} (noticeboard --help)`,
  );
  process.exit(2);
}
const command = given as Command;
process.argv = [process.argv[0]!, process.argv[1]!, ...rest];
const modules: Record<Command, () => Promise<unknown>> = {
  init: () => import('./init.ts'),
  build: () => import('./build.ts'),
  start: () => import('./start.ts'),
  check: () => import('./check.ts'),
  new: () => import('./new.ts'),
  update: () => import('./update.ts'),
  schema: () => import('./schema.ts'),
  ingest: () => import('./ingest.ts'),
  notify: () => import('./notify.ts'),
};
await modules[command]();
