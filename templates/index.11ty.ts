/**
 * `/`: the overall state first, then what is happening now (open incidents,
 * maintenance in progress), every service by group with its 90-day strip,
 * upcoming maintenance and recent notices.
 */
import { html } from '../src/html.ts';
import type { SiteModel } from '../src/model.ts';
import { overallLabel, stateIcon, stateTone } from '../src/views.ts';
import { stripLegend } from './_parts/availability.ts';
import { page } from './_parts/layout.ts';
import { noticeList } from './_parts/notice.ts';
import { serviceGroups } from './_parts/services.ts';
import { subscribeSection } from './_parts/subscribe.ts';
import { timeTag } from './_parts/time.ts';

export const data = { permalink: '/index.html' };

export function render({ site }: { site: SiteModel }): string {
  const zone = site.config.timezone;
  // What is happening now leads with its newest update.
  const item = { summary: true, services: true, latest: true };
  // The page script moves maintenance between these two lists on the reader's clock.
  const moving = { ...item, movable: true };
  return page({
    site,
    url: '/',
    body: html`<section class="banner tone-${stateTone(site.overall)}">
<h1><span class="icon" aria-hidden="true">${stateIcon(site.overall)}</span> ${overallLabel(site.overall)}</h1>
<p class="asof">Status as of ${timeTag(site.now, zone)}</p>
</section>
<section class="open-incidents">
<h2>Open incidents</h2>
${noticeList(site.openIncidents, site, 'No open incidents.', item)}
</section>
<section class="maintenance-now moves">
<h2>Maintenance in progress</h2>
${noticeList(site.maintenanceInProgress, site, 'No maintenance in progress.', moving)}
</section>
<section class="services">
<h2>Services</h2>
${stripLegend(site)}
${serviceGroups(site.groups, site, 3, { strips: true })}
</section>
<section class="maintenance-upcoming moves">
<h2>Upcoming maintenance</h2>
${noticeList(site.upcomingMaintenance, site, 'No maintenance scheduled.', moving)}
</section>
<section class="recent">
<h2>Recent notices</h2>
${noticeList(site.recent, site, 'No notices yet.')}
<p><a href="/archive/">All notices, by month</a></p>
</section>
${subscribeSection(site, '/')}`,
  }).toString();
}
