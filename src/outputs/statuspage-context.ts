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
    let origin = Infinity;
    for (const notice of site.notices) origin = Math.min(origin, instantsOf(notice, site.now).earliest);
    this.origin = new Date(origin === Infinity ? 0 : origin);
  }

  /** An instant as the API writes it: ISO 8601 in the site's zone, with its offset. */
  time(instant: Date): string {
    return isoWithOffset(instant, this.zone);
  }

  /** The last instant at or before "now" at which `notices` could have changed anything. */
  lastChange(notices: readonly Notice[], includePosts: boolean): Date {
    let latest = -Infinity;
    for (const notice of notices) {
      const instants = instantsOf(notice, this.site.now);
      latest = Math.max(latest, includePosts ? instants.latestOrPost : instants.latest);
    }
    return latest === -Infinity ? this.origin : new Date(latest);
  }
}

/** What the API asks of one notice's instants, as of one "now" (times in ms; -Infinity for none). */
interface NoticeInstants {
  now: number;
  /** The earliest of its date and state changes. */
  earliest: number;
  /** The latest of its state changes at or before "now". */
  latest: number;
  /** The same, its date counted too. */
  latestOrPost: number;
}

/**
 * Kept by notice (view), and so across preview rebuilds at the same "now",
 * which keep the views of unchanged notices (model.ts): the API asks this of
 * every notice, for the page and again for each service and group, and
 * reading the fields of 10,000 views of many shapes was most of the API's time.
 * A notice's fields never change once it is made; "now" is checked.
 */
const noticeInstants = new WeakMap<Notice, NoticeInstants>();

function instantsOf(notice: Notice, now: Date): NoticeInstants {
  const at = now.getTime();
  const known = noticeInstants.get(notice);
  if (known && known.now === at) return known;
  const date = notice.date.getTime();
  let earliest = date;
  let latest = -Infinity;
  for (const instant of stateChangeInstants(notice)) {
    const time = instant.getTime();
    earliest = Math.min(earliest, time);
    if (time <= at) latest = Math.max(latest, time);
  }
  const instants = { now: at, earliest, latest, latestOrPost: date <= at ? Math.max(latest, date) : latest };
  noticeInstants.set(notice, instants);
  return instants;
}
