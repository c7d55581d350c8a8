/** Subscribe links for the whole site (base '') or one service (base '/services/<id>'). */
import { html, type SafeHtml } from '../../src/html.ts';

export interface FeedLink {
  title: string;
  href: string;
  type: string;
}

/** The feeds under `base`, for visible links and `<link rel="alternate">`. */
export function feedLinks(base: string): FeedLink[] {
  return [
    { title: 'RSS', href: `${base}/feed.xml`, type: 'application/rss+xml' },
    { title: 'Atom', href: `${base}/atom.xml`, type: 'application/atom+xml' },
    { title: 'JSON Feed', href: `${base}/feed.json`, type: 'application/feed+json' },
  ];
}

export function subscribeSection(base: string, what = 'all notices'): SafeHtml {
  const links = [
    ...feedLinks(base),
    { title: 'Maintenance calendar (iCalendar)', href: `${base}/maintenance.ics`, type: 'text/calendar' },
  ];
  return html`<section class="subscribe">
<h2>Subscribe</h2>
<p>Follow ${what} in a feed reader, or add planned maintenance to your calendar:</p>
<ul class="links">
${links.map((link) => html`<li><a href="${link.href}" type="${link.type}">${link.title}</a></li>\n`)}</ul>
</section>`;
}
