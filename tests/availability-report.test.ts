/**
 * Availability reports (src/availability-report.ts), computed once in the
 * model: exact minutes and weighted downtime per month, quarter and year of a
 * Europe/Berlin site, with the strips' rules. Fixed "now" throughout.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PeriodFigures } from '../src/model/availability-report.ts';
import { parseConfig } from '../src/content/config.ts';
import { buildModel } from '../src/model/model.ts';
import { BERLIN_SLA_CONFIG, at, testConfig, validNotice } from './helpers/config.ts';

const ZONE = 'Europe/Berlin';
const CONFIG = BERLIN_SLA_CONFIG;
const config = testConfig(CONFIG);
const NOW = at('2024-08-15 12:00', ZONE);

const notice = (slug: string, frontMatter: string) => validNotice(config, `${frontMatter}\nauthors: NOC`, slug);
const incident = (slug: string, start: string, end: string, impact: string, services = 'dsl') =>
  notice(slug, `title: ${slug}\ntype: incident\ndate: ${start}\nimpact: ${impact}\nservices: [${services}]\nwindow: {start: ${start}, end: ${end}}`);

const notices = [
  // 3½ hours of a major incident: 210 minutes at half weight.
  incident('january-major', '2024-01-10 10:00', '2024-01-10 13:30', 'major'),
  // Crosses midnight into May: an hour in each month.
  incident('month-boundary', '2024-04-30 23:00', '2024-05-01 01:00', 'critical'),
  // Maintenance is never downtime.
  notice('june-maintenance', 'title: Works\ntype: maintenance\ndate: 2024-06-01 09:00\nservices: [dsl]\nwindow: {start: 2024-06-03 01:00, duration: 4h}'),
  // Overlapping: 10:00-13:00 counts once at full weight (180), the minor inside it adds nothing.
  incident('overlap-a', '2024-07-01 10:00', '2024-07-01 12:00', 'critical'),
  incident('overlap-b', '2024-07-01 11:00', '2024-07-01 13:00', 'critical'),
  incident('overlap-minor', '2024-07-01 10:30', '2024-07-01 11:30', 'minor', 'dsl, mail'),
];
const model = buildModel(config, notices, NOW);
const dsl = model.availability.byService.get('dsl')!;
const mail = model.availability.byService.get('mail')!;
const month = (key: string, report = dsl): PeriodFigures => {
  const found = report.months.find((period) => period.key === key);
  assert.ok(found, `${key} is in the report`);
  return found;
};

describe('availability reports', () => {
  it('count a 3½-hour major incident as 105 weighted minutes, and mark the month below the SLA', () => {
    const january = month('2024-01');
    assert.equal(january.minutes, 31 * 1440);
    assert.equal(january.downtime, 105);
    assert.equal(january.belowTarget, true, '1 - 105/44640 = 99.76% < 99.95%');
    assert.deepEqual(january.incidents.map((n) => n.slug), ['january-major']);
    assert.equal(month('2024-02').belowTarget, false);
  });

  it('give a month with a daylight-saving change and a leap-year February their real minutes', () => {
    assert.equal(month('2024-03').minutes, 44_580, 'March 2024 in Berlin loses an hour on the 31st');
    assert.equal(month('2024-02').minutes, 29 * 1440);
    const august = model.availability.byService.get('dsl')!.months.at(-1)!;
    assert.equal(august.key, '2024-08', 'the report runs to the month of "now"');
    assert.equal(august.toDate, true);
    assert.equal(august.minutes, 14 * 1440 + 12 * 60, 'August counts up to "now" only');
  });

  it('split an incident crossing a month boundary between the months', () => {
    assert.equal(month('2024-04').downtime, 60);
    assert.equal(month('2024-05').downtime, 60);
    assert.deepEqual(month('2024-04').incidents.map((n) => n.slug), ['month-boundary']);
    assert.deepEqual(month('2024-05').incidents.map((n) => n.slug), ['month-boundary']);
  });

  it('exclude maintenance and count overlapping incidents once, at the heaviest weight', () => {
    assert.equal(month('2024-06').downtime, 0);
    assert.equal(month('2024-06').incidents.length, 0);
    assert.equal(month('2024-07').downtime, 180);
    assert.equal(month('2024-07', mail).downtime, 15, 'the minor incident alone on mail: 60 minutes at a quarter');
  });

  it('sum months into quarters and years', () => {
    const q1 = dsl.quarters.find((period) => period.key === '2024-Q1')!;
    assert.equal(q1.label, 'Q1 2024');
    assert.equal(q1.minutes, 44_640 + 41_760 + 44_580);
    assert.equal(q1.downtime, 105);
    const q2 = dsl.quarters.find((period) => period.key === '2024-Q2')!;
    assert.equal(q2.downtime, 120);
    assert.equal(q2.minutes, 30 * 1440 + 31 * 1440 + 30 * 1440);
    assert.deepEqual(dsl.quarters.map((period) => period.key), ['2024-Q1', '2024-Q2', '2024-Q3']);
    assert.deepEqual(dsl.years.map((period) => [period.key, period.downtime]), [['2024', 105 + 120 + 180]]);
    assert.equal(mail.target, undefined);
    assert.ok(mail.months.every((period) => !period.belowTarget), 'no target, nothing marked');
  });

  it('keep one cell per local day for the calendar', () => {
    assert.equal(dsl.days.length, 31 + 29 + 31 + 30 + 31 + 30 + 31 + 15);
    const march31 = dsl.days.find((day) => day.month === 3 && day.day === 31)!;
    assert.equal(march31.minutes, 1380);
    const july1 = dsl.days.find((day) => day.month === 7 && day.day === 1)!;
    assert.deepEqual([july1.downtime, july1.incidents, july1.worst], [180, 3, 'critical']);
  });
});

describe('the sla key', () => {
  it('must be a percentage below 100', () => {
    const { problems } = parseConfig(CONFIG.replace('sla: 99.95', 'sla: 100'), 'site.config.yaml');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /sla.*percentage above 0 and below 100/);
    assert.equal(problems[0]!.line, 8);
  });
});
