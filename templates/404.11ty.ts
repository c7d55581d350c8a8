/** `/404.html`: a not-found page that points somewhere useful. */
import { html } from '../src/html.ts';
import type { SiteModel } from '../src/model.ts';
import { page } from './_parts/layout.ts';

export const data = { permalink: '/404.html' };

export function render({ site }: { site: SiteModel }): string {
  return page({
    site,
    title: 'Page not found',
    url: '/404.html',
    body: html`<h1>Page not found</h1>
<p>There is no page at this address. It may have been mistyped, or the notice you are looking for may be listed under another date.</p>
<ul>
<li><a href="/">Current status of every service</a></li>
<li><a href="/archive/">Every notice, by month</a></li>
<li><a href="/services/">Every service and its history</a></li>
</ul>`,
  }).toString();
}
