/**
 * Issue 11, item 1: a reopened incident. An open status (investigating,
 * identified, monitoring) published after a `resolved` update reopens the
 * incident: that resolution no longer applies. A written `window.end` is what
 * the author says the impact was (spec §4), so an update after it is a
 * follow-up: the incident stays resolved, and `npm run check` says so. The
 * rule lives in incidentEnd (src/state.ts); this pins that the notice page,
 * the home page, the service page, the API and the feeds all say the same,
 * read through real parsers (linkedom, JSON, feedsmith).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';
import { followUpNotes } from '../src/authoring/future.ts';
import { serviceAvailability } from '../src/model/availability.ts';
import { buildModel } from '../src/model/model.ts';
import { incidentEnd, noticeState } from '../src/model/state.ts';
import { buildFixture, type Fixture } from './helpers/build-fixture.ts';
import { at, configYaml, testConfig, validNotice } from './helpers/config.ts';

const CONFIG = configYaml([
  ['imap', 'IMAP', 'Mail'],
  ['dns', 'DNS resolvers', 'Core'],
]);

/** Resolved at 03:20, then "Failing again" at 03:40: open at 04:00. */
const REOPENED = `---
title: Mail failing
type: incident
date: 2008-10-02 03:00
window:
  start: 2008-10-02 03:00
services: [imap]
authors: [NOC]
impact: major
updates:
  - at: 2008-10-02 03:20
    status: resolved
    body: Mail works again.
  - at: 2008-10-02 03:40
    status: investigating
    body: Failing again.
---
Mail is failing for some customers.
`;

/** A written end at 02:30, then an open update at 02:45: a follow-up, still resolved at 02:30. */
const REOPENED_AFTER_END = `---
title: DNS slow
type: incident
date: 2008-10-02 02:00
window:
  start: 2008-10-02 02:00
  end: 2008-10-02 02:30
services: [dns]
authors: [NOC]
impact: critical
updates:
  - at: 2008-10-02 02:45
    status: identified
    body: Slow again; a resolver is overloaded.
---
Lookups are slow.
`;

const NOW = '2008-10-02 04:00';
const SITE = 'https://status.example.net';
const MAIL = '/2008/10/02/mail-failing/';
const DNS = '/2008/10/02/dns-slow/';

const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

function stateOnPage(build: Fixture, path: string): string {
  const { document } = parseHTML(build.read(`${path}index.html`));
  const dt = [...document.querySelectorAll('dl.facts dt')].find((node) => node.textContent === 'State');
  return textOf(dt?.nextElementSibling).replace(/^\S+ /, '');
}

describe('a reopened incident is open everywhere', () => {
  let build: Fixture;
  before(async () => {
    build = await buildFixture({
      files: { 'site.config.yaml': CONFIG, 'posts/2008/10/mail-failing.md': REOPENED, 'posts/2008/10/dns-slow.md': REOPENED_AFTER_END },
      now: NOW,
    });
  });
  after(() => build?.remove());

  it('the notice pages show the newest status and an ongoing window; a written end stays', () => {
    assert.equal(stateOnPage(build, MAIL), 'Investigating');
    const { document } = parseHTML(build.read(`${MAIL}index.html`));
    assert.ok(document.querySelector('dl.facts .ongoing'), `${MAIL} shows the window as ongoing`);
    assert.equal(stateOnPage(build, DNS), 'Resolved');
    const dns = parseHTML(build.read(`${DNS}index.html`)).document;
    assert.equal(dns.querySelector('dl.facts .ongoing'), null, 'the written end stands');
  });

  it('the home page lists both as open incidents and the services as down', () => {
    const { document } = parseHTML(build.read('/index.html'));
    const open = [...document.querySelectorAll('.open-incidents .item-title a')].map((a) => a.getAttribute('href'));
    assert.deepEqual(open, [MAIL]);
    assert.equal(textOf(document.querySelector('.banner h1')).replace(/^\S+ /, ''), 'Partial outage');
    const imap = parseHTML(build.read('/services/imap/index.html')).document;
    assert.equal(imap.querySelector('[data-state]')?.getAttribute('data-state'), 'partial-outage');
  });

  it('the API reports the components down and the incidents unresolved', () => {
    const components = JSON.parse(build.read('/api/v2/components.json')) as { components: { name: string; status: string }[] };
    const status = (name: string) => components.components.find((component) => component.name === name)?.status;
    assert.equal(status('IMAP'), 'partial_outage');
    assert.equal(status('DNS resolvers'), 'operational');
    const unresolved = JSON.parse(build.read('/api/v2/incidents/unresolved.json')) as {
      incidents: { shortlink: string; status: string; resolved_at: string | null; incident_updates: { status: string; body: string }[] }[];
    };
    const mail = unresolved.incidents.find((incident) => incident.shortlink === `${SITE}${MAIL}`);
    assert.ok(mail, 'the reopened incident is unresolved');
    assert.equal(mail.status, 'investigating');
    assert.equal(mail.resolved_at, null);
    assert.equal(mail.incident_updates[0]!.body, 'Failing again.');
    assert.equal(unresolved.incidents.find((incident) => incident.shortlink === `${SITE}${DNS}`), undefined);
    const page = JSON.parse(build.read('/api/v2/status.json')) as { status: { indicator: string } };
    assert.equal(page.status.indicator, 'major');
  });

  it('the feeds show the window as ongoing', () => {
    const rss = parseRssFeed(build.read('/feed.xml'));
    const atom = parseAtomFeed(build.read('/atom.xml'));
    const contents = [
      rss.items!.find((item) => item.link === `${SITE}${MAIL}`)!.content!.encoded!,
      atom.entries!.find((entry) => entry.id === `${SITE}${MAIL}`)!.content!.value!,
    ];
    for (const content of contents) {
      const text = textOf(parseHTML(`<!doctype html><html><body><div>${content}</div></body></html>`).document.querySelector('div'));
      assert.match(text, /\(ongoing\)/);
      // Newest first: the reopening leads, the resolution after it, the first post last.
      assert.match(text, /Updates, newest first .*3:40 AM PDT: Investigating Failing again\. .*3:20 AM PDT: Resolved .*: Posted /);
    }
  });
});

describe('incidentEnd: the reopen rule', () => {
  const config = testConfig(CONFIG);
  const mail = validNotice(config, REOPENED.split('---')[1]!, 'mail-failing');
  const dns = validNotice(config, REOPENED_AFTER_END.split('---')[1]!, 'dns-slow');

  it('a resolution ends the incident until an open update follows it', () => {
    assert.equal(noticeState(mail, at('2008-10-02 03:30')), 'resolved');
    assert.equal(incidentEnd(mail, at('2008-10-02 03:30'))?.toISOString(), at('2008-10-02 03:20').toISOString());
    assert.equal(noticeState(mail, at('2008-10-02 03:40')), 'investigating');
    assert.equal(incidentEnd(mail, at('2008-10-02 03:40')), undefined);
  });

  it('a written end stands: an open update after it is a follow-up, which check points out', () => {
    assert.equal(noticeState(dns, at('2008-10-02 02:40')), 'resolved');
    assert.equal(noticeState(dns, at('2008-10-02 02:50')), 'resolved');
    assert.equal(incidentEnd(dns, at('2008-10-02 02:50'))?.toISOString(), at('2008-10-02 02:30').toISOString());
    assert.deepEqual(followUpNotes([dns], 'America/Los_Angeles'), [
      'posts/dns-slow.md: the update "identified" at Thu, Oct 2, 2008, 2:45 AM PDT comes after window.end (Thu, Oct 2, 2008, 2:30 AM PDT), so the incident stays resolved; to reopen it, remove window.end and add a `resolved` update when it is over.',
    ]);
    assert.deepEqual(followUpNotes([mail], 'America/Los_Angeles'), []);
  });

  it('a second resolution ends it again, at that time', () => {
    const again = validNotice(
      config,
      `${REOPENED.split('---')[1]!.trim()}\n  - at: 2008-10-02 03:50\n    status: resolved\n    body: Fixed for good.`,
      'mail-again',
    );
    const now = at('2008-10-02 04:00');
    assert.equal(noticeState(again, now), 'resolved');
    assert.equal(incidentEnd(again, now)?.toISOString(), at('2008-10-02 03:50').toISOString());
    const model = buildModel(config, [again], now);
    assert.equal(model.notices[0]!.shownWindow?.end?.toISOString(), at('2008-10-02 03:50').toISOString());
  });

  it('availability counts the reopened incident as down until now', () => {
    const now = at('2008-10-02 04:00');
    const day = serviceAvailability([mail], now, 'America/Los_Angeles').days.at(-1)!;
    // 60 minutes of a major incident (half weight): 30 minutes of downtime, the resolved gap included.
    assert.equal(day.downtime, 30);
  });
});
