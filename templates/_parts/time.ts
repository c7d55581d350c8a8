/**
 * Every time a page shows: a `<time>` holding the exact instant, its text in
 * the site's zone with the zone's abbreviation (spec §2).
 */
import { html, type SafeHtml } from '../../src/html.ts';
import type { WindowView } from '../../src/views.ts';
import { formatMinutes } from '../../src/zoned-format.ts';
import { formatDateTime, formatTime, isoInZone } from '../../src/zoned-format.ts';

/** "Thu, Oct 2, 2008, 12:01 AM PDT", or with `timeOnly` "12:01 AM PDT". */
export function timeTag(instant: Date, zone: string, timeOnly = false): SafeHtml {
  const text = timeOnly ? formatTime(instant, zone) : formatDateTime(instant, zone);
  return html`<time datetime="${isoInZone(instant, zone)}">${text}</time>`;
}

/**
 * "Thu, Oct 2, 2008, 12:01 AM PDT – 1:31 AM PDT (1 h 30 min)", or "… – ongoing";
 * a maintenance that ended early: "… – 12:40 AM PDT (39 min), ended early; planned until 1:31 AM PDT".
 */
export function windowText(window: WindowView, zone: string): SafeHtml {
  const { start, end, minutes, sameDay, plannedEnd } = window;
  if (!end) return html`${timeTag(start, zone)} – <span class="ongoing">ongoing</span>`;
  const planned = plannedEnd ? html`<span class="planned">, ended early; planned until ${timeTag(plannedEnd, zone, window.plannedSameDay)}</span>` : '';
  return html`${timeTag(start, zone)} – ${timeTag(end, zone, sameDay)} <span class="length">(${formatMinutes(minutes ?? 0)})</span>${planned}`;
}
