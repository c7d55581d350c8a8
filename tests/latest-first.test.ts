/**
 * Issue 11 item 7: the pages lead with the latest news. During an incident `/`
 * and the service page show its newest published update, not the first body;
 * every timeline (notice page, month page) runs newest first with the notice as
 * first posted last; a maintenance completed before its planned end shows when
 * it actually ended. Built pages read with linkedom, at a fixed STATUS_NOW.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { newestFirst, newestOf } from '../src/model/latest-first.ts';
import { buildFixture, type Fixture } from './helpers/build-fixture.ts';
import { configYaml } from './helpers/config.ts';

const FILES: Record<string, string> = {
  'site.config.yaml': configYaml([
    ['imap', 'IMAP', 'Mail'],
    ['dsl', 'DSL', 'Access'],
  ]),
  'posts/2008/10/imap-slow.md': `---
title: IMAP slow
type: incident
date: 2008-10-02 00:05
window:
  start: 2008-10-02 00:00
services: [imap]
authors: [Don]
impact: major
updates:
  - at: 2008-10-02 00:20
    status: identified
    body: A filer interface is flapping.
  - at: 2008-10-02 00:10
    status: investigating
    body: We are looking at the mail filers.
  - at: 2008-10-02 00:40
    status: monitoring
    body: Traffic moved off the interface; mail is fast again for most.
  - at: 2008-10-02 03:00
    status: resolved
    body: Not yet said at the build's now.
---
Some customers see slow mail in IMAP clients.
`,
  'posts/2008/10/dsl-move.md': `---
title: DSL router move
type: maintenance
date: 2008-10-01 09:00
window:
  start: 2008-10-01 22:00
  end: 2008-10-02 00:30
services: [dsl]
authors: [Nathan]
updates:
  - at: 2008-10-01 22:00
    status: in-progress
    body: Work has begun.
  - at: 2008-10-01 23:15
    status: completed
    body: All subscribers moved; done early.
---
We move DSL subscribers between aggregation routers.
`,
  'posts/2008/10/new-settings.md': `---
title: New mail settings
type: notice
date: 2008-10-01 10:00
authors: [NOC]
---
Use port 993 from November.
`,
};

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('latest news first, on the built pages', () => {
  let site: Fixture | undefined;
  const page = (path: string) => parseHTML(site!.read(path)).document;

  before(async () => {
    site = await buildFixture({ files: FILES, now: '2008-10-02 01:00' });
  });
  after(() => site?.remove());

  it('shows an open incident on / with its newest published update, not its first body', () => {
    const item = page('/index.html').querySelector('.open-incidents .notice-item')!;
    assert.equal(text(item.querySelector('.item-title')), 'IMAP slow');
    assert.equal(text(item.querySelector('.latest .update-meta')), 'Latest: ◔ Monitoring Thu, Oct 2, 2008, 12:40 AM PDT');
    assert.equal(text(item.querySelector('.latest .body')), 'Traffic moved off the interface; mail is fast again for most.');
    assert.doesNotMatch(text(item), /Some customers see slow mail/);
    assert.doesNotMatch(text(item), /Not yet said/);
  });

  it('shows it so on the service page, under why the state is what it is', () => {
    const cause = page('/services/imap/index.html').querySelector('.state-now .notice-item')!;
    assert.equal(text(cause.querySelector('.latest .body')), 'Traffic moved off the interface; mail is fast again for most.');
    assert.match(text(cause.querySelector('.latest .update-meta')), /Monitoring Thu, Oct 2, 2008, 12:40 AM PDT/);
  });

  it('runs the notice page timeline newest first, the notice as first posted last', () => {
    const entries = [...page('/2008/10/02/imap-slow/index.html').querySelectorAll('.timeline > li')].map(text);
    assert.deepEqual(entries, [
      '◔ Monitoring Thu, Oct 2, 2008, 12:40 AM PDT Traffic moved off the interface; mail is fast again for most.',
      '! Identified Thu, Oct 2, 2008, 12:20 AM PDT A filer interface is flapping.',
      '? Investigating Thu, Oct 2, 2008, 12:10 AM PDT We are looking at the mail filers.',
      'Posted Thu, Oct 2, 2008, 12:05 AM PDT Some customers see slow mail in IMAP clients.',
    ]);
    const document = page('/2008/10/02/imap-slow/index.html');
    assert.equal(text(document.querySelector('.updates h2')), 'Updates, newest first');
    // The first body is said once, in the timeline.
    assert.equal(document.querySelectorAll('main .body').length, 4);
  });

  it('runs the month page timelines newest first too', () => {
    const article = [...page('/2008/10/index.html').querySelectorAll('article')].find((a) => text(a.querySelector('h2')) === 'IMAP slow')!;
    const times = [...article.querySelectorAll('.timeline > li .update-meta time')].map((t) => t.getAttribute('datetime'));
    assert.deepEqual(times, ['2008-10-02T00:40:00-07:00', '2008-10-02T00:20:00-07:00', '2008-10-02T00:10:00-07:00', '2008-10-02T00:05:00-07:00']);
    const dsl = [...page('/2008/10/index.html').querySelectorAll('article')].find((a) => text(a.querySelector('h2')) === 'DSL router move')!;
    assert.deepEqual(
      [...dsl.querySelectorAll('.timeline > li .update-meta')].map(text),
      ['✔ Completed Wed, Oct 1, 2008, 11:15 PM PDT', '▶ In progress Wed, Oct 1, 2008, 10:00 PM PDT', 'Posted Wed, Oct 1, 2008, 9:00 AM PDT'],
    );
  });

  it('shows when a maintenance completed before its planned end actually ended, and the plan', () => {
    const facts = page('/2008/10/01/dsl-move/index.html').querySelector('.facts')!;
    const window = [...facts.querySelectorAll('div')].find((div) => text(div.querySelector('dt')) === 'Window')!;
    assert.equal(text(window.querySelector('dd')), 'Wed, Oct 1, 2008, 10:00 PM PDT – 11:15 PM PDT (1 h 15 min), ended early; planned until Thu, Oct 2, 2008, 12:30 AM PDT');
    assert.deepEqual(
      [...window.querySelectorAll('time')].map((t) => t.getAttribute('datetime')),
      ['2008-10-01T22:00:00-07:00', '2008-10-01T23:15:00-07:00', '2008-10-02T00:30:00-07:00'],
    );
    assert.match(text(page('/index.html').querySelector('.recent')), /DSL router move .*Window: Wed, Oct 1, 2008, 10:00 PM PDT – 11:15 PM PDT \(1 h 15 min\), ended early/);
  });

  it('shows a notice without updates as its body alone', () => {
    const document = page('/2008/10/01/new-settings/index.html');
    assert.equal(document.querySelector('.timeline'), null);
    assert.equal(text(document.querySelector('main .body')), 'Use port 993 from November.');
  });
});

describe('newestFirst', () => {
  const at = (iso: string, label: string) => ({ at: new Date(iso), label });

  it('orders any dated list newest first; of entries at one instant, the later-listed first', () => {
    const list = [at('2008-10-02T07:10Z', 'a'), at('2008-10-02T07:40Z', 'b'), at('2008-10-02T07:40Z', 'c'), at('2008-10-02T07:20Z', 'd')];
    assert.deepEqual(newestFirst(list).map((entry) => entry.label), ['c', 'b', 'd', 'a']);
    assert.equal(newestOf(list)?.label, 'c');
    assert.equal(newestOf([]), undefined);
    assert.deepEqual(list.map((entry) => entry.label), ['a', 'b', 'c', 'd'], 'the list itself is left as it was');
  });
});
