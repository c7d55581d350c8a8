/**
 * Parts of the page a site can replace without copying the engine: its own
 * `parts/header.js`, `parts/footer.js` or `parts/notice.js` (loaded by
 * src/site/parts.ts), each a function of what the part shows, returning HTML
 * made with the `html` tag it is handed, so every value it interpolates is
 * escaped as in the engine's own parts. `standard` is the engine's part, to
 * wrap or reuse. A plain string returned is escaped as text, never markup.
 *
 *   // parts/footer.js
 *   export default ({ site, standard }, { html }) =>
 *     html`${standard}<p class="legal">© ${site.config.title}</p>`;
 */
import type { NoticeView, SiteModel } from '../../model/model.ts';
import { html, isSafeHtml, SafeHtml, trusted } from '../html.ts';

export interface PartTools {
  /** Escapes every interpolated value unless it is itself made by `html`. */
  html: typeof html;
  /** Marks markup as safe as it is; only for markup the site wrote itself, never for notice text. */
  trusted: typeof trusted;
}

export interface HeaderPart {
  site: SiteModel;
  /** The navigation links, the built-in ones and the site's own. */
  nav: { href: string; label: string; current: boolean }[];
  standard: SafeHtml;
}

export interface FooterPart {
  site: SiteModel;
  standard: SafeHtml;
}

export interface NoticePart {
  site: SiteModel;
  notice: NoticeView;
  /** 1 on the notice's own page (its title is the page's h1), 2 in lists. */
  level: 1 | 2;
  standard: SafeHtml;
}

export interface PartContexts {
  header: HeaderPart;
  footer: FooterPart;
  notice: NoticePart;
}

export type PartName = keyof PartContexts;
export const PART_NAMES: readonly PartName[] = ['header', 'footer', 'notice'];

export type PartOverride<Name extends PartName> = (context: PartContexts[Name], tools: PartTools) => SafeHtml | string;

const TOOLS: PartTools = Object.freeze({ html, trusted });

/** The site's override of part `name` applied to `context`, or the standard part when it has none. */
export function part<Name extends PartName>(name: Name, context: PartContexts[Name]): SafeHtml {
  const override = context.site.theme.parts[name] as PartOverride<Name> | undefined;
  if (!override) return context.standard;
  let made: unknown;
  try {
    made = override(context, TOOLS);
  } catch (error) {
    throw new Error(`parts/${name}.js failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return isSafeHtml(made) ? made : html`${String(made ?? '')}`;
}
