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
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { escapeHtml } from '../pages/html.ts';
import type { SiteModel } from '../model/model.ts';
import { typeLabel } from '../model/views.ts';

export const SEARCH_DIR = 'pagefind';
const BATCH = 200;

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
 * (Pagefind works in a process of its own, on another core) and waits for it
 * before publishing. Other files may be written into `outputDir` meanwhile.
 *
 * HTML documents rather than Pagefind's custom records: records were measured
 * no faster to add (0.80 against 0.87 s for 1,000 notices; writing the index,
 * 1.6-2 s, is the bulk either way), and a record's text has no headings, so
 * a notice whose title matches would lose the weight Pagefind gives a <h1>.
 */
export async function startSearchIndex(site: SiteModel, outputDir: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: site.config.language.slice(0, 2) });
    if (!index) throw new Error(`search index: ${errors.join('; ')}`);
    // In batches: Pagefind's service works on several files at once, without holding every document in flight.
    for (let start = 0; start < site.notices.length; start += BATCH) {
      const batch = site.notices.slice(start, start + BATCH);
      const results = await Promise.all(batch.map((notice) => index.addHTMLFile({ url: notice.url, content: searchDocument(notice, site) })));
      results.forEach((added, i) => {
        if (added.errors.length) throw new Error(`search index: ${batch[i]!.file}: ${added.errors.join('; ')}`);
      });
    }
    const outputPath = join(outputDir, SEARCH_DIR);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
    for (const name of readdirSync(outputPath)) if (UNUSED.test(name)) rmSync(join(outputPath, name));
  } finally {
    await pagefind.close();
  }
}
