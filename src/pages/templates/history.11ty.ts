/**
 * `/history/`: every published notice, newest first, in pages of a bounded
 * size with stable URLs (src/history.ts), each with its type, state, window
 * and services; filtered by type (`/history/incident/`, …) and by service
 * (`/history/service/<id>/`). The filters are links to those static pages, so
 * they work without JavaScript; public/history.js swaps the list in place
 * when one is followed, without a page load.
 */
import { pagerNumbers, type HistoryPage } from '../../model/history.ts';
import { html } from '../html.ts';
import type { NoticeView, SiteModel } from '../../model/model.ts';
import { page } from '../parts/layout.ts';
import { noticeList } from '../parts/notice.ts';
import { searchBox } from '../parts/search.ts';

export const data = {
  pagination: { data: 'site.historyPages', size: 1, alias: 'historyPage' },
  permalink: (data: { historyPage: HistoryPage }) => data.historyPage.url,
};

export function render({ site, historyPage }: { site: SiteModel; historyPage: HistoryPage<NoticeView> }): string {
  const { filters } = site.history;
  const filter = filters.find((candidate) => candidate.key === historyPage.filterKey)!;
  const { older, newer, number, numberedPages } = historyPage;
  const { locale } = site;
  const { t } = locale;
  // The filters by type are named in the site's language; those by service by the service's name.
  const labelOf = (candidate: (typeof filters)[number]) => (candidate.kind === 'service' ? candidate.label : t(`history.filter.${candidate.key}`));
  const heading = filter.kind === 'all' ? t('history.title') : t('history.title_filter', { filter: labelOf(filter) });
  const title = number ? t('history.title_page', { heading, number: locale.number(number) }) : heading;
  const where = number ? t('history.where_page', { number: locale.number(number) }) : t('history.where_newest');
  const filterLink = (candidate: (typeof filters)[number]) =>
    html`<li><a href="${candidate.url}"${candidate.key === filter.key ? html` aria-current="true"` : ''}>${labelOf(candidate)}</a> <span class="count">(${locale.number(candidate.count)})</span></li>`;
  return page({
    site,
    title,
    url: historyPage.url,
    description: t('history.description', { notices: locale.count('count.notices', filter.count), what: filter.kind === 'all' ? t('history.every_notice') : labelOf(filter) }),
    body: html`<h1>${t('history.title')}</h1>
${searchBox(site)}
<nav class="history-filters" aria-label="${t('history.filters_label')}">
<h2>${t('history.filter')}</h2>
<p class="filter-row">${t('history.by_type')}</p>
<ul class="links">${filters.filter((candidate) => candidate.kind !== 'service').map(filterLink)}</ul>
<p class="filter-row">${t('history.by_service')}</p>
<ul class="links">${filters.filter((candidate) => candidate.kind === 'service').map(filterLink)}</ul>
</nav>
<section id="history-results" class="history-results" aria-labelledby="history-heading">
<h2 id="history-heading">${title}</h2>
<p class="count">${t('history.count', { total: locale.count('count.notices', filter.count), here: locale.count('count.notices', historyPage.notices.length), where })}</p>
${noticeList(historyPage.notices, site, filter.kind === 'service' ? t('history.no_notices_about', { filter: filter.label }) : t('home.no_notices'), { services: true })}
<nav class="pager" aria-label="${t('history.pager')}">
<ul>
${newer ? html`<li class="previous"><a href="${newer.url}" rel="prev">${t('history.newer')}</a></li>` : ''}
${older ? html`<li class="next"><a href="${older.url}" rel="next">${t('history.older')}</a></li>` : ''}
</ul>
${numberedPages ? html`<p class="count">${t('history.older_pages')} ${pagerNumbers(numberedPages, number).map((n) => (n === null ? html`<span aria-hidden="true">…</span> ` : html`<a href="${filter.url}${n}/"${n === number ? html` aria-current="page"` : ''}>${locale.number(n)}</a> `))}</p>` : ''}
</nav>
</section>
<script type="module" src="${site.theme.asset('/history.js')}"></script>`,
  }).toString();
}
