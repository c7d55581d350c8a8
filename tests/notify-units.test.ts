/**
 * notify without the network: the `notify:` config's validation, the events
 * due at a fixed "now" (drafts and future-dated notices send nothing), the
 * webhook signature, and the /subscribe/ page of a built fixture.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { parseConfig } from '../src/content/config.ts';
import { buildModel } from '../src/model/model.ts';
import { eventsAsOf } from '../src/notify/events.ts';
import { shortTime } from '../src/notify/message.ts';
import { signBody, verifySignature } from '../src/notify/webhook.ts';
import { buildFixture } from './helpers/build-fixture.ts';
import { at, configYaml, testConfig, validNotice, ZONE } from './helpers/config.ts';
import { NOTIFY_CONFIG } from './helpers/notify-site.ts';

const BASE = configYaml([
  ['backbone', 'Backbone and POPs', 'Network'],
  ['imap', 'IMAP', 'Mail'],
]);

test('notify config: every problem names its line, and a pasted secret is refused', () => {
  const { problems } = parseConfig(
    `${BASE}notify:
  reminder: soon
  channels:
    - type: slak
      url: NOTIFY_SLACK_URL
    - type: slack
      url: https://hooks.slack.com/services/T000/B000/XXXX
    - type: email
      to: [not-an-address]
      from: status@example.net
      smtp: NOTIFY_SMTP_URL
      services: [imapp]
`,
    'site.config.yaml',
  );
  assert.deepEqual(
    problems.map((problem) => `${problem.line}: ${problem.message}`),
    [
      '12: `notify.reminder`: "soon" is not a duration; write e.g. 5m, 90m, 2h, 1h30m or 3d',
      '14: `notify.channels[0].type` is "slak" (did you mean `slack`?); use one of email, slack, teams, webhook',
      '17: `notify.channels[1].url`: must be the NAME of an environment variable that holds the secret (e.g. NOTIFY_SLACK_URL), not the secret itself',
      '19: `notify.channels[2].to[0]`: must be an email address, e.g. status@example.net',
      '22: `notify.channels[2].services`: unknown service `imapp` (did you mean `imap`?); known services are backbone, imap',
    ],
  );
});

test('notify config: defaults, and channels named by type', () => {
  const config = testConfig(`${BASE}notify:\n  channels:\n    - {type: slack, url: A}\n    - {type: slack, url: B, name: noc}\n    - {type: slack, url: C}\n`);
  assert.equal(config.notify.reminderMinutes, 24 * 60);
  assert.deepEqual(config.notify.channels.map((channel) => channel.name), ['slack', 'noc', 'slack-2']);
  assert.deepEqual(testConfig(BASE).notify.channels, []);
});

test('events: drafts and future-dated notices and updates send nothing until published', () => {
  const config = testConfig(BASE);
  const draft = validNotice(config, 'title: D\ntype: notice\ndate: 2008-09-22 10:00\nauthors: NOC\ndraft: true', 'draft');
  const future = validNotice(config, 'title: F\ntype: notice\ndate: 2008-09-23 10:00\nauthors: NOC', 'future');
  const incident = validNotice(
    config,
    `title: I
type: incident
date: 2008-09-22 10:00
window: {start: 2008-09-22 10:00}
services: [imap]
authors: NOC
updates:
  - {at: 2008-09-22 10:30, status: identified, body: Found.}
  - {at: 2008-09-22 12:00, status: resolved, body: Fixed.}`,
    'incident',
  );
  const ids = (now: string) => eventsAsOf([draft, future, incident], at(now), 1440).map((event) => event.id);
  assert.deepEqual(ids('2008-09-22 11:00'), ['/2008/09/22/incident/#posted', '/2008/09/22/incident/#update-2008-09-22T17:30:00.000Z']);
  assert.deepEqual(ids('2008-09-23 10:00'), [
    '/2008/09/22/incident/#posted',
    '/2008/09/22/incident/#update-2008-09-22T17:30:00.000Z',
    '/2008/09/22/incident/#update-2008-09-22T19:00:00.000Z',
    '/2008/09/23/future/#posted',
  ]);
});

test('events: a cancelled maintenance neither starts nor ends; one posted late gets no reminder', () => {
  const config = testConfig(BASE);
  const cancelled = validNotice(
    config,
    `title: C
type: maintenance
date: 2008-09-20 10:00
window: {start: 2008-09-25 00:00, duration: 1h}
services: [backbone]
authors: NOC
updates:
  - {at: 2008-09-24 12:00, status: cancelled, body: Not needed.}`,
    'cancelled',
  );
  const late = validNotice(config, 'title: L\ntype: maintenance\ndate: 2008-09-24 23:00\nwindow: {start: 2008-09-25 00:00, duration: 1h}\nservices: [backbone]\nauthors: NOC', 'late');
  const events = eventsAsOf([cancelled, late], at('2008-09-26 00:00'), 1440);
  assert.deepEqual(
    events.map((event) => event.id),
    ['/2008/09/20/cancelled/#posted', '/2008/09/20/cancelled/#update-2008-09-24T19:00:00.000Z', '/2008/09/24/late/#posted', '/2008/09/24/late/#started', '/2008/09/24/late/#ended'],
  );
  // Its reminder came due before the cancellation; a run after the window began no longer sends it.
  assert.equal(eventsAsOf([cancelled], at('2008-09-24 11:00'), 1440).at(-1)!.kind, 'reminder');
});

test('subject times are short, in the site zone', () => {
  assert.equal(shortTime(at('2008-10-02 00:01'), ZONE), 'Thu Oct 2 00:01 PDT');
  assert.equal(shortTime(at('2008-12-02 13:30'), ZONE), 'Tue Dec 2 13:30 PST');
});

test('webhook signatures: HMAC-SHA256 of the exact body, verified in constant time', () => {
  // RFC 4231, test case 2.
  assert.equal(signBody('what do ya want for nothing?', 'Jefe'), 'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  const body = '{"a":1}';
  assert.ok(verifySignature(body, signBody(body, 'key'), 'key'));
  assert.ok(!verifySignature(`${body} `, signBody(body, 'key'), 'key'));
  assert.ok(!verifySignature(body, signBody(body, 'other'), 'key'));
  assert.ok(!verifySignature(body, undefined, 'key'));
});

test('the model carries no notify secrets: the config holds only variable names', () => {
  const config = testConfig(NOTIFY_CONFIG);
  const model = buildModel(config, [], at('2008-09-22 10:00'));
  assert.doesNotMatch(JSON.stringify(model.config.notify), /smtp:\/\/|http:\/\//);
});

test('/subscribe/ lists the lists with a sign-up link, feeds and calendars per service, and every page links it', async () => {
  const site = await buildFixture({ files: { 'site.config.yaml': NOTIFY_CONFIG }, now: '2008-09-22 10:00' });
  try {
    const { document } = parseHTML(site.read('/subscribe/index.html'));
    const channels = [...document.querySelectorAll('.channels li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    assert.deepEqual(channels, ['Email list: announce@lists.example.net (all services)']);
    assert.equal(document.querySelector('.channels li a')!.getAttribute('href'), 'https://lists.example.net/announce');
    assert.ok(document.querySelector('.feeds a[href="/feed.xml"]'));
    assert.ok(document.querySelector('.feeds a[href="/maintenance.ics"]'));
    assert.ok(document.querySelector('.per-service a[href="/services/imap/maintenance.ics"]'));
    // Every page of the site; /embed/ is a fragment for other sites' iframes, without the site's header.
    for (const path of site.files().filter((file) => file.endsWith('.html') && !file.startsWith('/embed/'))) {
      const page = parseHTML(site.read(path)).document;
      assert.ok(page.querySelector('header nav a[href="/subscribe/"]'), `${path} links /subscribe/`);
    }
  } finally {
    site.remove();
  }
});
