/**
 * A notice in full (its own page and the month archive) and in brief (lists on
 * the home and service pages).
 */
import type { Locale } from '../../i18n/locale.ts';
import { tHtml } from '../../i18n/markup.ts';
import { part } from './overrides.ts';
import { html, SafeHtml, trusted } from '../html.ts';
import { flatString } from '../../content/flat-string.ts';
import type { NoticeView, SiteModel } from '../../model/model.ts';
import { latestNews, noticeTimeline, shownUpdates, type PageTimelineEntry } from '../../model/latest-first.ts';
import { impactLabel, typeLabel } from '../../model/views.ts';
import { noticeStateBadge, stateBadge } from './state.ts';
import { timeTag, windowText } from './time.ts';

/** The notice's services, in its own order (outputs use the catalog's: see servicesOf), each linked to its page by name. */
function serviceLinks(notice: NoticeView, site: SiteModel): SafeHtml {
  const items = notice.services.map((id) => {
    const service = site.serviceById.get(id)!;
    return html`<li><a href="${service.url}">${service.name}</a></li>`;
  });
  return html`<ul class="inline">${items}</ul>`;
}

/** Drafts and scheduled notices (dated after "now") only reach pages in the `npm start` preview; they say so in their title. */
function draftMark(notice: NoticeView, locale: Locale): SafeHtml | '' {
  if (notice.draft) return html`<span class="draft-mark">${locale.t('notice.draft')}</span> `;
  return notice.scheduled ? html`<span class="draft-mark">${locale.t('notice.scheduled')}</span> ` : '';
}

interface ArticleOptions {
  /** 1 on the notice's own page (its title is the page's h1), 2 in a month archive. */
  level: 1 | 2;
}

/** A notice as an article: the engine's, or the site's own `parts/notice.js` given the engine's as `standard`. */
export function noticeArticle(notice: NoticeView, site: SiteModel, { level }: ArticleOptions): SafeHtml {
  return part('notice', { site, notice, level, standard: standardArticle(notice, site, level) });
}

function standardArticle(notice: NoticeView, site: SiteModel, level: 1 | 2): SafeHtml {
  const zone = site.config.timezone;
  const { locale } = site;
  const window = notice.shownWindow;
  const updates = shownUpdates(notice);
  const title = level === 1 ? html`<h1>${draftMark(notice, locale)}${notice.title}</h1>` : html`<h2><a href="${notice.url}">${draftMark(notice, locale)}${notice.title}</a></h2>`;
  const sub = level === 1 ? 'h2' : 'h3';
  return html`<article class="notice type-${notice.type}">
<header class="notice-header">
${title}
<p class="byline">${tHtml(locale, 'notice.byline', { names: locale.list(notice.authors), time: timeTag(notice.date, zone, locale) })}</p>
</header>
<dl class="facts">
<div><dt>${locale.t('notice.type')}</dt><dd>${typeLabel(notice.type, locale)}</dd></div>
${notice.state ? html`<div><dt>${locale.t('notice.state')}</dt><dd>${noticeStateBadge(notice, locale)}</dd></div>` : ''}
${window ? html`<div><dt>${locale.t(notice.type === 'maintenance' ? 'notice.window' : 'notice.affected')}</dt><dd>${windowText(window, zone, locale)}</dd></div>` : ''}
${notice.services.length ? html`<div><dt>${locale.t('notice.services')}</dt><dd>${serviceLinks(notice, site)}</dd></div>` : ''}
${notice.type !== 'notice' || notice.impact !== 'none' ? html`<div><dt>${locale.t('notice.impact')}</dt><dd>${impactLabel(notice.impact, locale)}</dd></div>` : ''}
</dl>
${updates.length
  ? html`<section class="updates">
<${sub}>${locale.t('notice.updates')}</${sub}>
<ol class="timeline">
${noticeTimeline(notice, updates).map((entry) => timelineItem(entry, zone, locale))}</ol>
</section>`
  : html`<div class="body">
${trusted(notice.html)}
</div>`}
</article>
`;
}

/** One entry of a timeline: an update with its status, or the notice as first posted (last). */
function timelineItem(entry: PageTimelineEntry, zone: string, locale: Locale): SafeHtml {
  const label = entry.kind === 'update' ? stateBadge(entry.status, locale) : html`<strong class="posted-label">${locale.t('notice.posted')}</strong>`;
  return html`<li${entry.kind === 'posted' ? html` class="posted"` : ''}>
<p class="update-meta">${label} ${timeTag(entry.at, zone, locale)}</p>
<div class="body">
${trusted(entry.html)}
</div>
</li>
`;
}

interface ItemOptions {
  /** Show the one-line summary too. */
  summary?: boolean;
  /** Show the newest update of a notice happening now (instead of its summary). */
  latest?: boolean;
  /** Show the services it affects. */
  services?: boolean;
}

/** An open incident's or maintenance's newest update, in a list; instead of the summary when there is one. */
function latestItem(notice: NoticeView, site: SiteModel): SafeHtml | undefined {
  const latest = latestNews(notice, site.now);
  if (!latest) return undefined;
  return html`<div class="latest">
<p class="update-meta">${site.locale.t('notice.latest')} ${stateBadge(latest.status, site.locale)} ${timeTag(latest.at, site.config.timezone, site.locale)}</p>
<div class="body">
${trusted(latest.html)}
</div>
</div>`;
}

interface ListOptions extends ItemOptions {
  /**
   * A list the page script moves items into and out of on the reader's clock
   * (in a section of class "moves"): the list is always there, and the "none"
   * sentence too, hidden while the list has items.
   */
  movable?: boolean;
}

/**
 * One line of a notice list, made once per notice and options: a notice is
 * listed on several pages (history, by type and by each of its services; its
 * service's year), the same line on each.
 */
function noticeItem(notice: NoticeView, site: SiteModel, options: ItemOptions): SafeHtml {
  const key = `${options.summary ?? false}|${options.latest ?? false}|${options.services ?? false}`;
  let byOptions = items.get(notice);
  if (!byOptions) items.set(notice, (byOptions = new Map()));
  let item = byOptions.get(key);
  // Kept for the build, so flat: one string instead of a rope of every piece joined (see flat-string.ts).
  if (!item) byOptions.set(key, (item = new SafeHtml(flatString(makeNoticeItem(notice, site, options).value))));
  return item;
}

/** A view belongs to one model, or to the next ones of the same config and "now" (model.ts keeps it): a safe key. */
const items = new WeakMap<NoticeView, Map<string, SafeHtml>>();

/** One line of a notice list: title linked, type, state, date and window. */
function makeNoticeItem(notice: NoticeView, site: SiteModel, options: ItemOptions): SafeHtml {
  const zone = site.config.timezone;
  const { locale } = site;
  const window = notice.shownWindow;
  return html`<li class="notice-item">
<p class="item-title"><a href="${notice.url}">${draftMark(notice, locale)}${notice.title}</a></p>
<p class="item-meta"><span class="type">${typeLabel(notice.type, locale)}</span>${notice.state ? html` ${noticeStateBadge(notice, locale)}` : ''} <span class="posted">${tHtml(locale, 'notice.posted_at', { time: timeTag(notice.date, zone, locale) })}</span></p>
${window ? html`<p class="item-window">${tHtml(locale, notice.type === 'maintenance' ? 'notice.window_line' : 'notice.affected_line', { window: windowText(window, zone, locale) })}</p>` : ''}
${options.services && notice.services.length ? html`<div class="item-services">${locale.t('notice.services_line')} ${serviceLinks(notice, site)}</div>` : ''}
${(options.latest && latestItem(notice, site)) || (options.summary && notice.summary ? html`<p class="summary">${notice.summary}</p>` : '')}
</li>
`;
}

/** A list of notices, or a sentence saying there are none (a movable list has both). */
export function noticeList(notices: readonly NoticeView[], site: SiteModel, empty: string, options: ListOptions = {}): SafeHtml {
  const list = html`<ul class="notice-list">
${notices.map((notice) => noticeItem(notice, site, options))}</ul>`;
  if (options.movable) return html`${list}
<p class="empty"${notices.length ? html` hidden` : ''}>${empty}</p>`;
  if (!notices.length) return html`<p class="empty">${empty}</p>`;
  return list;
}
