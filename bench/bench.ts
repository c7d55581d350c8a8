/**
 * `npm run bench -- --notices N [--runs R]`: builds a generated archive of N
 * notices with the real pipeline and reports how long it took and what it cost.
 *
 * Each run is a clean build (no `_site/` yet) in its own process, so its peak
 * memory is its own; wall time is measured from outside (`node` start to exit,
 * what `npm run build` costs). Stage times come from inside: load+validate and
 * model from `loadSite`, render and write from Eleventy's own benchmark
 * (DEBUG=Eleventy:Benchmark*), Eleventy's setup (templates, data, pagination)
 * as the rest of its run. The disk is timed before and after the runs
 * (probeDisk), because writing the pages costs what the disk costs that minute.
 *
 * Options:
 *   --notices N      notices to generate (required)
 *   --runs R         builds to run (default 3); the summary is their median
 *   --seed S         corpus seed (default: fixed, so every run and machine builds the same bytes)
 *   --watch          also measure `npm start` (started as package.json starts it): edit one
 *                    notice at a time, time the rebuild and until the server serves the edit
 *   --edits E        edits to time with --watch (default 3)
 *   --threads T      NOTICEBOARD_THREADS for the builds (default: what a build picks, see
 *                    threadCount in src/parse-pool.ts: 1 below 15,000 files, else up to 4)
 *   --cpu-prof DIR   write a V8 CPU profile of each build to DIR
 *   --dir D          build root to use (created if missing) instead of a temporary one
 *   --keep           keep the build root afterwards
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import { BENCH_NOW, BENCH_SEED } from './lib/corpus.ts';
import { createBuildRoot, PROJECT_ROOT } from './lib/build-root.ts';
import type { ChildResult } from './lib/child.ts';
import { measureOutput, median, parseEleventyBenchmark, parseMaxRss, probeDisk, type OutputSize } from './lib/measure.ts';
import { loadConfig } from '../src/content/config.ts';
import { findNoticeFiles, parseNotice } from '../src/content/load-notices.ts';
import { CONFIG_FILE } from '../src/site/load-site.ts';
import { handleFailures, parseFlags, usageError } from '../src/cli/command.ts';

handleFailures();
const USAGE = 'usage: npm run bench -- --notices N [--runs R] [--seed S] [--watch] [--edits E] [--threads T] [--cpu-prof DIR] [--dir D] [--keep]';
const { values } = parseFlags(
  {
    notices: { type: 'string' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string' },
    watch: { type: 'boolean', default: false },
    edits: { type: 'string', default: '3' },
    threads: { type: 'string' },
    'cpu-prof': { type: 'string' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
  USAGE,
);

const notices = Number(values.notices);
const runs = Number(values.runs);
if (!Number.isInteger(notices) || notices < 1) usageError(`--notices: give a whole number of notices, e.g. --notices 1000 (${USAGE})`);
if (!Number.isInteger(runs) || runs < 1) usageError(`--runs: give a whole number of builds, e.g. --runs 3 (${USAGE})`);

const CHILD = join(PROJECT_ROOT, 'bench/lib/child.ts');
/** How `npm run build` starts a command (see src/cli/run.js); the builds start the same way. */
const RUN = join(PROJECT_ROOT, 'src/cli/run.js');
const TIME = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-v'] : [];
const env: NodeJS.ProcessEnv = { ...process.env, STATUS_NOW: BENCH_NOW };
delete env.NOTICEBOARD_DRAFTS;
if (values.threads) env.NOTICEBOARD_THREADS = values.threads;

interface Run {
  wallS: number;
  rssMiB: number;
  output: OutputSize;
  child: ChildResult;
  renderMs: number;
  writeMs: number;
  templates: Map<string, number>;
}

const generating = performance.now();
const site = createBuildRoot({ notices, seed: values.seed ? Number(values.seed) : BENCH_SEED, dir: values.dir });
const { corpus } = site;
console.log(
  `Corpus: ${corpus.notices} notices (${corpus.incidents} incidents, ${corpus.maintenance} maintenance, ${corpus.plain} notices; ` +
    `${corpus.updates} updates), ${mib(corpus.bytes)} MiB of Markdown, ${corpus.first} to ${corpus.last}, ` +
    `generated in ${seconds(performance.now() - generating)} s`,
);
console.log(`Root: ${site.root}   STATUS_NOW=${BENCH_NOW}   node ${process.version}   ${TIME.length ? 'peak RSS by /usr/bin/time -v' : 'peak RSS by the build process'}`);
const DISK_PROBE = join(site.root, '.bench-disk-probe');
const diskBefore = probeDisk(DISK_PROBE);
console.log(`Disk: 1,000 folders with a 10 KiB file each in ${seconds(diskBefore)} s (the write stage depends on it)\n`);

const results: Run[] = [];
const header = ['run', 'notices', 'wall s', 'notices/s', 'peak RSS MiB', 'pages', 'files', 'MiB written'];
printRow(header);
for (let i = 1; i <= runs; i++) {
  const run = buildOnce(i);
  results.push(run);
  printRow(row(String(i), run));
}
const mid = (pick: (run: Run) => number) => median(results.map(pick));
const summary: Run = {
  wallS: mid((r) => r.wallS),
  rssMiB: mid((r) => r.rssMiB),
  output: results[0]!.output,
  child: results[0]!.child,
  renderMs: mid((r) => r.renderMs),
  writeMs: mid((r) => r.writeMs),
  templates: results[0]!.templates,
};
printRow(row('median', summary));

const stages: [string, (run: Run) => number][] = [
  ['startup (node, tsx, modules)', (r) => r.child.startupMs],
  ['load+validate', (r) => r.child.readMs],
  ['model', (r) => r.child.modelMs],
  ['eleventy setup (data, pagination)', (r) => Math.max(0, r.child.eleventyMs - r.child.searchIndexMs - r.renderMs - r.writeMs)],
  ['render', (r) => r.renderMs],
  ['write', (r) => r.writeMs],
  ['search index (pagefind)', (r) => r.child.searchIndexMs],
  ['exit', (r) => Math.max(0, r.wallS * 1000 - r.child.totalMs)],
];
console.log('\nStages (median s, share of wall):');
for (const [name, pick] of stages) {
  const ms = mid(pick);
  console.log(`  ${name.padEnd(36)} ${seconds(ms).padStart(7)}  ${((ms / (summary.wallS * 1000)) * 100).toFixed(0).padStart(3)}%`);
}
console.log('\nRender by template (median ms):');
const names = [...summary.templates.keys()];
const byTemplate = names
  .map((name) => [name, median(results.map((r) => r.templates.get(name) ?? 0))] as const)
  .sort((a, b) => b[1] - a[1]);
for (const [name, ms] of byTemplate) console.log(`  ${name.padEnd(56)} ${String(Math.round(ms)).padStart(7)}`);
const { largestPage } = summary.output;
console.log(`\nLargest page: ${largestPage.path} (${(largestPage.bytes / 1024).toFixed(0)} KiB)`);
console.log(`Per notice: ${((summary.wallS * 1000) / notices).toFixed(3)} ms wall`);
console.log(`Disk after the runs: 1,000 folders with a 10 KiB file each in ${seconds(probeDisk(DISK_PROBE))} s (before: ${seconds(diskBefore)} s)`);

if (values.watch) await measureWatch(Number(values.edits));

if (values.keep || values.dir) console.log(`\nKept ${site.root}`);
else site.remove();

function buildOnce(index: number): Run {
  rmSync(join(site.root, '_site'), { recursive: true, force: true });
  const resultFile = join(site.root, `.bench-result-${index}.json`);
  rmSync(resultFile, { force: true });
  const nodeArgs: string[] = [];
  if (values['cpu-prof']) {
    mkdirSync(resolve(values['cpu-prof']), { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${resolve(values['cpu-prof'])}`);
  }
  const command = [...TIME, process.execPath, ...nodeArgs, RUN, CHILD, resultFile];
  const started = performance.now();
  const child = spawnSync(command[0]!, command.slice(1), {
    cwd: site.root,
    env: { ...env, DEBUG: 'Eleventy:Benchmark*' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallS = (performance.now() - started) / 1000;
  if (child.status !== 0 || !existsSync(resultFile)) {
    console.error(child.stdout, child.stderr);
    console.error(`Build ${index} failed (exit ${child.status}); the build root is kept at ${site.root}`);
    process.exit(1);
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as ChildResult;
  rmSync(resultFile, { force: true });
  const eleventy = parseEleventyBenchmark(child.stderr);
  const rssKb = parseMaxRss(child.stderr) ?? result.maxRssKb;
  return {
    wallS,
    rssMiB: rssKb / 1024,
    output: measureOutput(join(site.root, '_site')),
    child: result,
    renderMs: eleventy.renderMs,
    writeMs: eleventy.writeMs,
    templates: eleventy.templates,
  };
}

function row(label: string, run: Run): string[] {
  return [
    label,
    String(notices),
    run.wallS.toFixed(2),
    (notices / run.wallS).toFixed(0),
    run.rssMiB.toFixed(0),
    String(run.output.pages),
    String(run.output.files),
    mib(run.output.bytes),
  ];
}

function printRow(cells: string[]): void {
  const widths = [7, 8, 8, 10, 13, 8, 8, 12];
  console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' '));
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

function mib(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}

/**
 * `npm start`, read from package.json: its leading VAR=value words go to the
 * environment, `node` is this Node, the rest are the arguments. A script this
 * cannot take apart word by word (quotes, `&&`, …) is an error, not a guess.
 */
function npmStart(): { env: Record<string, string>; args: string[]; output: string } {
  const script = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  if (/["'`$&|;<>\\]/.test(script)) throw new Error(`--watch cannot run the start script as written: ${script}`);
  const words = script.trim().split(/\s+/);
  const scriptEnv: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0]!)) {
    const [name, ...value] = words.shift()!.split('=');
    scriptEnv[name!] = value.join('=');
  }
  if (words.shift() !== 'node') throw new Error(`--watch expects the start script to run node: ${script}`);
  const output = words.find((word) => word.startsWith('--output='))?.slice('--output='.length) ?? '_site';
  return { env: scriptEnv, args: words, output };
}

/**
 * `npm start` in the build root, as package.json starts it (on a port of its
 * own): waits for the first build, then edits one notice at a time and times
 * (a) until the preview logs the rebuild written and (b) until the dev server
 * serves the edited page.
 */
async function measureWatch(edits: number): Promise<void> {
  const start = npmStart();
  rmSync(join(site.root, start.output), { recursive: true, force: true });
  const port = 8400 + Math.floor(Math.random() * 500);
  const started = performance.now();
  const server = spawn(process.execPath, [...start.args, `--port=${port}`], {
    cwd: site.root,
    env: { ...env, ...start.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const waiters: (() => void)[] = [];
  const onData = (chunk: Buffer) => {
    log += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
  let exited = false;
  server.on('exit', () => {
    exited = true;
    for (const wake of waiters.splice(0)) wake();
  });
  const waitFor = async (pattern: RegExp, from: number, timeoutMs: number): Promise<RegExpExecArray> => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(log.slice(from));
      if (match) return match;
      if (exited) throw new Error(`the dev server exited:\n${log}`);
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${log.slice(-2000)}`);
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, 200);
      });
    }
  };

  const quiet = async (ms: number) => {
    for (let length = -1; length !== log.length; ) {
      length = log.length;
      await new Promise((wake) => setTimeout(wake, ms));
    }
  };

  try {
    // src/cli/start.ts logs one line per build: "Built _preview/: wrote N files …", then "… changed: wrote N files …".
    await waitFor(/Built \S+: wrote \d+ files?/, 0, 60 * 60_000);
    const serverUrl = (await waitFor(/Preview at\s+(http:\/\/[^\s/]+)/, 0, 60_000))[1]!;
    console.log(`\nnpm start: first build and server up in ${seconds(performance.now() - started)} s (${serverUrl})`);
    const files = findNoticeFiles(join(site.root, 'posts'));
    const { config } = loadConfig(join(site.root, CONFIG_FILE));
    if (!config) throw new Error(`the corpus's ${CONFIG_FILE} is not valid`);
    const timings: { rebuild: number; visible: number }[] = [];
    // Eleventy says "Watching…" before its file watcher is ready; wait until the log is quiet.
    await quiet(3000);
    for (let i = 1; i <= edits; i++) {
      const file = files[Math.floor((files.length * i) / (edits + 1))]!;
      const text = readFileSync(file, 'utf8');
      const { notice } = parseNotice(text, relative(site.root, file).split(sep).join('/'), config);
      if (!notice) throw new Error(`${file} is not a valid notice`);
      const url = notice.url;
      let marker = '';
      let from = 0;
      let editedAt = 0;
      // If the watcher missed the write (not ready yet: no rebuild within a minute), write again and time from then.
      for (let attempt = 1; ; attempt++) {
        marker = `Edited by the benchmark, edit ${i}.${attempt} at ${Date.now()}.`;
        from = log.length;
        editedAt = performance.now();
        writeFileSync(file, `${text.trimEnd()}\n\n${marker}\n`);
        try {
          await waitFor(/ changed: wrote \d+ files?/, from, 60_000);
          break;
        } catch (error) {
          if (attempt === 5) throw error;
        }
      }
      const rebuilt = performance.now();
      while (!(await get(`${serverUrl}${url}`)).includes(marker)) {
        if (performance.now() - editedAt > 10 * 60_000) throw new Error(`${url} never showed the edit`);
        await new Promise((wake) => setTimeout(wake, 10));
      }
      const visible = performance.now();
      timings.push({ rebuild: rebuilt - editedAt, visible: visible - editedAt });
      console.log(`  edit ${i}: ${url}  rebuilt in ${seconds(rebuilt - editedAt)} s, page served with the edit after ${seconds(visible - editedAt)} s`);
      await quiet(1000);
    }
    console.log(
      `npm start, one notice edited (median of ${edits}): rebuilt in ${seconds(median(timings.map((t) => t.rebuild)))} s, ` +
        `edited page served after ${seconds(median(timings.map((t) => t.visible)))} s`,
    );
  } finally {
    if (!exited) server.kill('SIGTERM');
  }
}

function get(url: string): Promise<string> {
  return new Promise((done) => {
    const req = request(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done(body));
    });
    req.on('error', () => done(''));
    req.end();
  });
}
