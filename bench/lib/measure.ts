/**
 * Reading what a benchmark run leaves behind: Eleventy's own stage timings
 * (DEBUG=Eleventy:Benchmark*), GNU time's peak memory, and the output tree;
 * and how fast the disk is while it runs.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative, sep } from 'node:path';

export interface EleventyStages {
  /** Every template's render, summed. */
  renderMs: number;
  /** Creating folders and writing files, summed. */
  writeMs: number;
  /** Render time by template, e.g. `month.11ty.js (241 pages)` -> ms. */
  templates: Map<string, number>;
}

const LINE = /Benchmark\s+(\d+)ms\s+\S+\s+\d+×\s+\((\w+)\)\s+(.*)$/;
const WRITE_STEPS = ['Template Write', 'Template make parent directory', 'Passthrough Copy File'];

/** Eleventy's aggregate benchmark lines (printed at the end of a build with DEBUG=Eleventy:Benchmark*). */
export function parseEleventyBenchmark(stderr: string): EleventyStages {
  const stages: EleventyStages = { renderMs: 0, writeMs: 0, templates: new Map() };
  for (const line of stderr.split('\n')) {
    const match = LINE.exec(line);
    if (!match || match[2] !== 'Aggregate') continue;
    const ms = Number(match[1]);
    const what = match[3]!.trim();
    if (what === 'Render') stages.renderMs += ms;
    else if (WRITE_STEPS.includes(what)) stages.writeMs += ms;
    else if (what.startsWith('> Render Content > ')) {
      // The engine's templates are virtual, under Eleventy's input folder and a `noticeboard/` prefix.
      const name = what.slice('> Render Content > '.length).replace(/^.*\/noticeboard\//, '');
      stages.templates.set(name, (stages.templates.get(name) ?? 0) + ms);
    }
  }
  return stages;
}

/** Peak resident memory from `/usr/bin/time -v`, in KiB. */
export function parseMaxRss(stderr: string): number | undefined {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return match ? Number(match[1]) : undefined;
}

export interface OutputSize {
  pages: number;
  files: number;
  bytes: number;
  /** The largest HTML page, for bounded-size checks. */
  largestPage: { path: string; bytes: number };
  /** Every file: path relative to the folder ('/'-separated) and size, for the floor to write the same. */
  list: [path: string, bytes: number][];
}

export function measureOutput(dir: string): OutputSize {
  const size: OutputSize = { pages: 0, files: 0, bytes: 0, largestPage: { path: '', bytes: 0 }, list: [] };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = statSync(path).size;
    size.files++;
    size.bytes += bytes;
    size.list.push([relative(dir, path).split(sep).join('/'), bytes]);
    if (entry.name.endsWith('.html')) {
      size.pages++;
      if (bytes > size.largestPage.bytes) size.largestPage = { path: path.slice(dir.length), bytes };
    }
  }
  return size;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Milliseconds to create `count` folders holding a 10 KiB file each, under
 * `dir` (removed afterwards): what writing a site's pages asks of the disk.
 * On a shared virtual machine this swings from tens of milliseconds to most
 * of a second from one minute to the next, and the build's write stage with
 * it, so the benchmark prints it next to its figures.
 */
export function probeDisk(dir: string, count = 1000): number {
  const content = 'x'.repeat(10 * 1024);
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const folder = join(dir, String(i % 20), String(i));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'index.html'), content);
  }
  const ms = performance.now() - started;
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

/**
 * The file system a folder is on, from `df -T`: device, type, mount point,
 * and whether it is memory (tmpfs, ramfs) or a disk.
 */
export function fileSystemOf(dir: string): string {
  const df = spawnSync('df', ['-T', dir], { encoding: 'utf8' });
  const fields = df.status === 0 ? df.stdout.trim().split('\n').at(-1)!.split(/\s+/) : [];
  if (fields.length < 7) return `unknown (df -T failed: ${df.stderr.trim()})`;
  const [device, type] = fields;
  const memory = type === 'tmpfs' || type === 'ramfs';
  return `${device} (${type}, ${memory ? 'memory' : 'a disk'}) mounted at ${fields.at(-1)}`;
}
