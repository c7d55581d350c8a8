/**
 * What `npm run bench` prints: the run table, the stage tables of the build
 * and of the floor (medians over the runs), render time by template.
 */
import { median } from './measure.ts';
import type { BuildRun, FloorRun } from './runs.ts';

export function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

export function mib(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}

const WIDTHS = [7, 9, 8, 13, 8, 8, 12, 13];
export const RUN_HEADER = ['run', 'kind', 'wall s', 'peak RSS MiB', 'pages', 'files', 'MiB written', 'build/floor'];

export function printRow(cells: string[]): void {
  console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(WIDTHS[i]!) : cell.padStart(WIDTHS[i]!))).join(' '));
}

export function buildRow(label: string, kind: string, run: BuildRun, ratio = ''): string[] {
  const { output } = run;
  return [label, kind, run.wallS.toFixed(2), run.rssMiB.toFixed(0), String(output.pages), String(output.files), mib(output.bytes), ratio];
}

export function floorRow(label: string, run: FloorRun): string[] {
  return [label, 'floor', run.wallS.toFixed(2), run.rssMiB.toFixed(0), '', String(run.result.files), mib(run.result.bytes), ''];
}

/** A stage's median over the runs, in ms. */
type Stage = [name: string, pick: (run: BuildRun) => number];

/** Rendering, by Eleventy and, when the engine writes its own pages, by the engine. */
const renderMs = (run: BuildRun) => run.eleventy.renderMs + (run.timings.pages?.renderMs ?? 0);
const writeMs = (run: BuildRun) => run.eleventy.writeMs + (run.timings.pages?.writeMs ?? 0);

/** Render milliseconds by template: Eleventy's, and the engine's for the pages it writes itself. */
function templateTimes(run: BuildRun): Map<string, number> {
  const times = new Map(run.eleventy.templates);
  for (const [name, ms] of Object.entries(run.timings.pages?.templates ?? {})) times.set(`${name} (by the engine)`, ms);
  return times;
}

/** Render time of the availability pages, downloads and per-service reports (templates named *availability*). */
function availabilityMs(run: BuildRun): number {
  let ms = 0;
  for (const [name, value] of templateTimes(run)) if (name.includes('availability')) ms += value;
  return ms;
}

const BUILD_STAGES: Stage[] = [
  ['startup (node, modules)', (r) => r.timings.startupMs],
  ['load+validate', (r) => r.timings.readMs],
  ['model', (r) => r.timings.modelMs],
  ['before Eleventy (old staging, index start)', (r) => r.timings.afterModelMs - r.timings.eleventyMs - r.timings.searchWaitMs - r.timings.publishMs],
  ['setup (modules; Eleventy data, pagination)', (r) => r.timings.eleventyMs - renderMs(r) - writeMs(r)],
  ['render', renderMs],
  ['  of which availability reports', availabilityMs],
  ['write', writeMs],
  ['search index: wait after the pages', (r) => r.timings.searchWaitMs],
  ['publish (swap; old site deleted after)', (r) => r.timings.publishMs],
  ['exit', (r) => r.wallS * 1000 - r.timings.totalMs],
];

export function printBuildStages(runs: readonly BuildRun[]): void {
  const wallMs = median(runs.map((r) => r.wallS * 1000));
  console.log('\nBuild stages (median s, share of wall):');
  for (const [name, pick] of BUILD_STAGES) printStage(name, median(runs.map(pick)), wallMs);
  const indexMs = median(runs.map((r) => r.timings.searchIndexMs));
  console.log(`  (search index, Pagefind, beside the pages: ${seconds(indexMs)} s from start to written; only the wait above is on the build's path)`);
}

export function printFloorStages(runs: readonly FloorRun[]): void {
  const wallMs = median(runs.map((r) => r.wallS * 1000));
  const stages: [string, (run: FloorRun) => number][] = [
    ['startup (node, modules)', (r) => r.result.startupMs],
    ['read + front matter', (r) => r.result.readMs],
    ['render Markdown', (r) => r.result.renderMs],
    ['write', (r) => r.result.writeMs],
    ['exit', (r) => r.wallS * 1000 - r.result.totalMs],
  ];
  console.log('\nFloor stages (median s, share of wall):');
  for (const [name, pick] of stages) printStage(name, median(runs.map(pick)), wallMs);
}

function printStage(name: string, ms: number, wallMs: number): void {
  const value = Math.max(0, ms);
  console.log(`  ${name.padEnd(44)} ${seconds(value).padStart(7)}  ${((value / wallMs) * 100).toFixed(0).padStart(3)}%`);
}

export function printTemplates(runs: readonly BuildRun[]): void {
  console.log('\nRender by template (median ms):');
  const names = [...templateTimes(runs[0]!).keys()];
  const byTemplate = names.map((name) => [name, median(runs.map((r) => templateTimes(r).get(name) ?? 0))] as const).sort((a, b) => b[1] - a[1]);
  for (const [name, ms] of byTemplate) console.log(`  ${name.padEnd(56)} ${String(Math.round(ms)).padStart(7)}`);
}
