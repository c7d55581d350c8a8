/** `/archive/`: every month that has notices, newest first, by year. */
import { html } from '../html.ts';
import type { SiteModel } from '../../model/model.ts';
import { page } from '../parts/layout.ts';
import { searchBox } from '../parts/search.ts';

export const data = { permalink: '/archive/' };

export function render({ site }: { site: SiteModel }): string {
  const { locale } = site;
  const { t } = locale;
  return page({
    site,
    title: t('archive.title'),
    url: '/archive/',
    description: t('archive.description'),
    body: html`<h1>${t('archive.title')}</h1>
${searchBox(site)}
${site.years.length
  ? site.years.map(
      (year) => html`<section class="year">
<h2>${year.year} <span class="count">(${locale.count('count.notices', year.count)})</span></h2>
<ul class="months">
${year.months.map((month) => html`<li><a href="${month.url}">${locale.dates.month(month.year, month.month)}</a> <span class="count">(${locale.count('count.notices', month.notices.length)})</span></li>\n`)}</ul>
</section>
`,
    )
  : html`<p class="empty">${t('home.no_notices')}</p>`}`,
  }).toString();
}
