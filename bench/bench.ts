/**
 * `npm run bench -- --notices N [--runs R]`: builds a generated archive of N
 * notices with the real pipeline, and measures in the same rounds the floor of
 * that work (bench/lib/floor.js: read and parse every notice, render its
 * Markdown, write as many files and bytes as the build wrote), build and floor
 * interleaved A B A B … so their ratio holds when the machine's speed drifts.
 *
 * Each run is its own process on a clean output folder (removed before, not
 * timed), so its peak memory is its own; wall time is measured from outside
 * (`node` start to exit, what `noticeboard build` costs). Stage times come from
 * inside: startup, load+validate and model from the build, render and write
 * from Eleventy's own benchmark (DEBUG=Eleventy:Benchmark*), Eleventy's setup
 * (templates, data, pagination) as the rest of its run. The file system of the
 * output folder is printed, and a small disk probe before and after the runs,
 * because writing the pages costs what the disk costs that minute.
 *
 * Options:
 *   --notices N      notices to generate (required)
 *   --runs R         rounds of build + floor (default 5); the summary is their median
 *   --rebuild        each round also builds again over the `_site/` the round's build left
 *                    (a rebuild: the old site is deleted in the background, off the build's path)
 *   --seed S         corpus seed (default: fixed, so every run and machine builds the same bytes)
 *   --watch          also measure `npm start` (started as package.json starts it): edit one
 *                    notice at a time, time the rebuild and until the server serves the edit
 *   --edits E        edits to time with --watch (default 3)
 *   --cpu-prof DIR   write a V8 CPU profile of each build to DIR
 *   --dir D          build root to use (created if missing) instead of a temporary one;
 *                    e.g. a folder on /dev/shm for a memory-backed output folder
 *   --keep           keep the build root afterwards
 */
import { join } from 'node:path';
import { BENCH_NOW, BENCH_SEED } from './lib/corpus.ts';
import { createBuildRoot } from './lib/build-root.ts';
import { fileSystemOf, median, probeDisk } from './lib/measure.ts';
import { buildRow, floorRow, mib, printBuildStages, printFloorStages, printRow, printTemplates, RUN_HEADER, seconds } from './lib/report.ts';
import { BUILD_OUTPUT, compileEngine, PEAK_RSS_SOURCE, runBuild, runFloor, trashDeleted, type BuildRun, type FloorRun } from './lib/runs.ts';
import { measureWatch } from './lib/watch.ts';
import { handleFailures, parseFlags, usageError } from '../src/cli/command.ts';

handleFailures();
const USAGE =
  'usage: npm run bench -- --notices N [--runs R] [--rebuild] [--seed S] [--watch] [--edits E] [--cpu-prof DIR] [--dir D] [--keep]';
const { values } = parseFlags(
  {
    notices: { type: 'string' },
    runs: { type: 'string', default: '5' },
    rebuild: { type: 'boolean', default: false },
    seed: { type: 'string' },
    watch: { type: 'boolean', default: false },
    edits: { type: 'string', default: '3' },
    'cpu-prof': { type: 'string' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
  USAGE,
);

const notices = Number(values.notices);
const runs = Number(values.runs);
if (!Number.isInteger(notices) || notices < 1) usageError(`--notices: give a whole number of notices, e.g. --notices 1000 (${USAGE})`);
if (!Number.isInteger(runs) || runs < 1) usageError(`--runs: give a whole number of rounds, e.g. --runs 5 (${USAGE})`);

const env: NodeJS.ProcessEnv = { ...process.env, STATUS_NOW: BENCH_NOW };
delete env.NOTICEBOARD_DRAFTS;

const compiling = performance.now();
compileEngine();
console.log(`Compiled the engine into dist/ in ${seconds(performance.now() - compiling)} s (the builds run dist/cli/main.js, as an installed site does)`);
const generating = performance.now();
const site = createBuildRoot({ notices, seed: values.seed ? Number(values.seed) : BENCH_SEED, dir: values.dir });
const { corpus, root } = site;
console.log(
  `Corpus: ${corpus.notices} notices (${corpus.incidents} incidents, ${corpus.maintenance} maintenance, ${corpus.plain} notices; ` +
    `${corpus.updates} updates), ${mib(corpus.bytes)} MiB of Markdown, ${corpus.first} to ${corpus.last}, ` +
    `generated in ${seconds(performance.now() - generating)} s`,
);
console.log(`Root: ${root}   STATUS_NOW=${BENCH_NOW}   node ${process.version}   ${PEAK_RSS_SOURCE}`);
console.log(`Output folders (${BUILD_OUTPUT}/, _floor/) on ${fileSystemOf(root)}`);
const DISK_PROBE = join(root, '.bench-disk-probe');
const diskBefore = probeDisk(DISK_PROBE);
console.log(`Disk probe: 1,000 folders with a 10 KiB file each in ${seconds(diskBefore)} s (the write stages depend on it)\n`);

interface Round {
  build: BuildRun;
  floor: FloorRun;
  rebuild?: BuildRun;
  /** Seconds from the rebuild's exit until its old site was gone (deleted in the background). */
  trashS?: number;
}

const rounds: Round[] = [];
printRow(RUN_HEADER);
for (let i = 1; i <= runs; i++) {
  const build = runBuild({ root, env, cpuProfDir: values['cpu-prof'] });
  const floor = runFloor(root, env, build.output.list);
  const round: Round = { build, floor };
  printRow(buildRow(String(i), 'build', build, (build.wallS / floor.wallS).toFixed(2)));
  printRow(floorRow('', floor));
  if (values.rebuild) {
    round.rebuild = runBuild({ root, env, over: true, cpuProfDir: values['cpu-prof'] });
    round.trashS = await trashDeleted(root);
    const { parts, reused } = round.rebuild.timings.searchParts;
    printRow(buildRow('', 'rebuild', round.rebuild, `${(round.rebuild.wallS / build.wallS).toFixed(2)} of clean, ${reused}/${parts} index parts kept`));
  }
  rounds.push(round);
}

const builds = rounds.map((r) => r.build);
const floors = rounds.map((r) => r.floor);
const buildS = median(builds.map((r) => r.wallS));
const floorS = median(floors.map((r) => r.wallS));
const ratio = median(rounds.map((r) => r.build.wallS / r.floor.wallS));
console.log(`\nSummary at ${notices} notices, ${runs} round(s), output on ${fileSystemOf(root)}:`);
const memory = (pick: (run: BuildRun) => number) => (median(builds.map(pick)) / 1024).toFixed(0);
console.log(
  `  build median ${buildS.toFixed(2)} s (peak RSS ${median(builds.map((r) => r.rssMiB)).toFixed(0)} MiB; once the model was built: ` +
    `RSS ${memory((r) => r.timings.rssAfterModelKb)} MiB, heap ${memory((r) => r.timings.heapAfterModelKb)} MiB)`,
);
console.log(`  floor median ${floorS.toFixed(2)} s (peak RSS ${median(floors.map((r) => r.rssMiB)).toFixed(0)} MiB)`);
console.log(`  build/floor ${ratio.toFixed(2)} (median of the ${runs} per-round ratios)`);
console.log(`  startup ${seconds(median(builds.map((r) => r.timings.startupMs)))} s (process start to reading the site: config, then the first notice)`);
if (values.rebuild) {
  const rebuilds = rounds.map((r) => r.rebuild!);
  const over = median(rounds.map((r) => r.rebuild!.wallS / r.build.wallS));
  console.log(
    `  rebuild over an existing ${BUILD_OUTPUT}/ median ${median(rebuilds.map((r) => r.wallS)).toFixed(2)} s, ` +
      `${over.toFixed(2)} of a clean build (median of the per-round ratios); ` +
      `its old site was gone ${median(rounds.map((r) => r.trashS!)).toFixed(2)} s after it exited`,
  );
}

printBuildStages(builds);
printFloorStages(floors);
printTemplates(builds);
const { largestPage } = builds[0]!.output;
console.log(`\nLargest page: ${largestPage.path} (${(largestPage.bytes / 1024).toFixed(0)} KiB)`);
console.log(`Per notice: ${((buildS * 1000) / notices).toFixed(3)} ms wall`);
console.log(`Disk probe after the runs: ${seconds(probeDisk(DISK_PROBE))} s (before: ${seconds(diskBefore)} s)`);

if (values.watch) await measureWatch(root, env, Number(values.edits));

if (values.keep || values.dir) console.log(`\nKept ${root}`);
else site.remove();
