/** `/YYYY/MM/`: every notice of one month in full, newest first. */
import { html } from '../src/html.ts';
import type { MonthView, SiteModel } from '../src/model.ts';
import { plural } from '../src/views.ts';
import { page } from './_parts/layout.ts';
import { noticeArticle } from './_parts/notice.ts';

export const data = {
  pagination: { data: 'site.monthPages', size: 1, alias: 'month' },
  permalink: (data: { month: MonthView }) => data.month.url,
};

export function render({ site, month }: { site: SiteModel; month: MonthView }): string {
  const { previous, next } = month;
  return page({
    site,
    title: month.label,
    url: month.url,
    description: `${plural(month.notices.length, 'notice')} from ${month.label}`,
    body: html`<h1>Month: ${month.label}</h1>
<p class="count">${plural(month.notices.length, 'notice')}, newest first.</p>
${month.notices.map((notice) => noticeArticle(notice, site, { level: 2 }))}
<nav class="pager" aria-label="Other months">
<ul>
${previous ? html`<li class="previous"><a href="${previous.url}" rel="prev">← ${previous.label}</a></li>` : ''}
<li><a href="/archive/">All months</a></li>
${next ? html`<li class="next"><a href="${next.url}" rel="next">${next.label} →</a></li>` : ''}
</ul>
</nav>`,
  }).toString();
}
