/** Subscribe links for the whole site (base '/') or one service (base: its url). */
import { html, type SafeHtml } from '../html.ts';
import type { SiteModel } from '../../model/model.ts';
import { webcalUrl } from '../../outputs/calendar.ts';
import { outputLinks, type OutputLink } from '../../outputs/feeds.ts';

/** A calendar is offered twice: webcal:// to subscribe, the https link to download. */
function linkItem(site: SiteModel, link: OutputLink): SafeHtml {
  const plain = html`<a href="${link.href}" type="${link.type}">${outputTitle(site, link)}</a>`;
  if (link.format !== 'ics') return html`<li>${plain}</li>\n`;
  const { t } = site.locale;
  return html`<li><a href="${webcalUrl(`${site.config.url}${link.href}`)}">${t('subscribe.webcal')}</a> ${t('subscribe.or_download')} ${plain}</li>\n`;
}

/** A feed's or the calendar's name: the feeds' are formats' names, the calendar's is in the site's language. */
export function outputTitle(site: SiteModel, link: OutputLink): string {
  return link.format === 'ics' ? site.locale.t('subscribe.calendar_title') : link.title;
}

export function subscribeSection(site: SiteModel, base: string, what = site.locale.t('subscribe.all_notices')): SafeHtml {
  return html`<section class="subscribe">
<h2>${site.locale.t('subscribe.heading')}</h2>
<p>${site.locale.t('subscribe.follow', { what })}</p>
<ul class="links">
${outputLinks(base).map((link) => linkItem(site, link))}</ul>
</section>`;
}
