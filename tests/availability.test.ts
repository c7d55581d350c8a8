/**
 * Availability history (src/availability.ts): local days in the site's zone,
 * incident downtime weighted by impact and clipped to each day and to "now",
 * maintenance shown but never counted. Fixed instants throughout.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AVAILABILITY_DAYS,
  dayBounds,
  formatAvailability,
  IMPACT_WEIGHT,
  serviceAvailability,
} from '../src/model/availability.ts';
import { buildModel } from '../src/model/model.ts';
import type { Impact, Notice, Update, UpdateStatus } from '../src/content/notice.ts';
import { availabilityOf, dayLook, dayText } from '../src/model/views.ts';
import { at, configYaml, testConfig } from './helpers/config.ts';
import { EN } from './helpers/english.ts';

const ZONE = 'America/Los_Angeles';


let serial = 0;
function make(type: Notice['type'], start: string, end: string | undefined, impact: Impact, updates: [string, UpdateStatus][] = []): Notice {
  const slug = `n${++serial}`;
  const date = at(start);
  return {
    slug,
    file: `posts/${slug}.md`,
    title: slug,
    type,
    date,
    authors: ['NOC'],
    services: ['dsl'],
    window: { start: date, ...(end ? { end: at(end) } : {}) },
    impact,
    updates: updates.map(([when, status]): Update => ({ at: at(when), status, body: '', html: '' })),
    summary: '',
    body: '',
    html: '',
    draft: false,
    url: `/2008/01/01/${slug}/`,
  };
}
const incident = (start: string, end: string | undefined, impact: Impact = 'major', updates: [string, UpdateStatus][] = []) =>
  make('incident', start, end, impact, updates);
const maintenance = (start: string, end: string, updates: [string, UpdateStatus][] = []) => make('maintenance', start, end, 'minor', updates);

/** The day of the strip whose local date is `date` (YYYY-MM-DD). */
function dayOf<T extends { year: number; month: number; day: number }>(days: T[], date: string): T {
  const [year, month, day] = date.split('-').map(Number);
  const found = days.find((d) => d.year === year && d.month === month && d.day === day);
  assert.ok(found, `${date} is in the strip`);
  return found;
}

describe('the days of the strip', () => {
  it('are the 90 local days ending with the day of "now", which ends at "now"', () => {
    const now = at('2008-10-02 00:30');
    const days = dayBounds(now, ZONE);
    assert.equal(days.length, AVAILABILITY_DAYS);
    assert.deepEqual([days[0]!.year, days[0]!.month, days[0]!.day], [2008, 7, 5]);
    const last = days.at(-1)!;
    assert.deepEqual([last.year, last.month, last.day], [2008, 10, 2]);
    assert.equal(last.start.toISOString(), '2008-10-02T07:00:00.000Z', 'local midnight, PDT');
    assert.equal(last.end.getTime(), now.getTime());
    for (let i = 1; i < days.length; i++) assert.equal(days[i - 1]!.end.getTime(), days[i]!.start.getTime(), 'days tile time');
  });

  it('are 25 hours long when the clocks fall back and 23 when they spring forward', () => {
    const fall = dayOf(serviceAvailability([], at('2008-11-10 12:00'), ZONE).days, '2008-11-02');
    assert.equal(fall.minutes, 25 * 60);
    assert.equal(fall.start.toISOString(), '2008-11-02T07:00:00.000Z');
    assert.equal(fall.end.toISOString(), '2008-11-03T08:00:00.000Z');
    const spring = dayOf(serviceAvailability([], at('2009-03-10 12:00'), ZONE).days, '2009-03-08');
    assert.equal(spring.minutes, 23 * 60);
  });

  it('follow the zone, not UTC: 23:30 local on Sep 30 is on Sep 30', () => {
    const late = incident('2008-09-30 23:30', '2008-09-30 23:50', 'critical');
    const { days } = serviceAvailability([late], at('2008-10-02 00:30'), ZONE);
    assert.equal(dayOf(days, '2008-09-30').downtime, 20);
    assert.equal(dayOf(days, '2008-10-01').downtime, 0);
  });
});

describe('downtime', () => {
  const now = at('2008-10-02 00:30');

  it('weighs an hour of incident by impact: critical 100%, major 50%, minor 25%, none 0%', () => {
    assert.deepEqual(IMPACT_WEIGHT, { critical: 1, major: 0.5, minor: 0.25, none: 0 });
    const cases: [Impact, number][] = [['critical', 60], ['major', 30], ['minor', 15], ['none', 0]];
    for (const [impact, expected] of cases) {
      const day = dayOf(serviceAvailability([incident('2008-09-12 10:00', '2008-09-12 11:00', impact)], now, ZONE).days, '2008-09-12');
      assert.equal(day.downtime, expected, impact);
      assert.equal(day.incidents.length, 1, `${impact} incident is listed on its day`);
      assert.equal(day.worst, impact);
      assert.equal(day.ratio, 1 - expected / 1440);
    }
  });

  it('clips an incident to each day it spans', () => {
    const { days } = serviceAvailability([incident('2008-09-12 23:00', '2008-09-13 01:30', 'critical')], now, ZONE);
    assert.equal(dayOf(days, '2008-09-12').downtime, 60);
    assert.equal(dayOf(days, '2008-09-13').downtime, 90);
  });

  it('clips an ongoing incident to "now", and today counts only up to "now"', () => {
    const open = incident('2008-10-01 23:30', undefined, 'critical');
    const { days } = serviceAvailability([open], now, ZONE);
    assert.equal(dayOf(days, '2008-10-01').downtime, 30);
    const today = days.at(-1)!;
    assert.equal(today.minutes, 30);
    assert.equal(today.downtime, 30);
    assert.equal(today.ratio, 0);
  });

  it('ends an incident without an end at its resolved update, once that is published', () => {
    const resolved = incident('2008-09-20 10:00', undefined, 'critical', [['2008-09-20 10:45', 'resolved']]);
    assert.equal(dayOf(serviceAvailability([resolved], now, ZONE).days, '2008-09-20').downtime, 45);
    // Not yet said at "now": ongoing until now.
    const future = incident('2008-10-02 00:00', undefined, 'critical', [['2008-10-02 06:00', 'resolved']]);
    assert.equal(serviceAvailability([future], now, ZONE).days.at(-1)!.downtime, 30);
  });

  it('counts overlapping incidents once, at the heaviest weight', () => {
    const major = incident('2008-09-12 10:00', '2008-09-12 12:00', 'major');
    const critical = incident('2008-09-12 11:00', '2008-09-12 11:30', 'critical');
    const twin = incident('2008-09-12 10:00', '2008-09-12 12:00', 'major');
    const day = dayOf(serviceAvailability([major, critical, twin], now, ZONE).days, '2008-09-12');
    assert.equal(day.downtime, 90 * 0.5 + 30);
    assert.equal(day.worst, 'critical');
    assert.equal(day.incidents.length, 3);
  });

  it('ignores what is outside the 90 days or after "now", and clips what straddles the start', () => {
    const old = incident('2008-06-01 10:00', '2008-06-01 11:00', 'critical');
    const straddling = incident('2008-07-04 12:00', '2008-07-05 01:00', 'critical');
    const later = incident('2008-10-02 03:00', '2008-10-02 04:00', 'critical');
    const result = serviceAvailability([old, straddling, later], now, ZONE);
    assert.equal(result.days[0]!.downtime, 60, 'only the hour on Jul 5 counts');
    assert.equal(result.downtime, 60);
  });

  it('ignores a window written to end before the 90 days whatever its updates say later', () => {
    // An incident's written end is its end, and a maintenance's updates only end it earlier.
    const reopened = incident('2008-06-01 10:00', '2008-06-01 11:00', 'critical', [['2008-09-20 10:00', 'investigating']]);
    const completedLate = maintenance('2008-06-02 10:00', '2008-06-02 11:00', [['2008-09-21 10:00', 'completed']]);
    const result = serviceAvailability([reopened, completedLate], now, ZONE);
    assert.equal(result.downtime, 0);
    assert.ok(result.days.every((day) => day.incidents.length === 0 && day.maintenance.length === 0));
  });

  it('shows maintenance on its days but never counts it; cancelled maintenance is not shown', () => {
    const done = maintenance('2008-09-30 00:01', '2008-09-30 00:06');
    const cancelled = maintenance('2008-09-25 01:00', '2008-09-25 02:00', [['2008-09-24 09:00', 'cancelled']]);
    const { days, downtime, ratio } = serviceAvailability([done, cancelled], now, ZONE);
    assert.deepEqual(dayOf(days, '2008-09-30').maintenance, [done]);
    assert.equal(dayOf(days, '2008-09-30').downtime, 0);
    assert.deepEqual(dayOf(days, '2008-09-25').maintenance, []);
    assert.equal(downtime, 0);
    assert.equal(ratio, 1);
    assert.equal(dayLook(dayOf(days, '2008-09-30')), 'maintenance');
    assert.equal(dayText(dayOf(days, '2008-09-30'), EN), 'Sep 30: 100%, maintenance');
  });

  it('gives a whole DST day of critical outage 25 hours of downtime and 0%', () => {
    const { days } = serviceAvailability([incident('2008-11-01 20:00', '2008-11-03 04:00', 'critical')], at('2008-11-10 12:00'), ZONE);
    const fall = dayOf(days, '2008-11-02');
    assert.equal(fall.downtime, 1500);
    assert.equal(fall.ratio, 0);
    assert.equal(dayOf(days, '2008-11-01').downtime, 4 * 60);
    assert.equal(dayOf(days, '2008-11-03').downtime, 4 * 60);
  });

  it('sums the whole strip: 1 - weighted downtime / minutes', () => {
    const notices = [incident('2008-09-12 00:00', '2008-09-12 00:15', 'major'), incident('2008-09-16 16:30', '2008-09-16 16:40', 'critical')];
    const result = serviceAvailability(notices, now, ZONE);
    const minutes = 89 * 1440 + 30; // no DST change in these 90 days; today so far
    assert.equal(result.minutes, minutes);
    assert.equal(result.downtime, 7.5 + 10);
    assert.equal(result.ratio, 1 - 17.5 / minutes);
    assert.equal(formatAvailability(result.ratio, result.downtime), '99.98%');
  });
});

describe('formatAvailability', () => {
  it('says 100% only without any downtime and never rounds a bad day up', () => {
    assert.equal(formatAvailability(1, 0), '100%');
    assert.equal(formatAvailability(0.999999, 0.1), '99.99%');
    assert.equal(formatAvailability(0.98955, 10), '98.95%');
    assert.equal(formatAvailability(0, 1440), '0.00%');
  });
});

describe('availability in the model', () => {
  const config = testConfig(configYaml([['dsl', 'DSL access', 'Access'], ['imap', 'IMAP mail', 'Mail']]));

  it('is computed once per service per build, from that service\'s own notices', () => {
    const dsl = incident('2008-09-12 10:00', '2008-09-12 11:00', 'critical');
    const imap = { ...incident('2008-09-13 10:00', '2008-09-13 12:00', 'critical'), services: ['imap'] };
    const site = buildModel(config, [dsl, imap], at('2008-10-02 00:30'));
    const [dslView, imapView] = site.services;
    const first = availabilityOf(site, dslView!);
    assert.equal(availabilityOf(site, dslView!), first, 'the same object for every page');
    assert.equal(first.downtime, 60);
    assert.equal(availabilityOf(site, imapView!).downtime, 120);
  });

  it('counts every one of 10,000 incidents on one service exactly', () => {
    // Every 11 minutes from Jul 10 (inside the 90 days) to Sep 24, a 7-minute
    // incident: minor, major, critical in turn. None overlaps another, all end
    // before "now", so the downtime is the sum of their weighted minutes, split
    // over the days they fall on.
    const impacts = ['minor', 'major', 'critical'] as const;
    const notices: Notice[] = [];
    const perDay = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const start = new Date(at('2008-07-10 00:00').getTime() + i * 11 * 60_000);
      const impact = impacts[i % 3]!;
      const n = incident('2008-07-10 00:00', '2008-07-10 00:05', impact);
      n.window = { start, end: new Date(start.getTime() + 7 * 60_000) };
      notices.push(n);
      for (let minute = 0; minute < 7; minute++) {
        // Pacific daylight time all summer: the local day is the UTC-7 date.
        const day = new Date(start.getTime() + minute * 60_000 - 7 * 3_600_000).toISOString().slice(0, 10);
        perDay.set(day, (perDay.get(day) ?? 0) + IMPACT_WEIGHT[impact]);
      }
    }
    const result = serviceAvailability(notices, at('2008-10-02 00:30'), ZONE);
    // 3,334 minor, 3,333 major and 3,333 critical incidents of 7 minutes.
    assert.equal(result.downtime, 7 * (3334 * 0.25 + 3333 * 0.5 + 3333 * 1));
    assert.equal(result.downtime, 40_831);
    assert.equal(result.minutes, 89 * 1440 + 30);
    assert.equal(result.ratio, 1 - 40_831 / (89 * 1440 + 30));
    assert.equal(dayOf(result.days, '2008-07-10').downtime, perDay.get('2008-07-10'));
    assert.equal(dayOf(result.days, '2008-07-10').incidents.length, 131, 'every incident starting or ending that day');
    assert.deepEqual(
      Object.fromEntries(result.days.filter((day) => day.downtime > 0).map((day) => [`${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`, day.downtime])),
      Object.fromEntries(perDay),
    );
  });
});
