/** Subscribe links for the whole site (base '/') or one service (base: its url). */
import { html, type SafeHtml } from '../../src/html.ts';
import type { SiteModel } from '../../src/model.ts';
import { webcalUrl } from '../../src/outputs/calendar.ts';
import { outputLinks, type OutputLink } from '../../src/outputs/feeds.ts';

/** A calendar is offered twice: webcal:// to subscribe, the https link to download. */
function linkItem(site: SiteModel, link: OutputLink): SafeHtml {
  const plain = html`<a href="${link.href}" type="${link.type}">${link.title}</a>`;
  if (link.format !== 'ics') return html`<li>${plain}</li>\n`;
  return html`<li><a href="${webcalUrl(`${site.config.url}${link.href}`)}">Subscribe to the maintenance calendar (webcal)</a> or download it: ${plain}</li>\n`;
}

export function subscribeSection(site: SiteModel, base: string, what = 'all notices'): SafeHtml {
  return html`<section class="subscribe">
<h2>Subscribe</h2>
<p>Follow ${what} in a feed reader, or add planned maintenance to your calendar:</p>
<ul class="links">
${outputLinks(base).map((link) => linkItem(site, link))}</ul>
</section>`;
}
