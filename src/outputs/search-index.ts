/**
 * The search index: every published notice (title, body and published
 * updates) indexed with Pagefind into `<site>/pagefind/`, inside the build's
 * staging folder so the index is swapped in with the pages it describes.
 * Search then runs in the reader's browser on these files alone
 * (public/search.js), so no request leaves the site.
 *
 * Each notice is handed to Pagefind as a small HTML document built from the
 * model (not read back from the written pages, which repeat notices on month
 * and history pages): its title is the result's title, and the date and type
 * go in as metadata for the result line. Only the files the browser needs
 * are kept; Pagefind's prebuilt UI bundles are removed, as the site has its
 * own box.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { escapeHtml } from '../pages/html.ts';
import type { NoticeView, SiteModel } from '../model/model.ts';
import { searchPartFolder } from '../model/search-parts.ts';
import { linkPart, partDigest, readPartsRecord, writePartsRecord, type PartsRecord } from './search-reuse.ts';
import { typeLabel } from '../model/views.ts';

export const SEARCH_DIR = 'pagefind';
/**
 * How many parts are indexed at once, each in a Pagefind process of its own:
 * one per core besides the one the pages are rendered on, at least one, at
 * most four (each holds a part of up to about 300 MiB). Pagefind does most of
 * a part's work on one thread. On two cores a second lane was measured to
 * slow the pages by more than it shortened the wait for the index
 * (docs/performance.md#the-search-index-in-parts).
 */
const SEARCH_LANES = Math.min(4, Math.max(1, availableParallelism() - 1));

/** Notices per message to the search worker. */
const CHUNK = 500;

/** Pagefind's bundled search UIs and highlighter: the site does not load them. */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/** The document Pagefind indexes for one notice. */
export function searchDocument(notice: SiteModel['notices'][number], site: Pick<SiteModel, 'config' | 'locale'>): string {
  const { language, timezone } = site.config;
  const date = escapeHtml(site.locale.dates.dateTime(notice.date, timezone));
  const updates = notice.published.map((update) => `<div>${update.html}</div>`).join('');
  return `<html lang="${escapeHtml(language)}"><body><main data-pagefind-body><h1>${escapeHtml(notice.title)}</h1><span data-pagefind-meta="date[data-date], type[data-type]" data-date="${date}" data-type="${escapeHtml(typeLabel(notice.type, site.locale))}"></span>${notice.html}${updates}</main></body></html>`;
}

/**
 * Starts indexing `site`'s notices into `<outputDir>/pagefind/` and returns at
 * once (after digesting the parts `previous` may have); the promise settles
 * with how many parts were taken from `previous` when the index is written. It needs only the
 * model, not the written pages, so the build runs it while Eleventy renders
 * and waits for it before publishing. Other files may be written into
 * `outputDir` meanwhile.
 *
 * An archive of more than 2,000 notices is indexed in parts (the model's
 * `searchParts`, see src/model/search-parts.ts): part 1 into `pagefind/`, the
 * others into `pagefind/part-2/`, ... . `lanes` (default `SEARCH_LANES`) parts
 * are indexed at once, each lane taking every lanes-th part, one after
 * another, and dropping each from Pagefind's memory once written. A part's
 * folder keeps only its index; the browser runs all parts with the first's
 * script and WebAssembly.
 *
 * `previous` is the index of the site the build replaces: each part made from
 * the same documents as its part there is linked from it instead of indexed
 * (src/outputs/search-reuse.ts), so a build that changed no notice, as most
 * scheduled builds, starts no Pagefind process. Every part's digest is
 * recorded beside the new index for the next build.
 *
 * Each lane indexes in a Pagefind process of its own, driven from a
 * worker thread (search-worker.js) with its own event loop: driven from the
 * main thread, each batch waited for a turn between Eleventy's renders, and at
 * 1,000 notices on a busy machine the build then waited 22% of its time for
 * the index after Eleventy was done. The documents go to the worker in chunks, two ahead, so
 * only a few thousand are in memory at once, also at 100,000 notices.
 *
 * HTML documents rather than Pagefind's custom records: records were measured
 * no faster to add (0.80 against 0.87 s for 1,000 notices; writing the index,
 * 1.6-2 s, is the bulk either way), and a record's text has no headings, so
 * a notice whose title matches would lose the weight Pagefind gives a <h1>.
 */
export async function startSearchIndex(site: SiteModel, outputDir: string, { lanes = SEARCH_LANES, previous }: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const indexDir = join(outputDir, SEARCH_DIR);
  const language = site.config.language.slice(0, 2);
  const before = previous === undefined ? {} : readPartsRecord(previous);
  const record: PartsRecord = {};
  const parts: Part[] = [];
  const reusing: Promise<void>[] = [];
  site.searchParts.forEach((notices, i) => {
    const part: Part = { notices, number: i + 1, folder: searchPartFolder(i + 1), record };
    const key = part.folder || '.';
    const was = before[key];
    // Only a part the replaced site has is digested here; the others are digested as they are sent to Pagefind.
    if (previous === undefined || was === undefined) return void parts.push(part);
    const digest = partDigest(language);
    digest.add(notices.map((notice) => ({ url: notice.url, content: searchDocument(notice, site) })));
    record[key] = digest.digest();
    if (record[key] !== was) return void parts.push(part);
    reusing.push(
      linkPart(join(previous, part.folder), join(indexDir, part.folder), (name) => PART_FOLDER.test(name)).then((linked) => {
        if (!linked) parts.push(part);
      }),
    );
  });
  // A part that could not be linked is indexed after all.
  await Promise.all(reusing);
  const reused = site.searchParts.length - parts.length;
  const count = Math.min(parts.length, lanes);
  const indexing = Array.from({ length: count }, (_, lane) => indexParts(site, indexDir, parts.filter((_, i) => i % count === lane), language));
  // Every lane settles before the promise does, so none still writes into a folder the build is removing.
  const results = await Promise.allSettled(indexing);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  writePartsRecord(indexDir, record);
  return { parts: site.searchParts.length, reused };
}

/** A part of the index to write: its notices, its number and folder, and the record its digest goes in. */
interface Part {
  notices: NoticeView[];
  number: number;
  folder: string;
  record: PartsRecord;
}

export interface SearchIndexOptions {
  /** Parts indexed at once (default `SEARCH_LANES`). */
  lanes?: number;
  /** The index of the site this build replaces (its `pagefind/` folder): parts made from the same documents are taken from it (search-reuse.ts). */
  previous?: string;
}

/** How many parts the index has, and how many of them were taken from the replaced site's. */
export interface SearchIndexResult {
  parts: number;
  reused: number;
}

/** The folders of parts 2, 3, ... inside part 1's (see `searchPartFolder`). */
const PART_FOLDER = /^part-\d+$/;

/** Indexes `parts`, one after another, with one worker and its Pagefind process. */
function indexParts(site: SiteModel, indexDir: string, parts: Part[], language: string): Promise<void> {
  const worker = new Worker(new URL('./search-worker.js', import.meta.url), {
    workerData: { language, unused: UNUSED.source, runtime: RUNTIME.source },
  });
  const messages = workerMessages(site, indexDir, parts, language);
  const sendNext = () => {
    const next = messages.next();
    if (!next.done) worker.postMessage(next.value);
  };
  return new Promise<void>((resolve, reject) => {
    worker.on('message', (message: { ack?: true; written?: true; error?: string }) => {
      if (message.ack) sendNext();
      else {
        // Settled before the worker is stopped: a stopped worker exits with code 1.
        if (message.written) resolve();
        else reject(new Error(`search index: ${message.error}`));
        void worker.terminate();
      }
    });
    worker.once('error', reject);
    // After the index is written (or failed), the promise is settled and this changes nothing.
    worker.once('exit', (code) => reject(new Error(`search index: its worker stopped (exit code ${code})`)));
    // Two ahead: the worker has the next chunk while it adds one.
    sendNext();
    sendNext();
  });
}

/** Pagefind's script, worker and WebAssembly: only part 1's folder keeps them (the others are merged into it). */
const RUNTIME = /^(pagefind(-worker)?\.js|wasm\..+\.pagefind)$/;

type WorkerMessage =
  | { documents: { url: string; content: string; file: string }[] }
  | { write: { outputPath: string; keepRuntime: boolean } }
  | { close: true };

/** What the worker is sent, in order: each part's documents in chunks, then where to write it; at the end, close. */
function* workerMessages(site: SiteModel, indexDir: string, parts: Part[], language: string): Generator<WorkerMessage> {
  for (const { notices, number, folder, record } of parts) {
    // What the part is made from, for the next build to take it unchanged (search-reuse.ts).
    const digest = partDigest(language);
    for (let next = 0; next < notices.length; next += CHUNK) {
      const documents = notices.slice(next, next + CHUNK).map((notice) => ({ url: notice.url, content: searchDocument(notice, site), file: notice.file }));
      digest.add(documents);
      yield { documents };
    }
    record[folder || '.'] = digest.digest();
    yield { write: { outputPath: join(indexDir, folder), keepRuntime: number === 1 } };
  }
  yield { close: true };
}
