/**
 * `npm start [-- --port 8080]`: the preview. Builds the site with drafts into
 * `_preview/`, serves it with live reload, and rebuilds on every change to
 * posts/, templates/ and the config.
 *
 * It speaks like the other commands: one line per rebuild (what changed, how
 * many files were written, how long it took) instead of Eleventy's line per
 * file; problems in the notices or the config as `path:line: message` lines,
 * and in the browser on every page in place of the last good build until they
 * are fixed (src/eleventy/problems-page.ts); anything unexpected as one line,
 * with the details under DEBUG=noticeboard.
 */
import { relative, resolve, sep } from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { EleventyConfig } from '../eleventy/eleventy-config.ts';
import { enginePagesFor, pathPrefixOf } from '../site/url-path.ts';
import noticeboardPlugin from '../eleventy/plugin.ts';
import { Site } from '../site/site.ts';
import { formatProblem, type Problem } from '../content/problems.ts';
import { problemsMiddleware } from '../eleventy/problems-page.ts';
import { PROBLEMS_EVENT, type ProblemsListener } from '../eleventy/site-data.ts';
import { debugging, DEBUG_HINT, handleFailures, parseFlags, usageError } from './command.ts';

const USAGE = 'usage: noticeboard start [--port 8080] [--output _preview]';

handleFailures();
const { values } = parseFlags(
  { port: { type: 'string', default: '8080' }, output: { type: 'string', default: '_preview' }, help: { type: 'boolean', short: 'h' } },
  USAGE,
);
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) usageError(`--port "${values.port}" is not a port: give a number from 1 to 65535, e.g. --port 8080`);

const debug = debugging();
let problems: Problem[] = [];
let reported = '';
let changed: string[] = [];
let builds = 0;

const time = () => new Date().toTimeString().slice(0, 8);
const plain = (message: string) => message.replace(/\u001b\[[0-9;]*m/g, '').replace(/^\[11ty\] ?/gm, '');

/** Eleventy's log lines, turned into ours: one per build, the server's address, errors in one line. */
const logger = {
  log: (message: string) => onMessage(plain(message)),
  info: (message: string) => onMessage(plain(message)),
  warn: (message: string) => onMessage(plain(message)),
  error: (message: string) => onError(plain(message)),
};

function onMessage(message: string): void {
  if (debug) console.log(message);
  const wrote = /Wrote (\d+) files? in ([\d.]+) seconds/.exec(message);
  if (wrote) {
    // Eleventy counts the files it wrote; the engine's pages, written after its run, are counted on the site.
    const enginePages = site.lastPagesWritten?.files ?? 0;
    site.lastPagesWritten = undefined;
    return onBuilt(Number(wrote[1]) + enginePages, Number(wrote[2]));
  }
  const server = /Server at\s+(\S+)/.exec(message);
  if (server) console.log(`Preview at ${server[1]} (drafts shown; Ctrl-C stops)`);
}

function onBuilt(files: number, seconds: number): void {
  const what = builds++ === 0 ? `Built ${values.output}/` : `${changed.map((path) => relative(site.paths.root, resolve(site.paths.root, path)).split(sep).join('/')).join(', ') || 'a file'} changed`;
  changed = [];
  const key = problems.map(formatProblem).join('\n');
  if (problems.length === 0) {
    console.log(`${time()} ${what}: wrote ${files} file${files === 1 ? '' : 's'} in ${seconds.toFixed(2)} s${reported ? '; the problems are fixed' : ''}`);
  } else {
    // The problems once each time they change, then one line per rebuild.
    if (key !== reported) console.error(key);
    console.error(`${time()} ${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; every page shows them until they are fixed`);
  }
  reported = key;
}

function onError(message: string): void {
  if (debug) return console.error(message);
  // Eleventy writes an error as several messages: a heading, the message, the stack. Keep the message.
  const line = message
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text && !/^at /.test(text) && !/^(Problem writing|Eleventy watch error|`\w+` was thrown|\(more in DEBUG|Original error stack trace)/.test(text));
  if (line) console.error(`${time()} ${line.replace(/^> /, '')} (${DEBUG_HINT})`);
}

/** How long a changed file's size must hold before the preview rebuilds (Eleventy's default: 150 ms). */
const WRITE_SETTLED_MS = 50;

/**
 * A rebuild takes the watcher's word for which notice files changed (see
 * `LoadOptions.changed` in src/content/load-notices.ts). What it missed (a file
 * written while the preview was starting, before the watcher was ready) is
 * looked for two seconds after each build's end (Eleventy's `eleventy.after`),
 * off the rebuild's path, and rebuilt after like any change. A rebuild that
 * begins meanwhile stops the look (it holds a rebuild up by a few
 * milliseconds at most), and the next build schedules another.
 */
const CHECK_AFTER_MS = 2000;
let rebuildAfter: ((path: string) => Promise<void>) | undefined;
let check: NodeJS.Timeout | undefined;
let looking: AbortController | undefined;
function checkBehindTheWatcher(): void {
  stopChecking();
  check = setTimeout(() => {
    const current = (looking = new AbortController());
    site.findUnnoticedChanges(current.signal).then(
      (missed) => missed.forEach((path) => void rebuildAfter?.(path)),
      // The preview goes on; it says once per failed look that the check could not be made.
      (error: unknown) => console.error(debug ? error : `${time()} could not check the notice files behind the watcher: ${error instanceof Error ? error.message : String(error)} (${DEBUG_HINT})`),
    );
  }, CHECK_AFTER_MS);
  check.unref();
}
function stopChecking(): void {
  clearTimeout(check);
  looking?.abort();
}

const site = new Site({ root: process.cwd(), paths: { output: values.output }, includeDrafts: true });
const url = site.configuredUrl();
const eleventy = new Eleventy(site.inputDir(), site.paths.output, {
  configPath: false, // no configuration file: see src/site/build-site.ts
  quietMode: true,
  runMode: 'serve',
  source: 'cli',
  pathPrefix: url ? pathPrefixOf(url) : '/',
  async config(config: EleventyConfig) {
    await config.addPlugin(noticeboardPlugin, { site, keepServing: true, enginePages: url ? enginePagesFor(url) : 'engine' });
    config.on(PROBLEMS_EVENT, ((found) => (problems = found)) satisfies ProblemsListener);
    config.on('eleventy.beforeWatch', (queue: string[]) => {
      changed = [...queue];
      stopChecking();
    });
    config.setServerOptions({ middleware: [problemsMiddleware(() => problems)], logger });
    // Eleventy waits until a changed file's size has held for 150 ms before it rebuilds: most of
    // the time from an edit to its page at 10,000 notices, for a file an editor writes at once.
    config.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: WRITE_SETTLED_MS, pollInterval: 10 } });
    config.on('eleventy.after', checkBehindTheWatcher);
  },
});
eleventy.logger.overrideLogger(logger);
await eleventy.init();
rebuildAfter = await eleventy.watch();
checkBehindTheWatcher();
// Eleventy rebuilds when a watched file changes or is added, but only forgets
// one that is deleted: a deleted notice (or a broken one deleted rather than
// fixed) must rebuild too, or the preview keeps showing it, or its problems.
eleventy.watcher?.on('unlink', (path) => void rebuildAfter?.(path));
await eleventy.serve(port);
process.on('SIGINT', () => {
  void eleventy.stopWatch().then(() => process.exit(0));
});
