/**
 * Times, days and months as a locale writes them, through Intl: its date
 * order, its month and weekday names, its clock (or the site's `clock`), and
 * the zone in a form its readers know.
 *
 * English keeps the formatting of src/zoned-format.ts ("Thu, Oct 2, 2008,
 * 12:01 AM PDT"), which pages, feeds and tests have always shown.
 *
 * The zone's name, the rule: the locale's short name when it is a name (de
 * "MEZ"/"MESZ", nl "CET"/"CEST", en "PDT"); when the locale only has an offset
 * for it ("GMT+1", "UTC+1", "غرينتش+1": any digit), its long name for that
 * instant ("heure d’été d’Europe centrale"), which still says whether summer
 * time is on.
 */
import * as english from '../time/zoned-format.ts';

export type Clock = '12h' | '24h';

export interface DateFormats {
  /** "12:01 AM PDT", "00:01 MESZ" */
  time(instant: Date, zone: string): string;
  /** "Thu, Oct 2, 2008, 12:01 AM PDT", "Do., 2. Okt. 2008, 09:01 MESZ" */
  dateTime(instant: Date, zone: string): string;
  /** "September 2008", "September 2008", "septembre 2008" */
  month(year: number, month: number): string;
  /** The month's short name: "Sep", "Sept.", "9月" */
  monthShort(year: number, month: number): string;
  /** "Sep 12", "12. Sept."; with the year "Sep 12, 2008" */
  day(day: CalendarDay, withYear?: boolean): string;
  /** "Fri, Sep 12, 2008" */
  dayLong(day: CalendarDay): string;
}

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const utcDay = ({ year, month, day }: CalendarDay) => new Date(Date.UTC(year, month - 1, day, 12));

/** Every formatter one locale needs, made once (each Intl.DateTimeFormat is slow to make). */
export function dateFormats(language: string, clock: Clock | undefined): DateFormats {
  const useEnglish = language.split('-')[0] === 'en' && clock !== '24h';
  const calendar = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(language, { timeZone: 'UTC', ...options });
  const monthFormat = calendar({ month: 'long', year: 'numeric' });
  const monthShortFormat = calendar({ month: 'short' });
  const dayFormat = calendar({ month: 'short', day: 'numeric' });
  const dayYearFormat = calendar({ month: 'short', day: 'numeric', year: 'numeric' });
  const dayLongFormat = calendar({ weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
  const calendarFormats = {
    month: (year: number, month: number) => monthFormat.format(utcDay({ year, month, day: 15 })),
    monthShort: (year: number, month: number) => monthShortFormat.format(utcDay({ year, month, day: 15 })),
  };
  if (useEnglish) {
    return {
      time: english.formatTime,
      dateTime: english.formatDateTime,
      ...calendarFormats,
      month: english.monthLabel,
      monthShort: (year, month) => english.monthLabel(year, month).slice(0, 3),
      day: (day, withYear = false) => {
        const label = `${english.MONTH_ABBREVIATIONS[day.month - 1]} ${day.day}`;
        return withYear ? `${label}, ${day.year}` : label;
      },
      dayLong: (day) => `${english.WEEKDAY_ABBREVIATIONS[utcDay(day).getUTCDay()]}, ${english.MONTH_ABBREVIATIONS[day.month - 1]} ${day.day}, ${day.year}`,
    };
  }
  const cycle = clock === undefined ? {} : clock === '24h' ? { hourCycle: 'h23' as const } : { hour12: true };
  // The locale's own short time says whether it writes 1 a.m. as "01:05" (de, fr) or "1:05" (ja).
  const oneAm = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: 'UTC', ...cycle }).format(Date.UTC(2000, 0, 1, 1, 5));
  const hour = { ...cycle, hour: clock !== '12h' && /^\D*0\d/.test(oneAm) ? ('2-digit' as const) : ('numeric' as const) };
  const perZone = new Map<string, { time: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat; zoneShort: Intl.DateTimeFormat; zoneLong: Intl.DateTimeFormat }>();
  const formatsFor = (zone: string) => {
    let formats = perZone.get(zone);
    if (!formats) {
      const make = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(language, { timeZone: zone, ...options });
      formats = {
        time: make({ minute: '2-digit', ...hour }),
        dateTime: make({ weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', minute: '2-digit', ...hour }),
        zoneShort: make({ timeZoneName: 'short' }),
        zoneLong: make({ timeZoneName: 'long' }),
      };
      perZone.set(zone, formats);
    }
    return formats;
  };
  const zoneLabel = (instant: Date, zone: string) => {
    const formats = formatsFor(zone);
    const short = zonePart(formats.zoneShort, instant);
    return short && !/\p{Nd}/u.test(short) ? short : (zonePart(formats.zoneLong, instant) ?? zone);
  };
  return {
    time: (instant, zone) => `${formatsFor(zone).time.format(instant)} ${zoneLabel(instant, zone)}`,
    dateTime: (instant, zone) => `${formatsFor(zone).dateTime.format(instant)} ${zoneLabel(instant, zone)}`,
    ...calendarFormats,
    day: (day, withYear = false) => (withYear ? dayYearFormat : dayFormat).format(utcDay(day)),
    dayLong: (day) => dayLongFormat.format(utcDay(day)),
  };
}

function zonePart(format: Intl.DateTimeFormat, instant: Date): string | undefined {
  return format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value;
}
