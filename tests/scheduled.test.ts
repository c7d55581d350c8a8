/**
 * Issue 11, item 2: a notice whose `date` is after "now" is scheduled. The
 * built site has no page, feed entry, calendar event or API record of it
 * until then, and `/build.json` names its date as the next change; the
 * `npm start` preview (drafts included) shows it, marked "Scheduled".
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';
import { isPublishedAt } from '../src/model/state.ts';
import { buildFixture, type Fixture } from './helpers/build-fixture.ts';
import { at, configYaml } from './helpers/config.ts';

const CONFIG = configYaml([['dsl', 'DSL', 'Access']]);

/** Posted ahead of time: it goes out on Oct 3 at 09:00 for a window on Oct 10. */
const SCHEDULED = `---
title: DSL core upgrade
type: maintenance
date: 2008-10-03 09:00
window:
  start: 2008-10-10 01:00
  duration: 2h
services: [dsl]
authors: [NOC]
---
The DSL core routers get new software.
`;

const PUBLISHED = `---
title: New name servers
type: notice
date: 2008-10-01 09:00
authors: [NOC]
---
Our resolvers have new addresses.
`;

const FILES = { 'site.config.yaml': CONFIG, 'posts/2008/10/dsl-core.md': SCHEDULED, 'posts/2008/10/ns.md': PUBLISHED };
const NOW = '2008-10-02 12:00';
const PAGE = '/2008/10/03/dsl-core/';

describe('a notice dated after now is scheduled', () => {
  let build: Fixture;
  let preview: Fixture;
  before(async () => {
    build = await buildFixture({ files: FILES, now: NOW });
    preview = await buildFixture({ files: FILES, now: NOW, drafts: true });
  });
  after(() => {
    build?.remove();
    preview?.remove();
  });

  it('has no page and is in no list', () => {
    assert.equal(build.exists(`${PAGE}index.html`), false);
    for (const path of ['/index.html', '/archive/index.html', '/services/dsl/index.html']) {
      const { document } = parseHTML(build.read(path));
      assert.ok(![...document.querySelectorAll('a')].some((a) => a.getAttribute('href') === PAGE), `${path} links it`);
    }
  });

  it('is in no feed, calendar or API file', () => {
    const titles = [
      ...parseRssFeed(build.read('/feed.xml')).items!.map((item) => item.title),
      ...parseAtomFeed(build.read('/atom.xml')).entries!.map((entry) => entry.title?.value),
      ...parseJsonFeed(JSON.parse(build.read('/feed.json'))).items!.map((item) => item.title),
    ];
    assert.deepEqual([...new Set(titles)], ['New name servers']);
    const calendar = new ICAL.Component(ICAL.parse(build.read('/maintenance.ics')));
    assert.equal(calendar.getAllSubcomponents('vevent').length, 0);
    for (const path of ['/api/v2/summary.json', '/api/v2/scheduled-maintenances.json', '/api/v2/scheduled-maintenances/upcoming.json']) {
      assert.doesNotMatch(build.read(path), /DSL core upgrade/, path);
    }
  });

  it('/build.json names its date as the next change', () => {
    const info = JSON.parse(build.read('/build.json')) as { next_change: string | null };
    assert.equal(info.next_change, at('2008-10-03 09:00').toISOString());
  });

  it('the preview shows it, marked as scheduled', () => {
    const { document } = parseHTML(preview.read(`${PAGE}index.html`));
    assert.equal(document.querySelector('h1 .draft-mark')?.textContent, 'Scheduled:');
    const home = parseHTML(preview.read('/index.html')).document;
    const item = [...home.querySelectorAll('.maintenance-upcoming .item-title a')].find((a) => a.getAttribute('href') === PAGE);
    assert.match(item?.textContent ?? '', /^Scheduled: DSL core upgrade$/);
  });
});

describe('isPublishedAt', () => {
  it('is true from the notice date on, and never for a draft', () => {
    const date = at('2008-10-03 09:00');
    assert.equal(isPublishedAt({ date, draft: false }, at('2008-10-03 08:59')), false);
    assert.equal(isPublishedAt({ date, draft: false }, date), true);
    assert.equal(isPublishedAt({ date, draft: true }, at('2009-01-01 00:00')), false);
  });
});
