/**
 * The search index's worker thread (started by src/outputs/search-index.ts):
 * drives Pagefind's indexing service with an event loop of its own, so the
 * index moves on while the build's main thread is busy rendering pages.
 *
 * Plain JavaScript that imports only Pagefind, so it starts in a few
 * milliseconds with or without a TypeScript loader. Messages, for each part
 * of the index in turn:
 *   in:  { documents: [{ url, content, file }] } (a chunk), ...,
 *        then { write: { outputPath, keepRuntime } } (the part is complete);
 *        after the last part, { close: true }.
 *   out: { ack: true } after each chunk and each write (the main thread then
 *        sends the next message), then { written: true } or { error: message }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** @type {{ language: string, unused: string, runtime: string }} */
const { language, unused, runtime } = workerData;
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const UNUSED = new RegExp(unused);
const RUNTIME = new RegExp(runtime);

/** The part being added; a new one is made for the first chunk after a write. @type {import('pagefind').PagefindIndex | undefined} */
let index;
let failed = false;

async function currentIndex() {
  if (!index) {
    const created = await pagefind.createIndex({ forceLanguage: language });
    if (!created.index) throw new Error(created.errors.join('; '));
    index = created.index;
  }
  return index;
}

/** @param {{ documents?: { url: string, content: string, file: string }[], write?: { outputPath: string, keepRuntime: boolean }, close?: true }} message */
async function onMessage(message) {
  if (message.documents) {
    const part = await currentIndex();
    const added = await Promise.all(message.documents.map(({ url, content }) => part.addHTMLFile({ url, content })));
    added.forEach((result, i) => {
      if (result.errors.length) throw new Error(`${message.documents?.[i]?.file}: ${result.errors.join('; ')}`);
    });
    port.postMessage({ ack: true });
  }
  if (message.write) {
    const { outputPath, keepRuntime } = message.write;
    const part = await currentIndex();
    const written = await part.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    for (const name of readdirSync(outputPath)) {
      if (UNUSED.test(name) || (!keepRuntime && RUNTIME.test(name))) rmSync(join(outputPath, name));
    }
    // Pagefind holds a part's every word until the part is deleted: without this, its memory grows with the whole archive.
    await part.deleteIndex();
    index = undefined;
    port.postMessage({ ack: true });
  }
  if (message.close) {
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
