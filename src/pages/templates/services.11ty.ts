/** `/services/`: the catalog, by group, with each service's state now. */
import { tHtml } from '../../i18n/markup.ts';
import { html } from '../html.ts';
import type { SiteModel } from '../../model/model.ts';
import { page } from '../parts/layout.ts';
import { serviceGroups } from '../parts/services.ts';
import { timeTag } from '../parts/time.ts';

export const data = { permalink: '/services/' };

export function render({ site }: { site: SiteModel }): string {
  const { t } = site.locale;
  return page({
    site,
    title: t('services.title'),
    url: '/services/',
    description: t('services.description'),
    body: html`<h1>${t('services.title')}</h1>
<p class="asof">${tHtml(site.locale, 'home.asof', { time: timeTag(site.now, site.config.timezone, site.locale) })}</p>
${serviceGroups(site.groups, site, 2, { descriptions: true })}
<p class="links"><a href="/availability/">${t('services.all_availability')}</a></p>`,
  }).toString();
}
