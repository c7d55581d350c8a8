import { buildInfoJson } from '../../outputs/build-info.ts';
import type { SiteModel } from '../../model/model.ts';

export const data = { permalink: '/build.json', eleventyExcludeFromCollections: true };

export function render({ site }: { site: SiteModel }): string {
  return buildInfoJson(site);
}
