/** `/services/<id>/YYYY/`: every notice about one service from one year, newest first. */
import { html } from '../html.ts';
import type { ServiceYearView, SiteModel } from '../../model/model.ts';
import { page } from '../parts/layout.ts';
import { noticeList } from '../parts/notice.ts';

export const data = {
  pagination: { data: 'site.serviceYearPages', size: 1, alias: 'serviceYear' },
  permalink: (data: { serviceYear: ServiceYearView }) => data.serviceYear.url,
};

export function render({ site, serviceYear }: { site: SiteModel; serviceYear: ServiceYearView }): string {
  const service = site.serviceById.get(serviceYear.serviceId)!;
  const { previous, next } = serviceYear;
  const { locale } = site;
  const { t } = locale;
  const title = `${service.name}: ${serviceYear.year}`;
  const notices = locale.count('count.notices', serviceYear.count);
  return page({
    site,
    title,
    url: serviceYear.url,
    description: t('service_year.description', { notices, service: service.name, year: serviceYear.year }),
    body: html`<h1>${title}</h1>
<p class="count">${t('service_year.count', { notices })} <a href="${service.url}">${t('service_year.now', { service: service.name })}</a></p>
${noticeList(serviceYear.notices, site, '')}
<nav class="pager" aria-label="${t('pager.other_years')}">
<ul>
${previous ? html`<li class="previous"><a href="${previous.url}" rel="prev">← ${previous.year}</a></li>` : ''}
${next ? html`<li class="next"><a href="${next.url}" rel="next">${next.year} →</a></li>` : ''}
</ul>
</nav>`,
  }).toString();
}
