/**
 * `/history/`: every published notice, newest first, in pages of a bounded
 * size, unfiltered and filtered by type (`/history/incident/`, …) and by
 * service (`/history/service/<id>/`), each filter its own static pages so the
 * filters work without JavaScript.
 *
 * Stable URLs: pages are numbered from the oldest notice, HISTORY_PAGE_SIZE
 * notices each, so `/history/3/` always lists the same notices however many
 * are added later. The newest notices that do not yet fill a page are shown
 * on the filter's first page (`/history/`) together with the newest full
 * page, so that page holds from HISTORY_PAGE_SIZE to twice that less one
 * notices (fewer only while the whole list is shorter); a full page moves to
 * its numbered URL once the next one is full, and stays there.
 *
 * One pass over the notices per filter list; the pages slice those lists.
 */
import type { NoticeType } from '../content/notice.ts';
import { NOTICE_TYPES } from '../content/notice.ts';

export const HISTORY_PAGE_SIZE = 50;

/** Anything with a URL, a type and services (a NoticeView); kept generic so this module does not import the model. */
interface Listed {
  url: string;
  type: NoticeType;
  services: string[];
}

export interface HistoryFilter {
  /** 'all', a notice type, or `service:<id>`. */
  key: string;
  /** "All", "Incidents", or the service's name. */
  label: string;
  kind: 'all' | 'type' | 'service';
  /** The filter's first page: `/history/`, `/history/incident/`, `/history/service/<id>/`. */
  url: string;
  count: number;
}

interface PageRef {
  url: string;
  /** 0 for the first page (the newest notices), else the stable page number. */
  number: number;
}

export interface HistoryPage<N extends Listed = Listed> extends PageRef {
  filterKey: string;
  /** Newest first. */
  notices: N[];
  /** The page of older notices, and of newer ones, within the same filter. */
  older?: PageRef;
  newer?: PageRef;
  /** Numbered pages of this filter (the first page not counted). */
  numberedPages: number;
}

export interface History<N extends Listed = Listed> {
  filters: HistoryFilter[];
  /** Every page of every filter. */
  pages: HistoryPage<N>[];
}

const TYPE_LABELS: Record<NoticeType, string> = { incident: 'Incidents', maintenance: 'Maintenance', notice: 'Notices' };

/** `notices` newest first; `services` in catalog order. */
export function buildHistory<N extends Listed>(notices: readonly N[], services: readonly { id: string; name: string }[]): History<N> {
  const lists = new Map<string, N[]>([['all', [...notices]]]);
  for (const type of NOTICE_TYPES) lists.set(type, []);
  for (const service of services) lists.set(`service:${service.id}`, []);
  for (const notice of notices) {
    lists.get(notice.type)!.push(notice);
    for (const id of notice.services) lists.get(`service:${id}`)?.push(notice);
  }
  const filters: HistoryFilter[] = [
    { key: 'all', label: 'All', kind: 'all', url: '/history/', count: notices.length },
    ...NOTICE_TYPES.map((type) => ({ key: type, label: TYPE_LABELS[type], kind: 'type' as const, url: `/history/${type}/`, count: lists.get(type)!.length })),
    ...services.map((service) => ({
      key: `service:${service.id}`,
      label: service.name,
      kind: 'service' as const,
      url: `/history/service/${service.id}/`,
      count: lists.get(`service:${service.id}`)!.length,
    })),
  ];
  const pages = filters.flatMap((filter) => paginate(filter, lists.get(filter.key)!, HISTORY_PAGE_SIZE));
  return { filters, pages };
}

/** How many page numbers either side of the current page a history page's pager links to. */
const PAGER_AROUND = 2;

/**
 * The page numbers a history page's pager links to, highest (newest) first,
 * with `null` for a gap: the highest numbered page, those within
 * `PAGER_AROUND` of the current one (`current` 0, the first page, sits above
 * the highest), and page 1, the oldest. A gap of one page shows that page
 * instead. Linking every page from every page made the history quadratic:
 * some 2,000 links on each of 2,000 pages at 100,000 notices.
 */
export function pagerNumbers(numberedPages: number, current: number): (number | null)[] {
  const at = current === 0 ? numberedPages + 1 : current;
  const wanted = new Set([numberedPages, 1]);
  for (let n = at - PAGER_AROUND; n <= at + PAGER_AROUND; n++) wanted.add(n);
  const numbers = [...wanted].filter((n) => n >= 1 && n <= numberedPages).sort((a, b) => b - a);
  const shown: (number | null)[] = [];
  for (const n of numbers) {
    const previous = shown.at(-1);
    if (typeof previous === 'number' && previous - n === 2) shown.push(n + 1);
    else if (typeof previous === 'number' && previous - n > 2) shown.push(null);
    shown.push(n);
  }
  return shown;
}

/** A filter's pages, first page first; see the module comment for the numbering. */
export function paginate<N extends Listed>(filter: Pick<HistoryFilter, 'key' | 'url'>, list: readonly N[], size: number): HistoryPage<N>[] {
  const full = Math.floor(list.length / size);
  const rest = list.length - full * size;
  // Numbered pages 1 .. full-1 are final; page `full` is still shown on the first page.
  const numbered = Math.max(full - 1, 0);
  const ref = (number: number): PageRef => ({ number, url: number === 0 ? filter.url : `${filter.url}${number}/` });
  const pages: HistoryPage<N>[] = [
    { ...ref(0), filterKey: filter.key, notices: list.slice(0, rest + (full > 0 ? size : 0)), numberedPages: numbered },
  ];
  for (let number = numbered; number >= 1; number--) {
    pages.push({ ...ref(number), filterKey: filter.key, notices: list.slice(list.length - number * size, list.length - (number - 1) * size), numberedPages: numbered });
  }
  // pages[0] is the newest; each next one is older.
  pages.forEach((page, index) => {
    const newer = pages[index - 1];
    const older = pages[index + 1];
    if (newer) page.newer = ref(newer.number);
    if (older) page.older = ref(older.number);
  });
  return pages;
}
