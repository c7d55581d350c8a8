/**
 * Spec §2 (times), §4 (STATUS_NOW) and the zoned formatting pages use.
 * Every instant is fixed; nothing here reads the wall clock.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SiteConfig } from '../src/content/config.ts';
import { parseNotice } from '../src/content/parse-notice.ts';
import { InvalidInputError } from '../src/content/problems.ts';
import { resolveNow } from '../src/site/load-site.ts';
import { parseDuration, parseTime, type Parsed } from '../src/time/time.ts';
import { formatDateTime, formatTime, isoInZone, localDate } from '../src/time/zoned-format.ts';
import { configYaml, testConfig } from './helpers/config.ts';

const LA = 'America/Los_Angeles';

function instant(result: Parsed<Date>): string {
  assert.ok(result.ok, `expected a time, got error: ${result.ok ? '' : result.error}`);
  return result.value.toISOString();
}

function error(result: Parsed<unknown>): string {
  assert.equal(result.ok, false, `expected an error, got ${JSON.stringify(result)}`);
  return result.ok ? '' : result.error;
}

describe('parseTime: unzoned times are read in the site zone', () => {
  it('reads a summer time as PDT (UTC-7)', () => {
    assert.equal(instant(parseTime('2008-09-26 15:10', LA)), '2008-09-26T22:10:00.000Z');
  });

  it('reads a winter time as PST (UTC-8)', () => {
    assert.equal(instant(parseTime('2008-12-15 09:00', LA)), '2008-12-15T17:00:00.000Z');
  });

  it('accepts `T` as well as a space between date and time', () => {
    assert.equal(instant(parseTime('2008-09-26T15:10', LA)), '2008-09-26T22:10:00.000Z');
    assert.equal(instant(parseTime('2008-12-15T09:00', LA)), '2008-12-15T17:00:00.000Z');
  });

  it('accepts optional seconds', () => {
    assert.equal(instant(parseTime('2008-09-26 15:10:45', LA)), '2008-09-26T22:10:45.000Z');
    assert.equal(instant(parseTime('2008-09-26T15:10:05', LA)), '2008-09-26T22:10:05.000Z');
  });

  it('ignores surrounding whitespace', () => {
    assert.equal(instant(parseTime('  2008-09-26 15:10 ', LA)), '2008-09-26T22:10:00.000Z');
  });

  it('reads the same text the same way in another zone', () => {
    assert.equal(instant(parseTime('2008-09-26 15:10', 'UTC')), '2008-09-26T15:10:00.000Z');
    assert.equal(instant(parseTime('2008-09-26 15:10', 'Europe/Berlin')), '2008-09-26T13:10:00.000Z');
  });
});

describe('parseTime: explicit offsets override the site zone', () => {
  it('`Z` is UTC', () => {
    assert.equal(instant(parseTime('2008-09-26 15:10Z', LA)), '2008-09-26T15:10:00.000Z');
    assert.equal(instant(parseTime('2008-09-26T15:10:30Z', LA)), '2008-09-26T15:10:30.000Z');
  });

  it('`+HH:MM` is east of UTC', () => {
    assert.equal(instant(parseTime('2008-09-26 15:10+02:00', LA)), '2008-09-26T13:10:00.000Z');
    assert.equal(instant(parseTime('2008-09-26T15:10+05:30', LA)), '2008-09-26T09:40:00.000Z');
  });

  it('`-HH:MM` is west of UTC, and may disagree with the zone in force', () => {
    assert.equal(instant(parseTime('2008-09-26 15:10-07:00', LA)), '2008-09-26T22:10:00.000Z');
    // PST written explicitly in summer still means exactly UTC-8.
    assert.equal(instant(parseTime('2008-09-26 15:10-08:00', LA)), '2008-09-26T23:10:00.000Z');
  });
});

describe('parseTime: daylight saving transitions', () => {
  it('refuses the repeated fall-back hour and shows both choices', () => {
    const message = error(parseTime('2008-11-02 01:30', LA));
    assert.match(message, /happens twice/);
    assert.match(message, /offset/);
    assert.ok(message.includes('"2008-11-02 01:30-07:00" (PDT)'), message);
    assert.ok(message.includes('"2008-11-02 01:30-08:00" (PST)'), message);
    // Earlier instant (PDT) first.
    assert.ok(message.indexOf('-07:00') < message.indexOf('-08:00'), message);
  });

  it('accepts the repeated hour with an explicit offset, each meaning its own instant', () => {
    assert.equal(instant(parseTime('2008-11-02 01:30-07:00', LA)), '2008-11-02T08:30:00.000Z');
    assert.equal(instant(parseTime('2008-11-02 01:30-08:00', LA)), '2008-11-02T09:30:00.000Z');
    assert.equal(instant(parseTime('2008-11-02T01:30Z', LA)), '2008-11-02T01:30:00.000Z');
  });

  it('the times just outside the repeated hour are unambiguous', () => {
    assert.equal(instant(parseTime('2008-11-02 00:59', LA)), '2008-11-02T07:59:00.000Z');
    assert.equal(instant(parseTime('2008-11-02 02:00', LA)), '2008-11-02T10:00:00.000Z');
  });

  it('refuses a time in the spring-forward gap', () => {
    const message = error(parseTime('2009-03-08 02:30', LA));
    assert.match(message, /"2009-03-08 02:30" does not exist in America\/Los_Angeles/);
    assert.match(message, /on 2009-03-08 clocks go from 02:00 PST to 03:00 PDT; write 01:30 or 03:30, or give an offset -08:00 \/ -07:00$/);
  });

  it('accepts the times around the gap', () => {
    assert.equal(instant(parseTime('2009-03-08 01:59', LA)), '2009-03-08T09:59:00.000Z');
    assert.equal(instant(parseTime('2009-03-08 03:00', LA)), '2009-03-08T10:00:00.000Z');
  });
});

describe('parseTime: malformed input', () => {
  it('asks for a time when only a date is written', () => {
    const message = error(parseTime('2008-09-26', LA));
    assert.match(message, /no time of day/);
    assert.ok(message.includes('"2008-09-26 09:00"'), message);
  });

  it('refuses dates that are not on the calendar', () => {
    for (const text of ['2008-02-30 10:00', '2007-02-29 10:00', '2008-13-01 10:00', '2008-04-31 10:00', '2008-00-10 10:00']) {
      assert.match(error(parseTime(text, LA)), /not a real calendar date/, text);
    }
  });

  it('accepts the leap day of a leap year', () => {
    assert.equal(instant(parseTime('2008-02-29 10:00', LA)), '2008-02-29T18:00:00.000Z');
  });

  it('refuses times of day that do not exist', () => {
    for (const text of ['2008-09-26 24:00', '2008-09-26 12:60', '2008-09-26 12:00:60']) {
      assert.match(error(parseTime(text, LA)), /not a real calendar date and time/, text);
    }
  });

  it('refuses garbage and says what to write', () => {
    for (const text of ['garbage', '', 'tomorrow 9am', '09/26/2008 15:10', '2008-09-26 3:10 PM', '2008-9-26 15:10', '2008-09-26 15:10 PDT']) {
      const message = error(parseTime(text, LA));
      assert.match(message, /is not a time; write YYYY-MM-DD HH:MM/, text);
    }
  });
});

const CONFIG = configYaml([
  ['dsl', 'DSL access', 'Access'],
]);

const config = (): SiteConfig => testConfig(CONFIG);

describe('quoted and unquoted YAML times mean the same instant', () => {
  const notice = (date: string) => `---
title: Planned work
type: notice
date: ${date}
authors: [Jared]
---
Body.
`;

  for (const [label, written] of [
    ['unquoted', '2008-09-26 15:10'],
    ['double-quoted', '"2008-09-26 15:10"'],
    ['single-quoted', "'2008-09-26 15:10'"],
    ['unquoted with T', '2008-09-26T15:10'],
  ] as const) {
    it(`${label}: ${written}`, () => {
      const { notice: parsed, problems } = parseNotice(notice(written), 'posts/2008/09/planned-work.md', config());
      assert.deepEqual(problems, []);
      assert.equal(parsed!.date.toISOString(), '2008-09-26T22:10:00.000Z');
    });
  }

  it('an unquoted date-only value is still refused, not read as UTC midnight', () => {
    const { notice: parsed, problems } = parseNotice(notice('2008-09-26'), 'posts/2008/09/planned-work.md', config());
    assert.equal(parsed, undefined);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 4);
    assert.match(problems[0]!.message, /`date`.*no time of day/);
  });
});

describe('parseDuration', () => {
  const minutes = (text: string) => {
    const result = parseDuration(text);
    assert.ok(result.ok, `expected a duration for ${text}`);
    return result.value;
  };

  it('reads minutes, hours, days and combinations', () => {
    assert.equal(minutes('5m'), 5);
    assert.equal(minutes('90m'), 90);
    assert.equal(minutes('2h'), 120);
    assert.equal(minutes('1h30m'), 90);
    assert.equal(minutes('3d'), 3 * 24 * 60);
    assert.equal(minutes('1d2h3m'), 24 * 60 + 2 * 60 + 3);
  });

  it('refuses a number without a unit', () => {
    assert.match(error(parseDuration('90')), /"90" is not a duration; write e\.g\. 5m, 90m, 2h, 1h30m or 3d/);
  });

  it('refuses a zero duration', () => {
    assert.match(error(parseDuration('0m')), /"0m" is zero/);
    assert.match(error(parseDuration('0h0m')), /is zero/);
  });

  it('refuses unknown units and empty text', () => {
    assert.match(error(parseDuration('1x')), /"1x" is not a duration/);
    assert.match(error(parseDuration('')), /is not a duration/);
    assert.match(error(parseDuration('30m1h')), /is not a duration/);
    assert.match(error(parseDuration('-5m')), /is not a duration/);
  });
});

describe('resolveNow', () => {
  it('reads STATUS_NOW in the site zone', () => {
    assert.equal(resolveNow(LA, { STATUS_NOW: '2008-09-30 00:03' }).toISOString(), '2008-09-30T07:03:00.000Z');
  });

  it('honours an explicit offset in STATUS_NOW', () => {
    assert.equal(resolveNow(LA, { STATUS_NOW: '2008-09-30T07:03:00Z' }).toISOString(), '2008-09-30T07:03:00.000Z');
  });

  it('refuses an invalid STATUS_NOW instead of falling back to the clock', () => {
    assert.throws(
      () => resolveNow(LA, { STATUS_NOW: 'yesterday' }),
      (err: unknown) => {
        assert.ok(err instanceof InvalidInputError);
        assert.equal(err.problems.length, 1);
        assert.equal(err.problems[0]!.file, 'STATUS_NOW');
        assert.match(err.problems[0]!.message, /STATUS_NOW: "yesterday" is not a time/);
        return true;
      },
    );
  });

  it('refuses an ambiguous STATUS_NOW like any written time', () => {
    assert.throws(() => resolveNow(LA, { STATUS_NOW: '2008-11-02 01:30' }), InvalidInputError);
  });
});

describe('zoned formatting', () => {
  const pdt = new Date('2008-09-30T07:01:00Z'); // 12:01 AM PDT, Tue Sep 30
  const pst = new Date('2008-12-02T08:01:00Z'); // 12:01 AM PST, Tue Dec 2

  it('formatTime shows the local clock with the zone abbreviation', () => {
    assert.equal(formatTime(pdt, LA), '12:01 AM PDT');
    assert.equal(formatTime(pst, LA), '12:01 AM PST');
    assert.equal(formatTime(new Date('2008-09-26T22:10:00Z'), LA), '3:10 PM PDT');
  });

  it('formatDateTime shows the local date, clock and abbreviation', () => {
    assert.equal(formatDateTime(pdt, LA), 'Tue, Sep 30, 2008, 12:01 AM PDT');
    assert.equal(formatDateTime(pst, LA), 'Tue, Dec 2, 2008, 12:01 AM PST');
  });

  it('isoInZone', () => {
    assert.equal(isoInZone(pdt, LA), '2008-09-30T00:01:00-07:00');
    assert.equal(isoInZone(pst, LA), '2008-12-02T00:01:00-08:00');
  });

  it('localDate uses the site zone, not UTC', () => {
    assert.deepEqual(localDate(new Date('2008-10-01T06:30:00Z'), LA), { year: 2008, month: 9, day: 30 });
    assert.deepEqual(localDate(new Date('2008-10-01T06:30:00Z'), 'UTC'), { year: 2008, month: 10, day: 1 });
  });

  it('both readings of the fall-back hour format with their own abbreviation', () => {
    assert.equal(formatTime(new Date('2008-11-02T08:30:00Z'), LA), '1:30 AM PDT');
    assert.equal(formatTime(new Date('2008-11-02T09:30:00Z'), LA), '1:30 AM PST');
  });
});
