import type { SiteModel } from '../src/model.ts';
import { html } from '../src/html.ts';
import { page } from './_parts/layout.ts';

export const data = { permalink: '/index.html' };

export function render({ site }: { site: SiteModel }): string {
  return page({
    site,
    url: '/',
    body: html`<h1>${site.config.title}</h1>
<p>${site.notices.length} notices</p>`,
  }).toString();
}
