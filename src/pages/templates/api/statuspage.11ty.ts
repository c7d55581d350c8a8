/**
 * The Statuspage-compatible API (spec §5): /api/v2/summary.json, status.json,
 * components.json, incidents.json, incidents/unresolved.json,
 * scheduled-maintenances.json and scheduled-maintenances/{upcoming,active}.json.
 * Thin: the bytes come from src/outputs/statuspage.ts, unchanged.
 */
import type { SiteModel } from '../../../model/model.ts';
import { renderStatuspage, STATUSPAGE_PATHS, type StatuspagePath } from '../../../outputs/statuspage.ts';

export const data = {
  apiPaths: [...STATUSPAGE_PATHS],
  pagination: { data: 'apiPaths', size: 1, alias: 'apiPath' },
  permalink: ({ apiPath }: { apiPath: StatuspagePath }) => apiPath,
  eleventyExcludeFromCollections: true,
};

export function render({ site, apiPath }: { site: SiteModel; apiPath: StatuspagePath }): string {
  return renderStatuspage(site, apiPath);
}
