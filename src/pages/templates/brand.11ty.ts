import type { SiteModel } from '../../model/model.ts';

/** The site's accent as `/brand.<hash>.css` (src/branding/stylesheet.ts); no file when no accent is set. */
export const data = {
  permalink: ({ site }: { site: SiteModel }) => site.config.branding.stylesheet?.url ?? false,
  eleventyExcludeFromCollections: true,
};

export function render({ site }: { site: SiteModel }): string {
  return site.config.branding.stylesheet?.css ?? '';
}
