/**
 * The search index's worker thread (started by src/outputs/search-index.ts):
 * drives Pagefind's indexing service with an event loop of its own, so the
 * index moves on while the build's main thread is busy rendering pages.
 *
 * Plain JavaScript that imports only Pagefind, so it starts in a few
 * milliseconds with or without a TypeScript loader. Messages:
 *   in:  { documents: [{ url, content, file }] } (a chunk), then { done: true }
 *   out: { added: n } after each chunk (the main thread then sends the next),
 *        then { written: true } or { error: message }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** @type {{ language: string, outputPath: string, unused: string }} */
const { language, outputPath, unused } = workerData;
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const UNUSED = new RegExp(unused);

/** @type {import('pagefind').PagefindIndex | undefined} */
let index;
let failed = false;

/** @param {{ documents?: { url: string, content: string, file: string }[], done?: boolean }} message */
async function onMessage(message) {
  if (!index) {
    const created = await pagefind.createIndex({ forceLanguage: language });
    if (!created.index) throw new Error(created.errors.join('; '));
    index = created.index;
  }
  if (message.documents) {
    const added = await Promise.all(message.documents.map(({ url, content }) => /** @type {import('pagefind').PagefindIndex} */ (index).addHTMLFile({ url, content })));
    added.forEach((result, i) => {
      if (result.errors.length) throw new Error(`${message.documents?.[i]?.file}: ${result.errors.join('; ')}`);
    });
    port.postMessage({ added: added.length });
  }
  if (message.done) {
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    for (const name of readdirSync(outputPath)) if (UNUSED.test(name)) rmSync(join(outputPath, name));
    await pagefind.close();
    port.postMessage({ written: true });
  }
}

// One message at a time, in order.
let queue = Promise.resolve();
port.on('message', (message) => {
  queue = queue
    .then(() => (failed ? undefined : onMessage(message)))
    .catch(async (error) => {
      failed = true;
      await pagefind.close();
      port.postMessage({ error: error instanceof Error ? error.message : String(error) });
    });
});
