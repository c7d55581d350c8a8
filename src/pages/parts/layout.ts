/**
 * The page shell every HTML page shares: head (title, stylesheet, script, CSP,
 * feed links), site header with navigation and the time-zone line, and footer.
 *
 * `<html>` names the site's zone and the build's "now" for the page script
 * (public/time.js), which re-shows times in the reader's zone on request and
 * moves clock-driven states on the reader's clock. Without it every fact is
 * already in the page, in the site's zone.
 */
import type { SiteModel } from '../../model/model.ts';
import { html, type HtmlValue, type SafeHtml } from '../html.ts';
import { feedLinks } from '../../outputs/feeds.ts';
import { scriptStrings } from '../../i18n/script-strings.ts';
import { part, type HeaderPart } from './overrides.ts';
import { zoneName } from '../../model/views.ts';
import { brandStylesheetLink, extraNavigation, faviconLink, footerExtras, siteTitle } from './branding.ts';

interface PageOptions {
  site: SiteModel;
  /** Page title, without the site name. */
  title?: string;
  /** Site-relative URL of this page. */
  url: string;
  description?: string;
  /** Extra `<link rel="alternate">` feeds for this page, e.g. a service's own. */
  feeds?: { title: string; href: string; type: string; rel: string }[];
  body: HtmlValue;
}

/**
 * Only the site's own script and style; nothing loads from elsewhere.
 * 'wasm-unsafe-eval' lets the search (Pagefind, /pagefind/) compile its own
 * WebAssembly module, which CSP otherwise blocks; it allows no JavaScript eval.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

/** A site's own stylesheet, in its public/ folder: linked after the engine's on every page when it exists. */
const SITE_STYLESHEET = '/site.css';

/**
 * The stylesheets of every page, `/embed/` included: the engine's, then the
 * brand stylesheet (the accent) and the site's own `site.css` when they exist,
 * so that theirs win.
 */
export function stylesheetLinks(site: Pick<SiteModel, 'config' | 'theme'>): SafeHtml {
  return html`<link rel="stylesheet" href="${site.theme.asset('/style.css')}">
${brandStylesheetLink(site.config)}${site.theme.has(SITE_STYLESHEET) ? html`<link rel="stylesheet" href="${site.theme.asset(SITE_STYLESHEET)}">\n` : ''}`;
}

export function page({ site, title, url, description, feeds = [], body }: PageOptions): SafeHtml {
  const { config, locale } = site;
  const shell = shellOf(site);
  const fullTitle = title ? `${title} · ${config.title}` : config.title;
  const navItems = shell.nav.map((item) => ({ ...item, current: item.href === url }));
  return html`<!doctype html>
<html lang="${locale.language}" dir="${locale.dir}" data-tz="${config.timezone}" data-now="${site.now.toISOString()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${fullTitle}</title>
<meta name="description" content="${description ?? config.description}">
<link rel="canonical" href="${config.url}${url}">
${faviconLink(config)}
${stylesheetLinks(site)}<script src="${site.theme.asset('/time.js')}" defer></script>
${shell.siteFeeds}${feeds.map(feedLink)}
</head>
<body data-strings="${shell.scriptStrings}">
<a class="skip" href="#main">${locale.t('layout.skip')}</a>
${part('header', { site, nav: navItems, standard: shell.header(navItems) })}
<main id="main">
${body}
</main>
${part('footer', { site, standard: shell.footer })}
</body>
</html>
`;
}

type FeedLink = NonNullable<PageOptions['feeds']>[number];

const feedLink = (feed: FeedLink) => html`<link rel="${feed.rel}" type="${feed.type}" title="${feed.title}" href="${feed.href}">\n`;

/**
 * What every page of one model shares and is costly to make again (messages
 * filled, values escaped), made once per model. The asset links are not here:
 * a preview rebuild after a stylesheet edit fingerprints them anew.
 */
interface Shell {
  /** The navigation, the built-in links and the site's own. */
  nav: { href: string; label: string }[];
  /** The page script's messages (scriptStrings), escaped once: a few kilobytes on every page. */
  scriptStrings: SafeHtml;
  /** The `<link rel="alternate">` lines of the site-wide feeds (spec §5), named on every page. */
  siteFeeds: SafeHtml;
  /** The standard header with `nav` marked current as given (one per current link, so a handful). */
  header(nav: HeaderPart['nav']): SafeHtml;
  footer: SafeHtml;
}

/** Models are per build (one config, one locale), so a model is a safe key. */
const shells = new WeakMap<SiteModel, Shell>();

function shellOf(site: SiteModel): Shell {
  let shell = shells.get(site);
  if (shell) return shell;
  const { config, locale } = site;
  const headers = new Map<string, SafeHtml>();
  shell = {
    nav: [
      { href: '/', label: locale.t('nav.status') },
      { href: '/services/', label: locale.t('nav.services') },
      { href: '/archive/', label: locale.t('nav.archive') },
      { href: '/history/', label: locale.t('nav.history') },
      { href: '/subscribe/', label: locale.t('nav.subscribe') },
      ...extraNavigation(config),
    ],
    scriptStrings: html`${scriptStrings(locale)}`,
    siteFeeds: html`${feedLinks('/').map((feed) => feedLink({ ...feed, title: locale.t('feed.link_title', { name: config.title, format: feed.title }) }))}`,
    header: (nav) => {
      const key = nav.map((item) => (item.current ? '1' : '0')).join('');
      let header = headers.get(key);
      if (!header) headers.set(key, (header = standardHeader(site, nav)));
      return header;
    },
    footer: standardFooter(site),
  };
  shells.set(site, shell);
  return shell;
}

/** The engine's site header: the title, the navigation and the time-zone line. */
function standardHeader(site: SiteModel, nav: HeaderPart['nav']): SafeHtml {
  const { config, locale } = site;
  return html`<header class="site-header">
<p class="site-title"><a href="/">${siteTitle(config, site.theme)}</a></p>
<nav aria-label="${locale.t('nav.label')}">
<ul>
${nav.map((item) => html`<li><a href="${item.href}"${item.current ? html` aria-current="page"` : ''}>${item.label}</a></li>\n`)}
</ul>
</nav>
<p class="tz" id="tz">${locale.t('layout.times_in', { zone: zoneName(config.timezone, config.language), id: config.timezone })}</p>
</header>`;
}

/** The engine's site footer: the site's description, and the footer text and links of its branding. */
function standardFooter(site: SiteModel): SafeHtml {
  return html`<footer class="site-footer">
<p>${site.config.description}</p>
${footerExtras(site.config)}</footer>`;
}
