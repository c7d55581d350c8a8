/**
 * Parses many notice files on every core. Parsing (YAML, validation, Markdown)
 * is pure CPU work per file, so a large archive is split into small batches
 * that the main thread and worker threads take from a shared counter; whoever
 * is free takes the next batch, so a worker that is slow to start costs
 * nothing. Results come back in file order, exactly as a single thread would
 * produce them.
 *
 * Loading is synchronous (`loadSite`, which builds, tests and Eleventy's data
 * function call, and `checkSite`, which the `check` command calls), so the
 * main thread waits for the workers with `Atomics.wait`. A worker that never
 * started is cancelled and its share is parsed on the main thread; a worker
 * that fails reports what it finished and the rest is parsed on the main
 * thread. NOTICEBOARD_THREADS sets the number of threads (1: no workers).
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { SiteConfig } from './config.ts';
import type { ParsedFile } from './load-notices.ts';

export interface ParseJob {
  /** Position in the caller's file list. */
  index: number;
  /** Absolute path. */
  path: string;
  /** Path as problems name it, relative to the project root. */
  file: string;
}

/**
 * Below this many files to parse, a worker costs more than it saves: it takes
 * about 0.7 s to start (it loads tsx and the parsing modules again), and on
 * the 2-core benchmark machine two threads broke even at 10,000 notices and
 * saved 20-25% at 30,000.
 */
const PARALLEL_MIN_FILES = 15_000;
const BATCH = 50;
/** How long to wait for a worker that has started a batch before giving up on the build. */
const WORKER_TIMEOUT_MS = 10 * 60_000;

// Slot states in the shared array (slot 0 is the next batch number); parse-worker.ts sets them too.
export const IDLE = 0;
export const WORKING = 1;
export const DONE = 2;
const CANCELLED = 3;

/**
 * Worker threads do not inherit the `--import tsx` hook that runs this
 * TypeScript, so each worker registers tsx before importing its module.
 */
const workerBoot = () => `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./parse-worker.ts', import.meta.url).href)}); })`;

export interface WorkerInput {
  jobs: ParseJob[];
  config: SiteConfig;
  shared: SharedArrayBuffer;
  slot: number;
  batch: number;
  port: MessagePort;
}

export interface WorkerOutput {
  results: [number, ParsedFile][];
  error?: string;
}

/**
 * Threads to parse `files` files with: NOTICEBOARD_THREADS if set (1 turns
 * workers off, more forces them), else every core (at most 4) for a large
 * archive and one thread for a small one.
 */
function threadCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  const wanted = Number(env.NOTICEBOARD_THREADS);
  if (env.NOTICEBOARD_THREADS && Number.isInteger(wanted) && wanted >= 1) return wanted;
  return files < PARALLEL_MIN_FILES ? 1 : Math.min(availableParallelism(), 4);
}

interface PoolStats {
  workers: number;
  /** Files the workers parsed; the main thread parsed the rest. */
  parsedByWorkers: number;
}

let lastStats: PoolStats = { workers: 0, parsedByWorkers: 0 };

/** What the last `parseFiles` call did, for tests and benchmarks. */
export function lastPoolStats(): PoolStats {
  return lastStats;
}

/** Parses `jobs` (on several threads when there are many); returns [index, result] in job order. */
export function parseFiles(
  jobs: readonly ParseJob[],
  config: SiteConfig,
  parseOne: (job: ParseJob) => ParsedFile,
  /** Tests: the main thread leaves the batches to the workers (waiting up to a minute for them to start). */
  options: { workersOnly?: boolean } = {},
): [number, ParsedFile][] {
  lastStats = { workers: 0, parsedByWorkers: 0 };
  const threads = threadCount(jobs.length);
  if (threads <= 1 || jobs.length === 0) return jobs.map((job) => [job.index, parseOne(job)]);

  const workerCount = Math.min(threads - 1, Math.ceil(jobs.length / BATCH) - 1);
  const shared = new Int32Array(new SharedArrayBuffer(4 * (1 + workerCount)));
  const workers: { worker: Worker; port: MessagePort }[] = [];
  for (let i = 0; i < workerCount; i++) {
    const { port1, port2 } = new MessageChannel();
    const input: WorkerInput = { jobs: [...jobs], config, shared: shared.buffer as SharedArrayBuffer, slot: 1 + i, batch: BATCH, port: port2 };
    try {
      const worker = new Worker(workerBoot(), { eval: true, workerData: input, transferList: [port2] });
      worker.unref();
      // A worker that fails to start is cancelled below; its error needs no handler of its own.
      worker.on('error', () => {});
      workers.push({ worker, port: port1 });
    } catch {
      port1.close();
      Atomics.store(shared, 1 + i, CANCELLED);
    }
  }

  lastStats.workers = workers.length;
  const results = new Map<number, ParsedFile>();
  const take = () => Atomics.add(shared, 0, 1);
  if (options.workersOnly) {
    const deadline = Date.now() + 60_000;
    workers.forEach((_, i) => {
      while (Atomics.load(shared, 1 + i) === IDLE && Date.now() < deadline) Atomics.wait(shared, 1 + i, IDLE, 100);
    });
  } else {
    for (let batch = take(); batch * BATCH < jobs.length; batch = take()) {
      for (const job of jobs.slice(batch * BATCH, (batch + 1) * BATCH)) results.set(job.index, parseOne(job));
    }
  }

  workers.forEach(({ worker, port }, i) => {
    const slot = 1 + i;
    if (Atomics.compareExchange(shared, slot, IDLE, CANCELLED) !== IDLE) {
      const deadline = Date.now() + WORKER_TIMEOUT_MS;
      while (Atomics.load(shared, slot) !== DONE) {
        if (Date.now() > deadline) throw new Error('a notice-parsing worker stopped responding');
        Atomics.wait(shared, slot, WORKING, 1000);
      }
      const output = receiveMessageOnPort(port)?.message as WorkerOutput | undefined;
      for (const [index, result] of output?.results ?? []) results.set(index, result);
      lastStats.parsedByWorkers += output?.results.length ?? 0;
    }
    port.close();
    void worker.terminate();
  });

  // Whatever a failed worker left undone.
  for (const job of jobs) if (!results.has(job.index)) results.set(job.index, parseOne(job));
  return jobs.map((job) => [job.index, results.get(job.index)!]);
}
