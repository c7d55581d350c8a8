/**
 * `/`: the overall state first, then what is happening now (open incidents,
 * maintenance in progress), every service by group with its 90-day strip,
 * upcoming maintenance and recent notices.
 */
import { tHtml } from '../../i18n/markup.ts';
import { html } from '../html.ts';
import type { SiteModel } from '../../model/model.ts';
import { overallLabel, stateIcon, stateTone } from '../../model/views.ts';
import { stripLegend } from '../parts/availability.ts';
import { page } from '../parts/layout.ts';
import { noticeList } from '../parts/notice.ts';
import { serviceGroups } from '../parts/services.ts';
import { subscribeSection } from '../parts/subscribe.ts';
import { timeTag } from '../parts/time.ts';

export const data = { permalink: '/index.html' };

export function render({ site }: { site: SiteModel }): string {
  const zone = site.config.timezone;
  const { locale } = site;
  const { t } = locale;
  // What is happening now leads with its newest update.
  const item = { summary: true, services: true, latest: true };
  // The page script moves maintenance between these two lists on the reader's clock.
  const moving = { ...item, movable: true };
  return page({
    site,
    url: '/',
    body: html`<section class="banner tone-${stateTone(site.overall)}">
<h1><span class="icon" aria-hidden="true">${stateIcon(site.overall)}</span> ${overallLabel(site.overall, locale)}</h1>
<p class="asof">${tHtml(locale, 'home.asof', { time: timeTag(site.now, zone, locale) })}</p>
</section>
<section class="open-incidents">
<h2>${t('home.open_incidents')}</h2>
${noticeList(site.openIncidents, site, t('home.no_open_incidents'), item)}
</section>
<section class="maintenance-now moves">
<h2>${t('home.maintenance_now')}</h2>
${noticeList(site.maintenanceInProgress, site, t('home.no_maintenance_now'), moving)}
</section>
<section class="services">
<h2>${t('home.services')}</h2>
${stripLegend(site)}
${serviceGroups(site.groups, site, 3, { strips: true })}
</section>
<section class="maintenance-upcoming moves">
<h2>${t('home.upcoming')}</h2>
${noticeList(site.upcomingMaintenance, site, t('home.no_upcoming'), moving)}
</section>
<section class="recent">
<h2>${t('home.recent')}</h2>
${noticeList(site.recent, site, t('home.no_notices'))}
<p><a href="/archive/">${t('home.all_by_month')}</a></p>
</section>
${subscribeSection(site, '/')}`,
  }).toString();
}
