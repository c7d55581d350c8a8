import { buildInfoJson } from '../../outputs/build-info.ts';
import { BUILD_INFO_OUTPUT, outputPath } from '../../outputs/registry.ts';
import type { SiteModel } from '../../model/model.ts';

export const data = { permalink: outputPath(BUILD_INFO_OUTPUT, '/'), eleventyExcludeFromCollections: true };

export function render({ site }: { site: SiteModel }): string {
  return buildInfoJson(site);
}
