/** Subscribe links for the whole site (base '/') or one service (base: its url). */
import { html, type SafeHtml } from '../../src/html.ts';
import { outputLinks } from '../../src/outputs/feeds.ts';

export function subscribeSection(base: string, what = 'all notices'): SafeHtml {
  return html`<section class="subscribe">
<h2>Subscribe</h2>
<p>Follow ${what} in a feed reader, or add planned maintenance to your calendar:</p>
<ul class="links">
${outputLinks(base).map((link) => html`<li><a href="${link.href}" type="${link.type}">${link.title}</a></li>\n`)}</ul>
</section>`;
}
