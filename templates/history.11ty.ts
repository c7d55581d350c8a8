/**
 * `/history/`: every published notice, newest first, in pages of a bounded
 * size with stable URLs (src/history.ts), each with its type, state, window
 * and services; filtered by type (`/history/incident/`, …) and by service
 * (`/history/service/<id>/`). The filters are links to those static pages, so
 * they work without JavaScript; public/history.js swaps the list in place
 * when one is followed, without a page load.
 */
import { assetPath } from '../src/eleventy/fingerprint.ts';
import type { HistoryPage } from '../src/history.ts';
import { html } from '../src/html.ts';
import type { NoticeView, SiteModel } from '../src/model.ts';
import { plural } from '../src/views.ts';
import { page } from './_parts/layout.ts';
import { noticeList } from './_parts/notice.ts';
import { searchBox } from './_parts/search.ts';

export const data = {
  pagination: { data: 'site.history.pages', size: 1, alias: 'historyPage' },
  permalink: (data: { historyPage: HistoryPage }) => data.historyPage.url,
};

export function render({ site, historyPage }: { site: SiteModel; historyPage: HistoryPage<NoticeView> }): string {
  const { filters } = site.history;
  const filter = filters.find((candidate) => candidate.key === historyPage.filterKey)!;
  const { older, newer, number, numberedPages } = historyPage;
  const heading = filter.kind === 'all' ? 'History' : `History: ${filter.label}`;
  const title = number ? `${heading}, page ${number}` : heading;
  const where = number ? `page ${number} of the older pages (1 is the oldest)` : 'the newest';
  const filterLink = (candidate: (typeof filters)[number]) =>
    html`<li><a href="${candidate.url}"${candidate.key === filter.key ? html` aria-current="true"` : ''}>${candidate.label}</a> <span class="count">(${candidate.count})</span></li>`;
  return page({
    site,
    title,
    url: historyPage.url,
    description: `${plural(filter.count, 'notice')}: ${filter.kind === 'all' ? 'every notice' : filter.label}, newest first`,
    body: html`<h1>History</h1>
${searchBox()}
<nav class="history-filters" aria-label="Filter the history">
<h2>Filter</h2>
<p class="filter-row">By type:</p>
<ul class="links">${filters.filter((candidate) => candidate.kind !== 'service').map(filterLink)}</ul>
<p class="filter-row">By service:</p>
<ul class="links">${filters.filter((candidate) => candidate.kind === 'service').map(filterLink)}</ul>
</nav>
<section id="history-results" class="history-results" aria-labelledby="history-heading">
<h2 id="history-heading">${title}</h2>
<p class="count">${plural(filter.count, 'notice')} in all; ${plural(historyPage.notices.length, 'notice')} here, ${where}, newest first.</p>
${noticeList(historyPage.notices, site, filter.kind === 'service' ? `No notices about ${filter.label} yet.` : 'No notices yet.', { services: true })}
<nav class="pager" aria-label="Older and newer notices">
<ul>
${newer ? html`<li class="previous"><a href="${newer.url}" rel="prev">← Newer</a></li>` : ''}
${older ? html`<li class="next"><a href="${older.url}" rel="next">Older →</a></li>` : ''}
</ul>
${numberedPages ? html`<p class="count">Older pages: ${Array.from({ length: numberedPages }, (_, index) => numberedPages - index).map((n) => html`<a href="${filter.url}${n}/"${n === number ? html` aria-current="page"` : ''}>${n}</a> `)}</p>` : ''}
</nav>
</section>
<script type="module" src="${assetPath('/history.js')}"></script>`,
  }).toString();
}
