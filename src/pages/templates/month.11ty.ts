/** `/YYYY/MM/`: every notice of one month in full, newest first. */
import { html } from '../html.ts';
import type { MonthView, SiteModel } from '../../model/model.ts';
import { page } from '../parts/layout.ts';
import { noticeArticle } from '../parts/notice.ts';

export const data = {
  pagination: { data: 'site.monthPages', size: 1, alias: 'month' },
  permalink: (data: { month: MonthView }) => data.month.url,
};

export function render({ site, month }: { site: SiteModel; month: MonthView }): string {
  const { previous, next } = month;
  const { locale } = site;
  const { t } = locale;
  const label = (ref: { year: number; month: number }) => locale.dates.month(ref.year, ref.month);
  const notices = locale.count('count.notices', month.notices.length);
  return page({
    site,
    title: label(month),
    url: month.url,
    description: t('month.description', { notices, month: label(month) }),
    body: html`<h1>${t('month.heading', { month: label(month) })}</h1>
<p class="count">${t('month.count', { notices })}</p>
${month.notices.map((notice) => noticeArticle(notice, site, { level: 2 }))}
<nav class="pager" aria-label="${t('month.pager')}">
<ul>
${previous ? html`<li class="previous"><a href="${previous.url}" rel="prev">← ${label(previous)}</a></li>` : ''}
<li><a href="/archive/">${t('month.all')}</a></li>
${next ? html`<li class="next"><a href="${next.url}" rel="next">${label(next)} →</a></li>` : ''}
</ul>
</nav>`,
  }).toString();
}
