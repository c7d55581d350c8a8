/**
 * `npm run notify` when things go wrong: a receiver that fails then
 * recovers, a run killed mid-delivery, two runs at once, a missing secret,
 * and hostile text in every channel. Real receivers on loopback throughout.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { noticeFile, notifySite, type NotifySite } from './helpers/notify-site.ts';

const incident = (slug: string, title: string, time: string) => [
  `posts/2008/09/${slug}.md`,
  noticeFile(`
title: ${JSON.stringify(title)}
type: incident
date: 2008-09-22 ${time}
window: {start: 2008-09-22 ${time}}
services: [backbone]
authors: NOC
`),
];

/**
 * A notify site for one describe block, after its first run (the baseline at
 * 09:00); `site.x` reads the current one, so tests use it like the site itself.
 */
function baselinedSite(): NotifySite {
  let current: NotifySite | undefined;
  before(async () => {
    current = await notifySite();
    assert.equal((await current.run('2008-09-22 09:00')).code, 0);
  });
  after(() => current?.close());
  return new Proxy({} as NotifySite, { get: (_target, key) => Reflect.get(current!, key) });
}

describe('a receiver that answers 500, then recovers', () => {
  const site = baselinedSite();

  test('the failure is named, the other channels get the event, and the missed one arrives exactly once', async () => {
    const [path, text] = incident('backbone-down', 'Backbone down', '10:00');
    site.fixture.write(path!, text!);
    site.slack.behaviour = 'fail';
    const failed = await site.run('2008-09-22 10:05');
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /slack \(\/2008\/09\/22\/backbone-down\/#posted\)/);
    assert.match(failed.stdout, /slack: FAILED .*answered 500.*after 2 attempts/);
    assert.equal(site.slack.attempts, 2, 'attempts: 2 in the config');
    // The webhook also gets the backbone's change of state (component_update).
    assert.deepEqual(site.counts(), { email: 1, slack: 0, teams: 1, hook: 2 });

    site.slack.behaviour = 'ok';
    const recovered = await site.run('2008-09-22 10:10');
    assert.equal(recovered.code, 0, recovered.stderr);
    assert.deepEqual(site.counts(), { email: 1, slack: 1, teams: 1, hook: 2 });
    assert.equal((await site.run('2008-09-22 10:15')).code, 0);
    assert.deepEqual(site.counts(), { email: 1, slack: 1, teams: 1, hook: 2 });
  });
});

describe('a run killed with SIGKILL during a delivery, then run again', () => {
  const site = baselinedSite();

  test('resends at most the delivery in flight, with the same event id', async () => {
    for (const [slug, time] of [['one', '10:00'], ['two', '10:01'], ['three', '10:02']] as const) {
      const [path, text] = incident(slug, `Outage ${slug}`, time);
      site.fixture.write(path!, text!);
    }
    site.hook.behaviour = 'hold';
    const running = site.start('2008-09-22 10:05');
    await site.hook.held();
    running.child.kill('SIGKILL');
    const killed = await running.done;
    assert.equal(killed.signal, 'SIGKILL');
    site.hook.release(); // the receiver got the held request before the kill
    site.hook.behaviour = 'ok';

    const rerun = await site.run('2008-09-22 10:06');
    assert.equal(rerun.code, 0, rerun.stderr);
    const ids = site.hook.received.map((request) => request.headers['x-noticeboard-event-id']);
    // The first outage took the backbone down at 10:00; the others changed nothing more.
    assert.deepEqual(ids, [
      '/2008/09/22/one/#posted',
      '/2008/09/22/one/#posted',
      '/services/backbone/#state-2008-09-22T17:00:00.000Z',
      '/2008/09/22/two/#posted',
      '/2008/09/22/three/#posted',
    ]);
    // The other channels: each notice's event exactly once, whichever had been sent before the kill.
    assert.deepEqual(
      site.slack.received.map((request) => request.headers['x-noticeboard-event-id']),
      ids.slice(1).filter((id) => !id!.startsWith('/services/')),
    );
    assert.equal(site.smtp.messages.length, 3);
    assert.equal(new Set(site.smtp.messages.map((mail) => mail.messageId)).size, 3);
  });
});

describe('two runs at once', () => {
  const site = baselinedSite();

  test('only one sends; the other stops with exit code 3 and sends nothing', async () => {
    const [path, text] = incident('flap', 'Flap', '10:00');
    site.fixture.write(path!, text!);
    site.hook.behaviour = 'hold';
    const first = site.start('2008-09-22 10:05');
    await site.hook.held();
    const countsBefore = site.counts();
    const second = await site.run('2008-09-22 10:05');
    assert.equal(second.code, 3);
    assert.match(second.stderr, /another notify run holds .*notify-state\.json\.lock/);
    assert.deepEqual(site.counts(), countsBefore);
    site.hook.behaviour = 'ok';
    site.hook.release();
    const done = await first.done;
    assert.equal(done.code, 0, done.stderr);
    assert.deepEqual(site.counts(), { email: 1, slack: 1, teams: 1, hook: 2 });
  });
});

describe('a missing environment variable', () => {
  const site = baselinedSite();

  test('is a clear error and nothing is sent or recorded', async () => {
    const [path, text] = incident('flap', 'Flap', '10:00');
    site.fixture.write(path!, text!);
    const stateBefore = readFileSync(site.statePath, 'utf8');
    const run = await site.run('2008-09-22 10:05', [], { NOTIFY_HOOK_SECRET: '', NOTIFY_SLACK_URL: 'hooks.example.net/no-scheme' });
    assert.equal(run.code, 1);
    assert.equal(
      run.stderr,
      'channel `slack`: environment variable NOTIFY_SLACK_URL must hold a https:// or http:// URL\n' +
        'channel `webhook`: environment variable NOTIFY_HOOK_SECRET is not set\nNothing was sent.\n',
    );
    assert.deepEqual(site.counts(), { email: 0, slack: 0, teams: 0, hook: 0 });
    assert.equal(readFileSync(site.statePath, 'utf8'), stateBefore);
  });
});

describe('hostile text', () => {
  const HOSTILE = '<!channel> & <b>';
  const site = baselinedSite();
  before(async () => {
    site.fixture.write(
      'posts/2008/09/hostile.md',
      noticeFile(
        `
title: ${JSON.stringify(HOSTILE)}
type: incident
date: 2008-09-22 10:00
window: {start: 2008-09-22 10:00}
services: [backbone]
authors: NOC
`,
        '<!here> @channel and <script>alert(1)</script> & *bold*',
      ),
    );
    const run = await site.run('2008-09-22 10:05');
    assert.equal(run.code, 0, run.stderr);
  });

  test('Slack: pings nobody and shows the text', () => {
    const { text } = site.slack.received[0]!.json as { text: string };
    assert.ok(text.includes('&lt;!channel&gt; &amp; &lt;b&gt;'), text);
    assert.ok(text.includes('&lt;!here&gt; @\u2060channel and &lt;script&gt;'), text);
    // The only control sequence left is our own link.
    assert.deepEqual(text.match(/<[^>]*>/g), ['<https://status.example.net/2008/09/22/hostile/|See the notice on the status page>']);
  });

  test('Teams: the text is only in TextRuns, as written', () => {
    const message = site.teams.received[0]!.json as { attachments: { content: { body: { type: string; inlines: { type: string; text: string }[] }[] } }[] };
    const body = message.attachments[0]!.content.body;
    assert.ok(body.every((element) => element.type === 'RichTextBlock' && element.inlines.every((inline) => inline.type === 'TextRun')));
    const texts = body.flatMap((element) => element.inlines.map((inline) => inline.text));
    assert.ok(texts.includes(HOSTILE));
    assert.ok(texts.includes('<!here> @channel and <script>alert(1)</script> & *bold*'));
  });

  test('email: the subject as written, the HTML part shows it as text', () => {
    const mail = site.smtp.messages[0]!;
    assert.equal(mail.subject, `[Incident investigating] ${HOSTILE}, Mon Sep 22 10:00 PDT`);
    const { document } = parseHTML(mail.html as string);
    assert.equal(document.querySelector('h1')!.textContent, HOSTILE);
    assert.equal(document.querySelectorAll('b, script').length, 0);
    assert.ok(mail.text!.includes(HOSTILE));
  });

  test('webhook: the JSON carries the text as written', () => {
    const body = site.hook.received[0]!.json as { incident: { name: string } };
    assert.equal(body.incident.name, HOSTILE);
    assert.equal(site.hook.received[0]!.signatureValid, true);
  });
});
