/**
 * One benchmark run of each kind, each in its own process, timed from outside
 * (process start to exit, what `npm run build` costs) with peak memory from
 * `/usr/bin/time -v` where it exists:
 *
 * - a build: the compiled binary, `node dist/cli/main.js build`, as an
 *   installed site's `noticeboard build` runs (the benchmark compiles dist/
 *   first), with the stage times it writes to NOTICEBOARD_TIMINGS
 *   (src/cli/build-timings.ts) and Eleventy's own benchmark lines;
 * - the floor (bench/lib/floor.js, plain JavaScript on the same compiled
 *   modules), writing what the build of the same round wrote.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from './build-root.ts';
import type { FloorResult } from './floor-result.ts';
import type { BuildTimings } from '../../src/cli/build-timings.ts';
import { measureOutput, parseEleventyBenchmark, parseMaxRss, type EleventyStages, type OutputSize } from './measure.ts';
import { TRASH_PREFIX } from '../../src/site/publish.ts';

/** The `noticeboard` binary of the package, compiled (see compileEngine). */
const BINARY = join(PROJECT_ROOT, 'dist/cli/main.js');
const FLOOR = join(PROJECT_ROOT, 'bench/lib/floor.js');
const TIME = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-v'] : [];
export const PEAK_RSS_SOURCE = TIME.length ? 'peak RSS by /usr/bin/time -v' : 'peak RSS by the process itself';
export const BUILD_OUTPUT = '_site';
export const FLOOR_OUTPUT = '_floor';

export interface BuildRun {
  wallS: number;
  rssMiB: number;
  output: OutputSize;
  timings: BuildTimings;
  eleventy: EleventyStages;
}

export interface FloorRun {
  wallS: number;
  rssMiB: number;
  result: FloorResult;
}

interface Spawned<T> {
  wallS: number;
  rssKb: number;
  result: T;
  stderr: string;
}

/**
 * Compiles the engine into dist/ (`npm run compile`, what `npm pack` ships), so
 * the builds run the binary an operator installs, with no TypeScript loader.
 */
export function compileEngine(): void {
  const compiled = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/compile.mjs')], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (compiled.status !== 0) {
    console.error(compiled.stdout, compiled.stderr);
    console.error('bench: compiling the engine (npm run compile) failed');
    process.exit(1);
  }
}

/**
 * Runs `node args(resultFile)…` in `root`, with `env(resultFile)`, and reads
 * the JSON it writes to `resultFile`.
 */
function spawnTimed<T extends { maxRssKb: number }>(
  root: string,
  env: (resultFile: string) => NodeJS.ProcessEnv,
  name: string,
  args: (resultFile: string) => string[],
): Spawned<T> {
  const resultFile = join(root, `.bench-result-${name}.json`);
  rmSync(resultFile, { force: true });
  const command = [...TIME, process.execPath, ...args(resultFile)];
  const started = performance.now();
  const child = spawnSync(command[0]!, command.slice(1), { cwd: root, env: env(resultFile), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallS = (performance.now() - started) / 1000;
  if (child.status !== 0 || !existsSync(resultFile)) {
    console.error(child.stdout, child.stderr);
    console.error(`${name} failed (exit ${child.status}); the build root is kept at ${root}`);
    process.exit(1);
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as T;
  rmSync(resultFile, { force: true });
  return { wallS, rssKb: parseMaxRss(child.stderr) ?? result.maxRssKb, result, stderr: child.stderr };
}

export interface BuildOptions {
  root: string;
  env: NodeJS.ProcessEnv;
  /** Build over the `_site/` the last build left (a rebuild) instead of a clean one. */
  over?: boolean;
  cpuProfDir?: string;
}

/** A build of the root into `_site/`: clean (the old one removed first, untimed) unless `over`. */
export function runBuild(options: BuildOptions): BuildRun {
  const { root } = options;
  const output = join(root, BUILD_OUTPUT);
  if (!options.over) rmSync(output, { recursive: true, force: true });
  const nodeArgs: string[] = [];
  if (options.cpuProfDir) {
    mkdirSync(resolve(options.cpuProfDir), { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${resolve(options.cpuProfDir)}`);
  }
  const env = (result: string) => ({ ...options.env, DEBUG: 'Eleventy:Benchmark*', NOTICEBOARD_TIMINGS: result });
  const run = spawnTimed<BuildTimings>(root, env, 'build', () => [...nodeArgs, BINARY, 'build']);
  return { wallS: run.wallS, rssMiB: run.rssKb / 1024, output: measureOutput(output), timings: run.result, eleventy: parseEleventyBenchmark(run.stderr) };
}

/** The floor writing `manifest` (what a build wrote) into a clean `_floor/`. */
export function runFloor(root: string, env: NodeJS.ProcessEnv, manifest: OutputSize['list']): FloorRun {
  const output = join(root, FLOOR_OUTPUT);
  rmSync(output, { recursive: true, force: true });
  const manifestFile = join(root, '.bench-manifest.json');
  writeFileSync(manifestFile, JSON.stringify(manifest));
  const run = spawnTimed<FloorResult>(root, () => env, 'floor', (result) => [FLOOR, join(root, 'posts'), manifestFile, output, result]);
  rmSync(manifestFile, { force: true });
  return { wallS: run.wallS, rssMiB: run.rssKb / 1024, result: run.result };
}

/**
 * Waits (untimed) until the old sites the builds renamed aside are deleted by
 * their background removers, so the deleting does not slow the next run; returns
 * how long that took, in seconds.
 */
export async function trashDeleted(root: string): Promise<number> {
  const started = performance.now();
  while (readdirSync(root).some((name) => name.startsWith(TRASH_PREFIX))) await new Promise((wake) => setTimeout(wake, 20));
  return (performance.now() - started) / 1000;
}
