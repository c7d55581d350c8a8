/**
 * A worker thread of parse-pool.ts: takes batches of notice files from the
 * shared counter until none are left, then hands back what it parsed.
 */
import { workerData } from 'node:worker_threads';
import { createMarkdown } from './markdown.ts';
import { readAndParse, type ParsedFile } from './load-notices.ts';
import { DONE, IDLE, WORKING, type WorkerInput, type WorkerOutput } from './parse-pool.ts';

const { jobs, config, shared: buffer, slot, batch: size, port } = workerData as WorkerInput;
const shared = new Int32Array(buffer);

// Claim the slot; if the main thread has already finished and cancelled it, do nothing.
if (Atomics.compareExchange(shared, slot, IDLE, WORKING) === IDLE) {
  Atomics.notify(shared, slot);
  const results: [number, ParsedFile][] = [];
  let error: string | undefined;
  try {
    const markdown = createMarkdown({ allowHtml: config.allow_html });
    for (let batch = Atomics.add(shared, 0, 1); batch * size < jobs.length; batch = Atomics.add(shared, 0, 1)) {
      for (const job of jobs.slice(batch * size, (batch + 1) * size)) {
        results.push([job.index, readAndParse(job.path, job.file, config, markdown)]);
      }
    }
  } catch (caught) {
    error = String(caught);
  } finally {
    const output: WorkerOutput = { results, error };
    port.postMessage(output);
    Atomics.store(shared, slot, DONE);
    Atomics.notify(shared, slot);
  }
}
port.close();
