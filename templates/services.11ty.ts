/** `/services/`: the catalog, by group, with each service's state now. */
import { html } from '../src/html.ts';
import type { SiteModel } from '../src/model.ts';
import { page } from './_parts/layout.ts';
import { serviceGroups } from './_parts/services.ts';
import { timeTag } from './_parts/time.ts';

export const data = { permalink: '/services/' };

export function render({ site }: { site: SiteModel }): string {
  return page({
    site,
    title: 'Services',
    url: '/services/',
    description: 'Every service and its state now',
    body: html`<h1>Services</h1>
<p class="asof">Status as of ${timeTag(site.now, site.config.timezone)}</p>
${serviceGroups(site.groups, site, 2, { descriptions: true })}
<p class="links"><a href="/availability/">Availability of every service by month and quarter</a></p>`,
  }).toString();
}
