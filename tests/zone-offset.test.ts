/**
 * zoneOffset (src/time/zone-offset.ts) gives tzOffset's answer: on ordinary
 * days, on days the clocks change (whole-hour, half-hour and a skipped day),
 * and in offsets with seconds (local mean time). Fixed instants only.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tzOffset } from '@date-fns/tz';
import { zoneOffset } from '../src/time/zone-offset.ts';

const MINUTE = 60_000;

/** Every 7 minutes from `from` for `hours` hours: across a change, and both sides of it. */
function around(from: string, hours: number): Date[] {
  const start = Date.parse(from);
  return Array.from({ length: Math.ceil((hours * 60) / 7) }, (_, index) => new Date(start + index * 7 * MINUTE));
}

function assertSameAsTzOffset(zone: string, instants: Date[]): void {
  for (const instant of instants) {
    assert.equal(zoneOffset(zone, instant), tzOffset(zone, instant), `${zone} at ${instant.toISOString()}`);
  }
}

describe('zoneOffset', () => {
  it('matches tzOffset on ordinary days and on the days clocks change', () => {
    assertSameAsTzOffset('America/Los_Angeles', around('2025-03-08T00:00:00Z', 72));
    assertSameAsTzOffset('America/Los_Angeles', around('2025-11-01T00:00:00Z', 72));
    assertSameAsTzOffset('Europe/Berlin', around('2025-03-29T00:00:00Z', 72));
    assertSameAsTzOffset('Europe/Berlin', around('2025-10-25T00:00:00Z', 72));
    // Half-hour daylight saving, and a zone that changes at 02:00 local in the southern spring.
    assertSameAsTzOffset('Australia/Lord_Howe', around('2025-04-05T00:00:00Z', 48));
    assertSameAsTzOffset('Australia/Lord_Howe', around('2025-10-04T00:00:00Z', 48));
    // Samoa skipped 2011-12-30: one change of a whole day.
    assertSameAsTzOffset('Pacific/Apia', around('2011-12-28T00:00:00Z', 96));
  });

  it('matches tzOffset for zones without daylight saving and for UTC', () => {
    assertSameAsTzOffset('Asia/Kolkata', around('2024-06-01T00:00:00Z', 30));
    assertSameAsTzOffset('UTC', around('2024-06-01T00:00:00Z', 30));
  });

  it('matches tzOffset where the offset has seconds (local mean time)', () => {
    assertSameAsTzOffset('Europe/Amsterdam', around('1890-01-01T00:00:00Z', 30));
    assertSameAsTzOffset('America/Los_Angeles', around('1883-11-17T00:00:00Z', 72));
  });

  it('gives what tzOffset gives for an instant that is not a time', () => {
    assert.ok(Number.isNaN(zoneOffset('America/Los_Angeles', new Date(Number.NaN))));
    assert.ok(Number.isNaN(tzOffset('America/Los_Angeles', new Date(Number.NaN))));
  });
});
