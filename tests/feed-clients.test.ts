/**
 * Issue 11, items 3 and 8: the feeds and calendars as third-party clients read
 * them. Atom titles and summaries are plain text (type="text", ordinary XML
 * escaping), so feedparser and feedsmith return the exact title, and the Atom
 * feed carries xml:lang. Every maintenance event is TRANSP:TRANSPARENT; a
 * calendar with no event still holds a component (the site zone's VTIMEZONE),
 * read by ical.js and python icalendar; subscribe links offer webcal://.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseAtomFeed } from 'feedsmith';
import ICAL from 'ical.js';
import { DOMParser, parseHTML } from 'linkedom';
import { buildFixture, type Fixture } from './helpers/build-fixture.ts';
import { configYaml } from './helpers/config.ts';
import { feedparserRead, icalendarRead } from './helpers/python-clients.ts';

const TITLE = 'AT&T <b> "x"';
const SUMMARY = 'Fiber cut & <i>rerouting</i> > 2 routes';
const SITE = 'https://status.example.net';

const FILES = {
  'site.config.yaml': `${configYaml([
    ['backbone', 'Backbone', 'Core'],
    ['dns', 'DNS', 'Core'],
  ])}language: en-US\n`,
  'posts/2008/10/att.md': `---
title: ${JSON.stringify(TITLE)}
type: incident
date: 2008-10-01 09:00
window:
  start: 2008-10-01 08:45
  end: 2008-10-01 10:00
services: [backbone]
authors: [NOC]
summary: ${JSON.stringify(SUMMARY)}
---
Traffic to AT&T is rerouted.
`,
  'posts/2008/10/router.md': `---
title: Core router upgrade
type: maintenance
date: 2008-10-01 12:00
window:
  start: 2008-10-05 01:00
  duration: 2h
services: [backbone]
authors: [NOC]
---
New software on the core routers.
`,
  'posts/2008/10/old-router.md': `---
title: Core router move
type: maintenance
date: 2008-09-20 12:00
window:
  start: 2008-09-25 01:00
  duration: 1h
services: [backbone]
authors: [NOC]
updates:
  - at: 2008-09-24 09:00
    status: cancelled
    body: Postponed.
---
Moving a core router.
`,
};

describe('Atom under real feed parsers', () => {
  let build: Fixture;
  before(async () => {
    build = await buildFixture({ files: FILES, now: '2008-10-02 12:00' });
  });
  after(() => build?.remove());

  it('feedparser returns the exact title and summary, as plain text, and the language', () => {
    const feed = feedparserRead(build.read('/atom.xml'));
    assert.equal(feed.bozo, false, feed.bozo_exception ?? '');
    assert.equal(feed.feed.language, 'en-US');
    const entry = feed.entries.find((candidate) => candidate.id === `${SITE}/2008/10/01/att/`)!;
    assert.equal(entry.title, TITLE);
    assert.equal(entry.title_type, 'text/plain');
    assert.equal(entry.summary, SUMMARY);
    assert.equal(entry.summary_type, 'text/plain');
  });

  it('feedsmith returns the exact title and summary, typed text', () => {
    const atom = parseAtomFeed(build.read('/atom.xml'));
    const entry = atom.entries!.find((candidate) => candidate.id === `${SITE}/2008/10/01/att/`)!;
    assert.deepEqual([entry.title?.type, entry.title?.value], ['text', TITLE]);
    assert.deepEqual([entry.summary?.type, entry.summary?.value], ['text', SUMMARY]);
    // The service feed too.
    const service = parseAtomFeed(build.read('/services/backbone/atom.xml'));
    assert.ok(service.entries!.some((candidate) => candidate.title?.value === TITLE));
  });

  it('the Atom root names the language as xml:lang', () => {
    const document = new DOMParser().parseFromString(build.read('/atom.xml'), 'text/xml');
    assert.equal(document.documentElement.localName, 'feed');
    assert.equal(document.documentElement.getAttribute('xml:lang'), 'en-US');
  });
});

describe('calendars under real calendar parsers', () => {
  let build: Fixture;
  before(async () => {
    build = await buildFixture({ files: FILES, now: '2008-10-02 12:00' });
  });
  after(() => build?.remove());

  it('every maintenance event is transparent (ical.js and python icalendar)', () => {
    const ics = build.read('/maintenance.ics');
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    assert.equal(events.length, 2);
    for (const event of events) assert.equal(event.getFirstPropertyValue('transp'), 'TRANSPARENT');
    const python = icalendarRead(ics);
    assert.deepEqual(python.errors, []);
    assert.deepEqual(
      python.events.map((event) => [event.status, event.transp]),
      [
        ['CANCELLED', 'TRANSPARENT'],
        ['CONFIRMED', 'TRANSPARENT'],
      ],
    );
  });

  it('a calendar with no event still holds a component: the site zone', () => {
    const ics = build.read('/services/dns/maintenance.ics');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    assert.equal(calendar.name, 'vcalendar');
    assert.equal(calendar.getAllSubcomponents('vevent').length, 0);
    // RFC 5545 §3.6: a calendar holds one component or more.
    assert.deepEqual(
      calendar.getAllSubcomponents().map((component) => component.name),
      ['vtimezone'],
    );
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
    assert.equal(zone.tzid, 'America/Los_Angeles');
    const python = icalendarRead(ics);
    assert.equal(python.name, 'VCALENDAR');
    assert.deepEqual(python.components, ['VTIMEZONE']);
    assert.deepEqual(python.errors, []);
    // Oct 2, 2008 is daylight time in Los Angeles: UTC-7.
    assert.deepEqual(python.offsets, { 'America/Los_Angeles': -7 * 3600 });
  });

  it('the subscribe links offer webcal:// beside the https link', () => {
    for (const [page, path] of [
      ['/index.html', '/maintenance.ics'],
      ['/services/dns/index.html', '/services/dns/maintenance.ics'],
    ] as const) {
      const { document } = parseHTML(build.read(page));
      const hrefs = [...document.querySelectorAll('.subscribe a')].map((a) => a.getAttribute('href'));
      assert.ok(hrefs.includes(`webcal://status.example.net${path}`), `${page}: ${hrefs.join(' ')}`);
      assert.ok(hrefs.includes(path), `${page}: ${hrefs.join(' ')}`);
    }
  });
});
