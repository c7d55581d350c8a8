/** `/404.html`: a not-found page that points somewhere useful. */
import { html } from '../html.ts';
import type { SiteModel } from '../../model/model.ts';
import { page } from '../parts/layout.ts';

export const data = { permalink: '/404.html' };

export function render({ site }: { site: SiteModel }): string {
  const { t } = site.locale;
  return page({
    site,
    title: t('notfound.title'),
    url: '/404.html',
    body: html`<h1>${t('notfound.title')}</h1>
<p>${t('notfound.text')}</p>
<ul>
<li><a href="/">${t('notfound.status')}</a></li>
<li><a href="/archive/">${t('notfound.archive')}</a></li>
<li><a href="/services/">${t('notfound.services')}</a></li>
</ul>`,
  }).toString();
}
