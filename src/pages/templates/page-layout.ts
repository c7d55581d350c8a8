/**
 * The layout of a site's own pages (`pages/about.md` -> `/about/`): the page's
 * rendered content inside the status site's shell, with its `title` and
 * `description` from the page's front matter. The content is the site's own
 * Markdown, rendered by Eleventy, so it is taken as it is.
 */
import type { SiteModel } from '../../model/model.ts';
import { trusted } from '../html.ts';
import { page } from '../parts/layout.ts';

export const PAGE_LAYOUT = 'noticeboard-page.11ty.js';

interface PageData {
  site: SiteModel;
  content: string;
  title?: string;
  description?: string;
  page: { url: string };
}

export const pageLayout = {
  render({ site, content, title, description, page: { url } }: PageData): string {
    return page({ site, title, url, description, body: trusted(`<article class="page">\n${content}</article>`) }).toString();
  },
};
