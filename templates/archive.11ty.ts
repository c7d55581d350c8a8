/** `/archive/`: every month that has notices, newest first, by year. */
import { html } from '../src/html.ts';
import type { SiteModel } from '../src/model.ts';
import { plural } from '../src/views.ts';
import { page } from './_parts/layout.ts';
import { searchBox } from './_parts/search.ts';

export const data = { permalink: '/archive/' };

export function render({ site }: { site: SiteModel }): string {
  return page({
    site,
    title: 'Archive',
    url: '/archive/',
    description: 'Every notice, by month',
    body: html`<h1>Archive</h1>
${searchBox()}
${site.years.length
  ? site.years.map(
      (year) => html`<section class="year">
<h2>${year.year} <span class="count">(${plural(year.count, 'notice')})</span></h2>
<ul class="months">
${year.months.map((month) => html`<li><a href="${month.url}">${month.label}</a> <span class="count">(${plural(month.notices.length, 'notice')})</span></li>\n`)}</ul>
</section>
`,
    )
  : html`<p class="empty">No notices yet.</p>`}`,
  }).toString();
}
