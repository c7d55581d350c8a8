/**
 * noticeboard's programmatic API (`import { buildSite } from 'noticeboard'`):
 * load and validate a site, build it, and the escaping helpers for page parts.
 */
export { loadSite, checkSite, resolveNow, type SiteOptions } from './site/load-site.ts';
export { buildSite } from './site/build-site.ts';
export { html, trusted, escapeHtml, SafeHtml, type HtmlValue } from './pages/html.ts';
export type { SiteConfig, Service } from './content/config.ts';
export type { Notice } from './content/notice.ts';
export type { SiteModel } from './model/model.ts';
export type { Problem } from './content/problems.ts';
