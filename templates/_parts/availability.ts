/**
 * The 90-day availability strip: an ordered list with one item per day, whose
 * text is the day's availability in words ("Sep 12: 99.47%, 1 incident"),
 * drawn as a bar whose height and colour follow the day's worst incident and
 * hatched for maintenance. Screen readers read it as a list, day by day. The
 * page script makes each strip one stop in the tab order whose days the arrow
 * keys (and Home/End) move through, each shown in a tooltip; without the
 * script the service page lists every day that had something, in words.
 *
 * The home page shows one strip per service, so the markup per day is kept
 * small (that page has a weight budget): no end tags, no attributes on most
 * days.
 */
import { formatAvailability } from '../../src/availability.ts';
import { html, SafeHtml, escapeHtml } from '../../src/html.ts';
import type { ServiceView, SiteModel } from '../../src/model.ts';
import {
  availabilityOf,
  dayLabel,
  dayLabelLong,
  dayLook,
  dayText,
  formatNumber,
  impactLabel,
  notableDays,
  plural,
  typeLabel,
  zoneName,
} from '../../src/views.ts';

/** Class per look; "ok" days have none, being most of them. */
const LOOK_CLASS = { ok: '', minor: ' class=d1', major: ' class=d2', critical: ' class=d3', maintenance: ' class=dm' } as const;

/** The strip and the 90-day percentage for one service. */
export function availabilityStrip(site: SiteModel, service: ServiceView): SafeHtml {
  const availability = availabilityOf(site, service);
  const { days } = availability;
  const first = days[0]!;
  const last = days.at(-1)!;
  const range = `${dayLabel(first, first.year !== last.year)} to ${dayLabel(last, true)}`;
  const cells = days
    .map((day, index) => `<li${LOOK_CLASS[dayLook(day)]}>${escapeHtml(dayText(day, index === days.length - 1))}`)
    .join('');
  return html`<div class="avail"><ol class="strip" aria-label="${service.name}, availability by day, ${range}">${new SafeHtml(cells)}</ol>
<p class="uptime"><strong>${formatAvailability(availability.ratio, availability.downtime)}</strong> available in 90 days</p></div>`;
}

/** What the strips mean, said once per page. */
export function stripLegend(site: SiteModel): SafeHtml {
  return html`<p class="legend">Bars: the last 90 days in ${zoneName(site.config.timezone, site.config.language)}, one per day, oldest first, today last.
<span class="key"><span class="sw" aria-hidden="true"></span> no downtime</span>
<span class="key"><span class="sw d1" aria-hidden="true"></span> minor</span>
<span class="key"><span class="sw d2" aria-hidden="true"></span> major</span>
<span class="key"><span class="sw d3" aria-hidden="true"></span> critical</span>
<span class="key"><span class="sw dm" aria-hidden="true"></span> maintenance (not downtime)</span></p>`;
}

/** A service page's availability: the strip, then every day that had something, in words. */
export function availabilitySection(site: SiteModel, service: ServiceView): SafeHtml {
  const availability = availabilityOf(site, service);
  const number = (value: number) => formatNumber(value, site.config.language);
  const notable = notableDays(availability);
  return html`<section class="availability">
<h2>Availability</h2>
${stripLegend(site)}
${availabilityStrip(site, service)}
<h3>Days with incidents or maintenance</h3>
${notable.length
  ? html`<ul class="days">
${notable.map(
  (day) => html`<li><strong>${dayLabelLong(day)}</strong>: ${formatAvailability(day.ratio, day.downtime)} available:
<ul class="inline">${[...day.incidents, ...day.maintenance].map(
    (notice) =>
      html`<li><a href="${notice.url}">${notice.title}</a> (${typeLabel(notice.type)}${notice.type === 'incident' ? html`, ${impactLabel(notice.impact).toLowerCase()} impact` : ''})</li>`,
  )}</ul></li>
`,
)}</ul>`
  : html`<p class="empty">None in the last 90 days.</p>`}
<p class="note">Downtime is counted from incident windows, weighted by impact: a critical incident counts in full, major half, minor a quarter, none not at all. Maintenance is shown but not counted. Over ${plural(availability.days.length, 'day')} (${number(Math.round(availability.minutes))} minutes): ${number(Math.round(availability.downtime * 10) / 10)} weighted minutes of downtime.</p>
</section>`;
}
