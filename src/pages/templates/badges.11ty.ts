/**
 * SVG status badges: /badge.svg and /services/<id>/badge.svg (docs/embed.md).
 * Thin: the bytes come from src/badges/, unchanged.
 */
import { badgeFiles, renderBadgeFile, type BadgeFile } from '../../outputs/badges/site-badges.ts';
import type { ServiceView, SiteModel } from '../../model/model.ts';

export const data = {
  pagination: { data: 'site.services', size: 1, alias: 'badge', before: (services: ServiceView[]) => badgeFiles(services) },
  permalink: ({ badge }: { badge: BadgeFile }) => badge.path,
  eleventyExcludeFromCollections: true,
};

export function render({ site, badge }: { site: SiteModel; badge: BadgeFile }): string {
  return renderBadgeFile(site, badge);
}
