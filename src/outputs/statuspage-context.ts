/**
 * What every part of one model's Statuspage API shares: the page's id, the
 * zone its times are written in, and the site's earliest instant (the
 * creation date of components, which have none of their own). No time here
 * comes from the clock (see statuspage.ts).
 */
import type { Notice } from '../content/notice.ts';
import type { SiteModel } from '../model/site-model.ts';
import { stateChangeInstants } from '../model/state.ts';
import { isoWithOffset, latestOf, stableId } from './common.ts';

export class ApiContext {
  readonly pageId: string;
  readonly origin: Date;
  private readonly zone: string;

  constructor(readonly site: SiteModel) {
    this.zone = site.config.timezone;
    this.pageId = stableId(`page:${site.config.url}`);
    const instants = site.notices.flatMap((notice) => [notice.date, ...stateChangeInstants(notice)]);
    this.origin = instants.reduce<Date | undefined>((min, d) => (!min || d < min ? d : min), undefined) ?? new Date(0);
  }

  /** An instant as the API writes it: ISO 8601 in the site's zone, with its offset. */
  time(instant: Date): string {
    return isoWithOffset(instant, this.zone);
  }

  /** The last instant at or before "now" at which `notices` could have changed anything. */
  lastChange(notices: readonly Notice[], includePosts: boolean): Date {
    const now = this.site.now.getTime();
    const instants: Date[] = [];
    for (const notice of notices) {
      instants.push(...stateChangeInstants(notice));
      if (includePosts) instants.push(notice.date);
    }
    return latestOf(instants.filter((instant) => instant.getTime() <= now)) ?? this.origin;
  }
}
