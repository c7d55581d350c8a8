/**
 * `/embed/`: a small page for an `<iframe>` on the operator's own site: the
 * overall state, open incidents and maintenance in progress, each linked to
 * the status site (in a new tab: the frame is small). Framing is allowed only
 * to `embed.origins` by the server's `frame-ancestors` (docs/embed.md); a
 * `<meta>` policy cannot say that, so this page carries the same one as the rest.
 * It has the site's accent and own stylesheet as every page has (body class
 * `embed`, for a site.css that styles the frame on its own).
 */
import { tHtml } from '../../i18n/markup.ts';
import { html } from '../html.ts';
import type { NoticeView, SiteModel } from '../../model/model.ts';
import { overallLabel, stateIcon, stateTone } from '../../model/views.ts';
import { CONTENT_SECURITY_POLICY, stylesheetLinks } from '../parts/layout.ts';
import { noticeStateBadge } from '../parts/state.ts';
import { timeTag } from '../parts/time.ts';

export const data = { permalink: '/embed/index.html', eleventyExcludeFromCollections: true };

const OUT = { target: '_blank', rel: 'noopener' };

function items(notices: NoticeView[], site: SiteModel, empty: string) {
  if (!notices.length) return html`<p class="empty">${empty}</p>`;
  return html`<ul class="notice-list">
${notices.map(
  (notice) => html`<li class="notice-item"><a class="item-title" href="${notice.url}" target="${OUT.target}" rel="${OUT.rel}">${notice.title}</a>
<p class="item-meta">${tHtml(site.locale, 'embed.since', { badge: noticeStateBadge(notice, site.locale), time: timeTag(notice.shownWindow?.start ?? notice.date, site.config.timezone, site.locale) })}</p></li>\n`,
)}
</ul>`;
}

export function render({ site }: { site: SiteModel }): string {
  const { config, locale } = site;
  const { t } = locale;
  return html`<!doctype html>
<html lang="${locale.language}" dir="${locale.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="robots" content="noindex">
<title>${config.title}</title>
<link rel="canonical" href="${config.url}/">
<link rel="icon" href="data:,">
${stylesheetLinks(site)}</head>
<body class="embed">
<main>
<section class="banner tone-${stateTone(site.overall)}">
<h1><span class="icon" aria-hidden="true">${stateIcon(site.overall)}</span> ${overallLabel(site.overall, locale)}</h1>
<p class="asof">${tHtml(locale, 'embed.asof', { time: timeTag(site.now, config.timezone, locale) })} · <a href="/" target="${OUT.target}" rel="${OUT.rel}">${config.title}</a></p>
</section>
<section><h2>${t('home.open_incidents')}</h2>${items(site.openIncidents, site, t('home.no_open_incidents'))}</section>
${site.maintenanceInProgress.length ? html`<section><h2>${t('home.maintenance_now')}</h2>${items(site.maintenanceInProgress, site, '')}</section>` : ''}
</main>
</body>
</html>
`.toString();
}
