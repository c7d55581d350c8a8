/**
 * What every part of one model's Statuspage API shares: the page's id, the
 * zone its times are written in, and the site's earliest instant (the
 * creation date of components, which have none of their own). No time here
 * comes from the clock (see statuspage.ts).
 */
import type { Notice } from '../content/notice.ts';
import type { SiteModel } from '../model/site-model.ts';
import { stateChangeInstants } from '../model/state.ts';
import { isoWithOffset, stableId } from './common.ts';

export class ApiContext {
  readonly pageId: string;
  readonly origin: Date;
  private readonly zone: string;

  constructor(readonly site: SiteModel) {
    this.zone = site.config.timezone;
    this.pageId = stableId(`page:${site.config.url}`);
    // The earliest date or state change of any notice; one pass, no list of every instant (10,000 notices: 30,000 of them).
    let origin: Date | undefined;
    const consider = (instant: Date) => {
      if (!origin || instant < origin) origin = instant;
    };
    for (const notice of site.notices) {
      consider(notice.date);
      stateChangeInstants(notice).forEach(consider);
    }
    this.origin = origin ?? new Date(0);
  }

  /** An instant as the API writes it: ISO 8601 in the site's zone, with its offset. */
  time(instant: Date): string {
    return isoWithOffset(instant, this.zone);
  }

  /** The last instant at or before "now" at which `notices` could have changed anything. */
  lastChange(notices: readonly Notice[], includePosts: boolean): Date {
    const now = this.site.now.getTime();
    // latestOf of the instants at or before "now", in one pass: the first of equal instants wins, as there.
    let latest: Date | undefined;
    const consider = (instant: Date) => {
      const time = instant.getTime();
      if (time <= now && (!latest || time > latest.getTime())) latest = instant;
    };
    for (const notice of notices) {
      stateChangeInstants(notice).forEach(consider);
      if (includePosts) consider(notice.date);
    }
    return latest ?? this.origin;
  }
}
