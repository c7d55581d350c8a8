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
import { formatAvailability } from '../../model/availability.ts';
import { html, SafeHtml, escapeHtml } from '../html.ts';
import type { ServiceView, SiteModel } from '../../model/model.ts';
import { tHtml } from '../../i18n/markup.ts';
import { availabilityOf, dayLook, dayText, notableDays, typeLabel, zoneName } from '../../model/views.ts';

/** Class per look; "ok" days have none, being most of them. */
const LOOK_CLASS = { ok: '', minor: ' class=d1', major: ' class=d2', critical: ' class=d3', maintenance: ' class=dm' } as const;

/** The strip and the 90-day percentage for one service. */
export function availabilityStrip(site: SiteModel, service: ServiceView): SafeHtml {
  const availability = availabilityOf(site, service);
  const { days } = availability;
  const first = days[0]!;
  const last = days.at(-1)!;
  const { locale } = site;
  const range = locale.t('strip.range', { from: locale.dates.day(first, first.year !== last.year), to: locale.dates.day(last, true) });
  const cells = days
    .map((day, index) => `<li${LOOK_CLASS[dayLook(day)]}>${escapeHtml(dayText(day, locale, index === days.length - 1))}`)
    .join('');
  return html`<div class="avail"><ol class="strip" aria-label="${locale.t('strip.label', { service: service.name, range })}">${new SafeHtml(cells)}</ol>
<p class="uptime">${tHtml(locale, 'strip.uptime', { figure: html`<strong>${formatAvailability(availability.ratio, availability.downtime)}</strong>` })}</p></div>`;
}

/** What the strips mean, said once per page. */
export function stripLegend(site: SiteModel): SafeHtml {
  const { locale } = site;
  return html`<p class="legend">${locale.t('legend.bars', { zone: zoneName(site.config.timezone, site.config.language) })}
${legendKeys(site)}</p>`;
}

/** The swatches of the strips and the year calendars, each with its word. */
export function legendKeys({ locale }: SiteModel): SafeHtml {
  const key = (swatch: string, word: string) => html`<span class="key"><span class="${swatch}" aria-hidden="true"></span> ${locale.t(word)}</span>`;
  return html`${key('sw', 'legend.none')}
${key('sw d1', 'legend.minor')}
${key('sw d2', 'legend.major')}
${key('sw d3', 'legend.critical')}
${key('sw dm', 'legend.maintenance')}`;
}

/** A service page's availability: the strip, then every day that had something, in words. */
export function availabilitySection(site: SiteModel, service: ServiceView): SafeHtml {
  const availability = availabilityOf(site, service);
  const { locale } = site;
  const number = (value: number) => locale.number(value);
  const notable = notableDays(availability);
  return html`<section class="availability">
<h2>${locale.t('availability.heading')}</h2>
${stripLegend(site)}
${availabilityStrip(site, service)}
<h3>${locale.t('availability.notable')}</h3>
${notable.length
  ? html`<ul class="days">
${notable.map(
  (day) => html`<li><strong>${locale.dates.dayLong(day)}</strong>: ${locale.t('availability.day_line', { figure: formatAvailability(day.ratio, day.downtime) })}
<ul class="inline">${[...day.incidents, ...day.maintenance].map(
    (notice) =>
      html`<li><a href="${notice.url}">${notice.title}</a> (${typeLabel(notice.type, locale)}${notice.type === 'incident' ? html`, ${locale.t(`impact_phrase.${notice.impact}`)}` : ''})</li>`,
  )}</ul></li>
`,
)}</ul>`
  : html`<p class="empty">${locale.t('availability.none_90')}</p>`}
<p class="note">${locale.t('availability.note', { days: locale.count('count.days', availability.days.length), minutes: number(Math.round(availability.minutes)), downtime: number(Math.round(availability.downtime * 10) / 10) })}</p>
</section>`;
}
