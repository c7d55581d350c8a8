/**
 * The pieces of the page shell that come from the site's branding
 * (site.config.yaml `branding`, `navigation`, `footer`; docs/customising.md):
 * the header's title or logo, the favicon and brand stylesheet links, the
 * extra navigation entries and the footer's own text and links. Everything the
 * operator wrote is escaped; the URLs were checked when the config was loaded.
 */
import type { SiteConfig } from '../../content/config.ts';
import type { Theme } from '../../model/theme.ts';
import { html, type SafeHtml } from '../html.ts';

/**
 * The home link's content: the logo, named by the site's title, else the
 * title. The logo's own width and height are given when its file tells them,
 * so the browser keeps its place in the header before it has loaded (the
 * stylesheet sets its height; the width follows their ratio).
 */
export function siteTitle(config: SiteConfig, theme: Pick<Theme, 'imageSize'>): SafeHtml {
  const { logo } = config.branding;
  if (logo === undefined) return html`${config.title}`;
  const size = theme.imageSize(logo);
  return html`<img src="${logo}" alt="${config.title}"${size ? html` width="${size.width}" height="${size.height}"` : ''}>`;
}

/** `<link rel="icon">`: the site's favicon, else an empty one so browsers do not ask for /favicon.ico. */
export function faviconLink(config: SiteConfig): SafeHtml {
  return html`<link rel="icon" href="${config.branding.favicon ?? 'data:,'}">`;
}

/** The brand stylesheet, after style.css so its `--accent` wins; nothing when no accent is set. */
export function brandStylesheetLink(config: SiteConfig): SafeHtml {
  const { stylesheet } = config.branding;
  return stylesheet === undefined ? html`` : html`<link rel="stylesheet" href="${stylesheet.url}">\n`;
}

/** The site's own navigation entries, in the shape of the built-in ones. */
export function extraNavigation(config: SiteConfig): { href: string; label: string }[] {
  return config.navigation.map((link) => ({ href: link.url, label: link.label }));
}

/** The footer's text and links, after the site's description. */
export function footerExtras(config: SiteConfig): SafeHtml {
  const { text, links } = config.footer;
  return html`${text ? html`<p class="footer-text">${text}</p>\n` : ''}${
    links.length ? html`<ul class="links footer-links">\n${links.map((link) => html`<li><a href="${link.url}">${link.label}</a></li>\n`)}</ul>\n` : ''
  }`;
}
