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
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { escapeHtml } from '../pages/html.ts';
import type { SiteModel } from '../model/model.ts';
import { typeLabel } from '../model/views.ts';

export const SEARCH_DIR = 'pagefind';
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
 * once; the promise settles when the index is written. It needs only the
 * model, not the written pages, so the build runs it while Eleventy renders
 * and waits for it before publishing. Other files may be written into
 * `outputDir` meanwhile.
 *
 * Pagefind indexes in a process of its own (on the other core), driven from a
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
export function startSearchIndex(site: SiteModel, outputDir: string): Promise<void> {
  const worker = new Worker(new URL('./search-worker.js', import.meta.url), {
    workerData: { language: site.config.language.slice(0, 2), outputPath: join(outputDir, SEARCH_DIR), unused: UNUSED.source },
  });
  let next = 0;
  let finished = false;
  const sendChunk = () => {
    if (finished) return;
    if (next >= site.notices.length) {
      finished = true;
      worker.postMessage({ done: true });
      return;
    }
    const chunk = site.notices.slice(next, next + CHUNK);
    next += chunk.length;
    worker.postMessage({ documents: chunk.map((notice) => ({ url: notice.url, content: searchDocument(notice, site), file: notice.file })) });
  };
  return new Promise<void>((resolve, reject) => {
    worker.on('message', (message: { added?: number; written?: true; error?: string }) => {
      if (message.added !== undefined) sendChunk();
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
    sendChunk();
    sendChunk();
  });
}
