/**
 * Every time a page shows: a `<time>` holding the exact instant, its text in
 * the site's zone with the zone's name, as the site's language writes it (spec §2).
 */
import { html, type SafeHtml } from '../html.ts';
import type { Locale } from '../../i18n/locale.ts';
import { tHtml } from '../../i18n/markup.ts';
import type { WindowView } from '../../model/window-view.ts';
import { isoInZone } from '../../time/zoned-format.ts';

/** "Thu, Oct 2, 2008, 12:01 AM PDT", or with `timeOnly` "12:01 AM PDT". */
export function timeTag(instant: Date, zone: string, locale: Locale, timeOnly = false): SafeHtml {
  const text = timeOnly ? locale.dates.time(instant, zone) : locale.dates.dateTime(instant, zone);
  return html`<time datetime="${isoInZone(instant, zone)}">${text}</time>`;
}

/**
 * "Thu, Oct 2, 2008, 12:01 AM PDT – 1:31 AM PDT (1 h 30 min)", or "… – ongoing";
 * a maintenance that ended early: "… – 12:40 AM PDT (39 min), ended early; planned until 1:31 AM PDT".
 */
export function windowText(window: WindowView, zone: string, locale: Locale): SafeHtml {
  const { start, end, minutes, sameDay, plannedEnd } = window;
  const at = (instant: Date, timeOnly = false) => timeTag(instant, zone, locale, timeOnly);
  if (!end) return html`${at(start)} – <span class="ongoing">${locale.t('window.ongoing')}</span>`;
  const planned = plannedEnd
    ? html`<span class="planned">${tHtml(locale, 'window.ended_early', { time: at(plannedEnd, window.plannedSameDay) })}</span>`
    : '';
  return html`${at(start)} – ${at(end, sameDay)} <span class="length">(${locale.duration(minutes ?? 0)})</span>${planned}`;
}
