/**
 * `npm run notify` end to end, as a child process against real receivers on
 * loopback: an SMTP server (messages parsed by mailparser) and HTTP endpoints
 * that verify the webhook signature. STATUS_NOW steps forward between runs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { componentsDocument } from '../src/outputs/statuspage-schema.ts';
import { noticeFile, notifySite, type NotifySite } from './helpers/notify-site.ts';

const OLD_INCIDENT = noticeFile(`
title: Old outage
type: incident
date: 2008-09-01 08:00
window: {start: 2008-09-01 08:00, end: 2008-09-01 09:00}
services: [backbone]
authors: NOC
`);

const imapSlow = (updates: string) =>
  noticeFile(
    `
title: IMAP slow
type: incident
date: 2008-09-22 10:00
window: {start: 2008-09-22 09:50}
services: [imap]
impact: minor
authors: NOC
updates:${updates || ' []'}`,
    'Mail takes minutes to open for some users.',
  );

const IDENTIFIED = '\n  - {at: 2008-09-22 10:20, status: identified, body: A filer interface is flapping.}';
const RESOLVED = '\n  - {at: 2008-09-22 10:50, status: resolved, body: Mail is fast again.}';

const RETROFIT = noticeFile(
  `
title: San Jose POP retrofit
type: maintenance
date: 2008-09-25 09:00
window: {start: 2008-10-02 00:01, duration: 4h}
services: [backbone]
authors: NOC
`,
  'We will replace the routers of the San Jose POP.',
);

/** Statuspage's component statuses: what old_status and new_status may be. */
const COMPONENT_STATUSES = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'];

interface ComponentUpdateBody {
  meta: { event_type: string; event_id: string };
  page: { status_indicator: string };
  component_update: { old_status: string; new_status: string; component_id: string; created_at: string };
  component: { id: string; name: string; status: string };
}

/** The component_update webhooks received so far, each checked for its signature and its statuses. */
const componentUpdates = (site: NotifySite) =>
  site.hook.received
    .filter((request) => (request.json as { component_update?: unknown }).component_update)
    .map((request) => {
      assert.equal(request.signatureValid, true);
      const body = request.json as ComponentUpdateBody;
      assert.ok(COMPONENT_STATUSES.includes(body.component_update.old_status), body.component_update.old_status);
      assert.ok(COMPONENT_STATUSES.includes(body.component_update.new_status), body.component_update.new_status);
      assert.equal(request.headers['x-noticeboard-event-id'], body.meta.event_id);
      // `component` has the API's component shape, checked by the API's own schema.
      componentsDocument.shape.components.element.parse(body.component);
      return body;
    });

const eventIds = (site: NotifySite) => ({
  email: site.smtp.messages.map((mail) => mail.headers.get('x-noticeboard-event-id')),
  slack: site.slack.received.map((request) => request.headers['x-noticeboard-event-id']),
  hook: site.hook.received.map((request) => request.headers['x-noticeboard-event-id']),
});

describe('an incident from posted to resolved, then a maintenance by the clock', () => {
  let site: NotifySite;
  before(async () => {
    site = await notifySite({ 'posts/2008/09/old-outage.md': OLD_INCIDENT });
  });
  after(() => site.close());

  test('the first run records a baseline and sends nothing from the past', async () => {
    const run = await site.run('2008-09-22 09:00');
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(site.counts(), { email: 0, slack: 0, teams: 0, hook: 0 });
    assert.match(run.stdout, /email: first run, baseline recorded/);
    const state = site.state()!;
    assert.deepEqual(Object.keys(state.channels), ['email', 'imap-mail', 'slack', 'teams', 'webhook']);
  });

  test('a new incident goes once to every channel whose filter matches', async () => {
    site.fixture.write('posts/2008/09/imap-slow.md', imapSlow(''));
    const run = await site.run('2008-09-22 10:05');
    assert.equal(run.code, 0, run.stderr);
    // The webhook also hears that IMAP's state changed; email and chat do not.
    assert.deepEqual(site.counts(), { email: 2, slack: 1, teams: 1, hook: 2 });
    assert.deepEqual(site.smtp.recipients, [['announce@lists.example.net'], ['imap-users@lists.example.net']]);
    const mail = site.smtp.messages[0]!;
    assert.equal(mail.subject, '[Incident investigating] IMAP slow, Mon Sep 22 09:50 PDT');
    assert.match(mail.text!, /Mail takes minutes to open for some users\./);
    assert.match(mail.text!, /https:\/\/status\.example\.net\/2008\/09\/22\/imap-slow\//);
    const { document } = parseHTML(mail.html as string);
    assert.equal(document.querySelector('h1 a')!.getAttribute('href'), 'https://status.example.net/2008/09/22/imap-slow/');
    assert.equal(mail.inReplyTo, undefined, 'the first message of a notice starts its thread');
    const unsubscribe = mail.headerLines.find((line) => line.key === 'list-unsubscribe');
    assert.equal(unsubscribe?.line, 'List-Unsubscribe: <mailto:announce-leave@lists.example.net>');
    const imapMail = site.smtp.messages[1]!;
    assert.equal(imapMail.headerLines.find((line) => line.key === 'list-unsubscribe'), undefined, 'only when the channel names an address');

    const hook = site.hook.received[0]!;
    assert.equal(hook.signatureValid, true);
    assert.equal(hook.headers['x-noticeboard-event-id'], '/2008/09/22/imap-slow/#posted');
    const body = hook.json as { meta: object; page: { status_indicator: string }; incident: { name: string; status: string; incident_updates: unknown[] } };
    assert.equal(body.page.status_indicator, 'minor');
    assert.equal(body.incident.name, 'IMAP slow');
    assert.equal(body.incident.status, 'investigating');

    const [opened] = componentUpdates(site);
    assert.equal(site.hook.received[1]!.headers['x-noticeboard-event-id'], '/services/imap/#state-2008-09-22T17:00:00.000Z');
    assert.equal(opened!.meta.event_type, 'component_update');
    assert.deepEqual(
      { old: opened!.component_update.old_status, new: opened!.component_update.new_status, at: opened!.component_update.created_at },
      { old: 'operational', new: 'degraded_performance', at: '2008-09-22T10:00:00.000-07:00' },
    );
    assert.equal(opened!.component.name, 'IMAP');
    assert.equal(opened!.component.status, 'degraded_performance');
    assert.equal(opened!.component_update.component_id, opened!.component.id);
    assert.equal(opened!.page.status_indicator, 'minor');
  });

  test('an update and the resolution are each sent once, threaded under the first message', async () => {
    site.fixture.write('posts/2008/09/imap-slow.md', imapSlow(IDENTIFIED));
    assert.equal((await site.run('2008-09-22 10:25')).code, 0);
    site.fixture.write('posts/2008/09/imap-slow.md', imapSlow(IDENTIFIED + RESOLVED));
    assert.equal((await site.run('2008-09-22 10:55')).code, 0);
    // An update that leaves IMAP degraded changes no component; the resolution does.
    assert.deepEqual(site.counts(), { email: 6, slack: 3, teams: 3, hook: 5 });
    const [posted, , identified, , resolved] = site.smtp.messages;
    assert.equal(identified!.subject, '[Incident identified] IMAP slow, Mon Sep 22 09:50 PDT');
    assert.equal(resolved!.subject, '[Incident resolved] IMAP slow, Mon Sep 22 09:50 PDT');
    assert.equal(identified!.inReplyTo, posted!.messageId);
    assert.equal(resolved!.inReplyTo, posted!.messageId);
    assert.deepEqual([resolved!.references].flat(), [posted!.messageId]);
    const resolvedHook = site.hook.received[3]!.json as { incident: { status: string; incident_updates: { body: string }[] } };
    assert.equal(resolvedHook.incident.status, 'resolved');
    assert.deepEqual(
      resolvedHook.incident.incident_updates.map((update) => update.body),
      ['Mail is fast again.', 'A filer interface is flapping.', 'Mail takes minutes to open for some users.'],
    );
    assert.ok(site.hook.received.every((request) => request.signatureValid));
    const updates = componentUpdates(site);
    assert.equal(updates.length, 2, 'one when the incident opened, one when it resolved');
    assert.deepEqual(
      [updates[1]!.component_update.old_status, updates[1]!.component_update.new_status, updates[1]!.component.status],
      ['degraded_performance', 'operational', 'operational'],
    );
    assert.equal(site.hook.received[4]!.headers['x-noticeboard-event-id'], '/services/imap/#state-2008-09-22T17:50:00.000Z');
  });

  test('a rerun sends nothing', async () => {
    const run = await site.run('2008-09-22 11:00');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Nothing new to send/);
    assert.deepEqual(site.counts(), { email: 6, slack: 3, teams: 3, hook: 5 });
    assert.equal(componentUpdates(site).length, 2);
  });

  test('a maintenance: posted, reminded, started and ended by the clock, each once', async () => {
    site.fixture.write('posts/2008/09/san-jose-pop-retrofit.md', RETROFIT);
    const before = site.counts();
    for (const now of ['2008-09-25 09:05', '2008-09-30 12:00', '2008-10-01 00:30', '2008-10-01 00:31', '2008-10-02 00:05', '2008-10-02 04:05', '2008-10-02 05:00']) {
      const run = await site.run(now);
      assert.equal(run.code, 0, run.stderr);
    }
    const counts = site.counts();
    // The backbone maintenance: not for imap-mail, not for teams (incidents only).
    assert.deepEqual(
      { email: counts.email - before.email, slack: counts.slack - before.slack, teams: counts.teams - before.teams, hook: counts.hook - before.hook },
      { email: 4, slack: 4, teams: 0, hook: 6 },
    );
    const mails = site.smtp.messages.slice(before.email);
    assert.deepEqual(
      mails.map((mail) => mail.subject),
      [
        '[Maintenance scheduled] San Jose POP retrofit, Thu Oct 2 00:01 PDT',
        '[Maintenance reminder] San Jose POP retrofit, Thu Oct 2 00:01 PDT',
        '[Maintenance in progress] San Jose POP retrofit, Thu Oct 2 00:01 PDT',
        '[Maintenance completed] San Jose POP retrofit, Thu Oct 2 00:01 PDT',
      ],
    );
    assert.ok(mails.slice(1).every((mail) => mail.inReplyTo === mails[0]!.messageId));
    assert.deepEqual(eventIds(site).hook.slice(before.hook), [
      '/2008/09/25/san-jose-pop-retrofit/#posted',
      '/2008/09/25/san-jose-pop-retrofit/#reminder',
      '/2008/09/25/san-jose-pop-retrofit/#started',
      '/services/backbone/#state-2008-10-02T07:01:00.000Z',
      '/2008/09/25/san-jose-pop-retrofit/#ended',
      '/services/backbone/#state-2008-10-02T11:01:00.000Z',
    ]);
    const [, , begun, over] = componentUpdates(site);
    assert.deepEqual([begun!.component_update.old_status, begun!.component_update.new_status], ['operational', 'under_maintenance']);
    assert.deepEqual([over!.component_update.old_status, over!.component_update.new_status], ['under_maintenance', 'operational']);
    const started = site.hook.received[before.hook + 2]!.json as { page: { status_indicator: string }; incident: { status: string } };
    assert.equal(started.incident.status, 'in_progress');
    assert.equal(started.page.status_indicator, 'maintenance');
  });
});
