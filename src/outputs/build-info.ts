/**
 * `/build.json`: the build's "now" and the next instant at which any derived
 * state changes, so a scheduler can rebuild exactly then (a maintenance that
 * starts at 00:01 shows as in progress without anybody committing).
 */
import type { SiteModel } from '../model/model.ts';

export interface BuildInfo {
  now: string;
  /**
   * null when nothing known changes a derived state after `now`: no incident or
   * maintenance window starts or ends, none of their updates is dated, and no
   * scheduled notice is due, later than `now`. (An open incident without an end
   * changes only when someone edits it.)
   */
  next_change: string | null;
}

export function buildInfo(site: SiteModel): BuildInfo {
  return { now: site.now.toISOString(), next_change: site.nextChange?.toISOString() ?? null };
}

export function buildInfoJson(site: SiteModel): string {
  return `${JSON.stringify(buildInfo(site), null, 2)}\n`;
}
