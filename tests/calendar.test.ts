/**
 * Issue 3: the maintenance calendars (spec §5), read back by a real iCalendar
 * parser (Mozilla's ical.js) the way a calendar app imports them: one event
 * per maintenance notice, windows in UTC, stable UIDs, SEQUENCE = updates,
 * STATUS:CANCELLED, deterministic DTSTAMP. The independent vobject check runs
 * in feeds.test.ts (tests/helpers/check-site.ts covers every .ics file).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { parseNotice } from '../src/content/parse-notice.ts';
import { buildModel } from '../src/model/model.ts';
import { renderCalendar } from '../src/outputs/calendar.ts';
import { configYaml, testConfig } from './helpers/config.ts';
import { buildOutputsFixture, outputBuilds, outputFiles, sourceNotices } from './fixtures/outputs/builds.ts';
import { CONTROL, CRAFTED_PATH, CRAFTED_POST } from './fixtures/outputs/crafted.ts';

const SITE = 'https://status.example.net';

interface ImportedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  /** Whether DTSTART and DTEND are written in UTC (a trailing Z). */
  utc: boolean;
  sequence: number;
  status: string | null;
  stamp: string;
  url: string | null;
  categories: string[];
}

/** What a calendar app sees when it imports `text`. */
function importCalendar(text: string): { name: string | null; events: ImportedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const time = (name: string) => component.getFirstPropertyValue(name) as InstanceType<typeof ICAL.Time>;
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      utc: event.startDate.zone?.tzid === 'UTC' && event.endDate.zone?.tzid === 'UTC',
      sequence: event.sequence,
      status: component.getFirstPropertyValue('status') as string | null,
      stamp: time('dtstamp').toJSDate().toISOString(),
      url: component.getFirstPropertyValue('url') as string | null,
      categories: component.getAllProperties('categories').flatMap((property) => property.getValues() as string[]),
    };
  });
  return { name: calendar.getFirstPropertyValue('x-wr-calname') as string | null, events };
}

const { fixture, sample } = await outputBuilds();

describe('the sample content', () => {
  it('imports the San Jose POP window as 2008-10-02 07:01-08:31 UTC', () => {
    const { events } = importCalendar(sample.read('/maintenance.ics'));
    const sanJose = events.filter((event) => event.summary === 'San Jose POP Retrofit');
    assert.equal(sanJose.length, 1);
    assert.equal(sanJose[0]!.start, '2008-10-02T07:01:00.000Z');
    assert.equal(sanJose[0]!.end, '2008-10-02T08:31:00.000Z');
    assert.ok(sanJose[0]!.utc, 'times are written in UTC');
    assert.equal(sanJose[0]!.uid, `${SITE}/2008/09/29/san-jose-pop-retrofit/`);
  });

  it('has one event per maintenance notice and nothing else', () => {
    const maintenance = sourceNotices(sample.root).filter((notice) => notice.type === 'maintenance');
    assert.ok(maintenance.length > 0, 'the sample has maintenance notices');
    const { events } = importCalendar(sample.read('/maintenance.ics'));
    assert.deepEqual(events.map((event) => event.summary).sort(), maintenance.map((notice) => notice.title).sort());
  });
});

describe('the outputs fixture', () => {
  const events = () => importCalendar(fixture.read('/maintenance.ics')).events;
  const byUid = (uid: string) => events().find((event) => event.uid === `${SITE}${uid}`)!;

  it('has one event per maintenance notice, oldest window first, named after the site', () => {
    const calendar = importCalendar(fixture.read('/maintenance.ics'));
    assert.equal(calendar.name, 'Example ISP Status: maintenance');
    assert.deepEqual(
      calendar.events.map((event) => event.uid),
      ['/2008/10/20/imap-upgrade/', '/2008/10/28/dst-cutover/', '/2008/11/01/backbone-upgrade/'].map((path) => `${SITE}${path}`),
    );
  });

  it('keeps the window across the 2008-11-02 DST change: 00:30 PDT to 03:30 PST is four hours', () => {
    const cutover = byUid('/2008/10/28/dst-cutover/');
    assert.equal(cutover.start, '2008-11-02T07:30:00.000Z');
    assert.equal(cutover.end, '2008-11-02T11:30:00.000Z');
    assert.ok(cutover.utc);
    assert.equal(cutover.status, 'CONFIRMED');
  });

  it('counts published updates in SEQUENCE and dates DTSTAMP by the latest of them, not the build', () => {
    const cutover = byUid('/2008/10/28/dst-cutover/');
    assert.equal(cutover.sequence, 1);
    assert.equal(cutover.stamp, '2008-11-02T09:45:00.000Z', 'the 1:45 AM PST update');
    const upgrade = byUid('/2008/11/01/backbone-upgrade/');
    assert.equal(upgrade.sequence, 0);
    assert.equal(upgrade.stamp, '2008-11-01T16:00:00.000Z', 'no updates: the notice date');
  });

  it('marks a cancelled maintenance STATUS:CANCELLED', () => {
    const imap = byUid('/2008/10/20/imap-upgrade/');
    assert.equal(imap.status, 'CANCELLED');
    assert.equal(imap.sequence, 1);
    assert.equal(imap.stamp, '2008-10-22T16:00:00.000Z');
  });

  it('describes each event with its window, services, body, updates and URL', () => {
    const cutover = byUid('/2008/10/28/dst-cutover/');
    assert.equal(cutover.url, `${SITE}/2008/10/28/dst-cutover/`);
    assert.deepEqual(cutover.categories, ['DSL access']);
    for (const expected of [
      'Window: Sun, Nov 2, 2008, 12:30 AM PDT – Sun, Nov 2, 2008, 3:30 AM PST',
      'Services: DSL access',
      'we will move DSL subscribers',
      'In progress (Sun, Nov 2, 2008, 1:45 AM PST): Halfway there.',
      `${SITE}/2008/10/28/dst-cutover/`,
    ]) {
      assert.ok(cutover.description.includes(expected), `description lacks "${expected}":\n${cutover.description}`);
    }
  });

  it('per-service calendars hold only that service’s maintenance; an empty one is still a calendar', () => {
    const uids = (service: string) => importCalendar(fixture.read(`/services/${service}/maintenance.ics`)).events.map((event) => event.uid);
    assert.deepEqual(uids('dsl'), [`${SITE}/2008/10/28/dst-cutover/`]);
    assert.deepEqual(uids('imap'), [`${SITE}/2008/10/20/imap-upgrade/`]);
    assert.deepEqual(uids('webmail'), []);
    assert.equal(importCalendar(fixture.read('/services/dsl/maintenance.ics')).name, 'Example ISP Status: DSL access maintenance');
  });

  it('ends every line with CRLF and folds long lines at 75 octets', () => {
    for (const path of outputFiles(fixture).filter((file) => file.endsWith('.ics'))) {
      const bytes = fixture.readBytes(path);
      const text = bytes.toString('utf8');
      assert.ok(text.endsWith('END:VCALENDAR\r\n'), path);
      assert.ok(!/[^\r]\n/.test(text), `${path}: a bare LF`);
      for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `${path}: long line ${line}`);
    }
    // The site calendar really has lines too long for one: folded with CRLF + space.
    const text = fixture.read('/maintenance.ics');
    assert.ok(text.includes('\r\n '), 'the calendar holds a folded line');
    const unfolded = text.replaceAll('\r\n ', '').split('\r\n');
    assert.ok(unfolded.some((line) => Buffer.byteLength(line) > 75), 'a content line longer than 75 octets was folded');
    assert.match(importCalendar(text).events[0]!.description, /^Window: Sat, Oct 25, 2008, 1:00 AM PDT – Sat, Oct 25, 2008, 3:00 AM PDT\n/, 'folds unfold to the text as written');
  });
});

describe('crafted maintenance text', () => {
  it('survives in SUMMARY and DESCRIPTION without control characters', async () => {
    const title = `Crafted ; , \\ "quoted" <b>&amp;</b> ]]> 😀 שלום${CONTROL}`;
    const crafted = await buildOutputsFixture({
      'posts/2008/10/crafted-maintenance.md': `---
title: ${JSON.stringify(title)}
type: maintenance
date: 2008-10-29 12:00
window:
  start: 2008-11-20 01:00
  end: 2008-11-20 02:00
services: [imap]
authors: [Nathan]
---
Line one; with, punctuation \\ and ${CONTROL}controls.

Second paragraph: <script>alert(1)</script> & מחר
`,
      [CRAFTED_PATH]: CRAFTED_POST,
    });
    try {
      const text = crafted.read('/maintenance.ics');
      for (const char of CONTROL) assert.ok(!text.includes(char), `U+${char.codePointAt(0)!.toString(16)} in the calendar`);
      const event = importCalendar(text).events.find((item) => item.uid === `${SITE}/2008/10/29/crafted-maintenance/`)!;
      assert.equal(event.summary, 'Crafted ; , \\ "quoted" <b>&amp;</b> ]]> 😀 שלום');
      assert.ok(event.description.includes('Line one; with, punctuation \\ and controls.'), event.description);
      assert.ok(event.description.includes('Second paragraph: <script>alert(1)</script> & מחר'), event.description);
      assert.equal(event.start, '2008-11-20T09:00:00.000Z');
    } finally {
      crafted.remove();
    }
  });
});

describe('calendars are stable across rebuilds', () => {
  it('a rebuild of the same input is byte-identical', async () => {
    const before = outputFiles(fixture).filter((path) => path.endsWith('.ics')).map((path) => fixture.readBytes(path));
    await fixture.rebuild();
    const again = outputFiles(fixture).filter((path) => path.endsWith('.ics')).map((path) => fixture.readBytes(path));
    assert.equal(again.length, before.length);
    again.forEach((bytes, index) => assert.ok(bytes.equals(before[index]!), `calendar ${index} changed`));
  });

  it('editing a title keeps every UID, and an added update raises SEQUENCE', async () => {
    const edited = await buildOutputsFixture();
    try {
      const before = importCalendar(edited.read('/maintenance.ics')).events;
      const path = 'posts/2008/11/backbone-upgrade.md';
      const source = readFileSync(`${edited.root}/${path}`, 'utf8');
      edited.write(
        path,
        source
          .replace('title: Backbone Router Upgrade', 'title: Core Router Software Upgrade')
          .replace('authors: [Jared]', 'authors: [Jared]\nupdates:\n  - at: 2008-11-01 20:00\n    body: The upgrade now includes the edge routers.'),
      );
      await edited.rebuild();
      const after = importCalendar(edited.read('/maintenance.ics')).events;
      assert.deepEqual(after.map((event) => event.uid), before.map((event) => event.uid));
      const upgrade = after.find((event) => event.uid === `${SITE}/2008/11/01/backbone-upgrade/`)!;
      assert.equal(upgrade.summary, 'Core Router Software Upgrade');
      assert.equal(upgrade.sequence, 1);
      assert.equal(upgrade.stamp, '2008-11-02T03:00:00.000Z', '8 PM PDT on Nov 1');
    } finally {
      edited.remove();
    }
  });
});

describe('one process, several builds (npm start)', () => {
  it('an update published by a later "now" shows in that build, though the event was rendered before', () => {
    const config = testConfig(configYaml([['backbone', 'Backbone', 'Network']]));
    const notice = parseNotice(
      '---\ntitle: Core upgrade\ntype: maintenance\ndate: 2008-10-01 10:00\nwindow: {start: 2008-10-09 01:00, duration: 1h}\n' +
        'services: [backbone]\nauthors: [NOC]\nupdates:\n  - at: 2008-10-05 09:00\n    body: Moved to the spare chassis.\n---\nWork.\n',
      'posts/2008/10/core-upgrade.md',
      config,
    ).notice!;
    const at = (now: string) => importCalendar(renderCalendar(buildModel(config, [notice], new Date(now)))).events[0]!;
    const before = at('2008-10-02T12:00:00Z');
    const after = at('2008-10-06T12:00:00Z');
    const beforeAgain = at('2008-10-02T12:00:00Z');
    assert.equal(before.sequence, 0);
    assert.ok(!before.description.includes('spare chassis'));
    assert.equal(after.sequence, 1);
    assert.match(after.description, /Moved to the spare chassis\./);
    assert.deepEqual(beforeAgain, before);
  });
});

describe('calendar size stays bounded', () => {
  it('holds the last year\'s windows and every upcoming one, not the whole archive', () => {
    const config = testConfig(configYaml([['backbone', 'Backbone', 'Network']]));
    const maintenance = (slug: string, date: string, start: string) =>
      parseNotice(
        `---\ntitle: ${slug}\ntype: maintenance\ndate: ${date}\nwindow: {start: ${start}, duration: 1h}\nservices: [backbone]\nauthors: [NOC]\n---\nWork.\n`,
        `posts/${slug}.md`,
        config,
      ).notice!;
    const notices = [
      maintenance('long-ago', '2006-01-02 10:00', '2006-01-10 01:00'),
      maintenance('last-spring', '2008-03-01 10:00', '2008-03-10 01:00'),
      maintenance('next-week', '2008-10-01 10:00', '2008-10-09 01:00'),
    ];
    const site = buildModel(config, notices, new Date('2008-10-02T12:00:00Z'));
    const summaries = importCalendar(renderCalendar(site)).events.map((event) => event.summary);
    assert.deepEqual(summaries, ['last-spring', 'next-week']);
  });
});

describe('a maintenance completed early', () => {
  it('ends its event when the `completed` update says, as its page does; the planned end before that', () => {
    const config = testConfig(configYaml([['backbone', 'Backbone', 'Network']]));
    const notice = parseNotice(
      `---\ntitle: Early\ntype: maintenance\ndate: 2008-10-01 10:00\nwindow: {start: 2008-10-02 00:01, duration: 90m}\nservices: [backbone]\nauthors: [NOC]\nupdates:\n  - at: 2008-10-02 00:40\n    status: completed\n    body: Done early.\n---\nWork.\n`,
      'posts/early.md',
      config,
    ).notice!;
    const at = (now: string) => importCalendar(renderCalendar(buildModel(config, [notice], new Date(now)))).events[0]!;
    // Before the update is published the event holds the plan (00:01-01:31 PDT).
    assert.equal(at('2008-10-02T07:30:00Z').end, '2008-10-02T08:31:00.000Z');
    // After it, the actual end (00:40 PDT).
    assert.equal(at('2008-10-02T09:00:00Z').end, '2008-10-02T07:40:00.000Z');
  });
});
