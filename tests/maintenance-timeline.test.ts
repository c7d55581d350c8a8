/**
 * Issue 11, item 6: a maintenance that begins or ends by the clock leaves a
 * trace, as Statuspage data does: an `in_progress` update at the window's
 * start and a `completed` one at its end, each with a plain body, unless an
 * update of that status was written; `updated_at` follows. Synthesised once in
 * the model (NoticeView.timeline, src/timeline.ts) and shown by the API, the
 * feeds' update timeline and the pages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseAtomFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';
import { timelineAsOf } from '../src/model/timeline.ts';
import { buildFixture, type Fixture } from './helpers/build-fixture.ts';
import { at, configYaml, testConfig, validNotice } from './helpers/config.ts';

const CONFIG = configYaml([['dsl', 'DSL', 'Access']]);
const SITE = 'https://status.example.net';

const maintenance = (title: string, start: string, extra = '') => `---
title: ${title}
type: maintenance
date: 2008-09-26 15:00
window:
  start: ${start}
  duration: 30m
services: [dsl]
authors: [NOC]
${extra}---
Routers move.
`;

const FILES = {
  'site.config.yaml': CONFIG,
  // In progress at "now" (00:10), by the clock only.
  'posts/2008/09/running.md': maintenance('Running', '2008-09-30 00:01'),
  // Ended by the clock at 23:30 the day before.
  'posts/2008/09/finished.md': maintenance('Finished', '2008-09-29 23:00'),
  // Said so itself: no entry is made up for it.
  'posts/2008/09/told.md': maintenance(
    'Told',
    '2008-09-29 22:00',
    `updates:
  - at: 2008-09-29 22:05
    status: in-progress
    body: Started a little late.
`,
  ),
};
const NOW = '2008-09-30 00:10';

interface Maintenances {
  scheduled_maintenances: {
    name: string;
    status: string;
    updated_at: string;
    incident_updates: { status: string; body: string; display_at: string; id: string }[];
  }[];
}

describe('clock-driven maintenance in the outputs', () => {
  let build: Fixture;
  before(async () => {
    build = await buildFixture({ files: FILES, now: NOW });
  });
  after(() => build?.remove());

  const apiFind = (name: string) =>
    (JSON.parse(build.read('/api/v2/scheduled-maintenances.json')) as Maintenances).scheduled_maintenances.find(
      (maintenance) => maintenance.name === name,
    )!;
  const instant = (text: string) => new Date(text).toISOString();

  it('the API has an in_progress update at the start of a maintenance the clock began', () => {
    const running = apiFind('Running');
    assert.equal(running.status, 'in_progress');
    assert.deepEqual(
      running.incident_updates.map((update) => [update.status, update.body, instant(update.display_at)]),
      [
        ['in_progress', 'The maintenance has begun.', at('2008-09-30 00:01').toISOString()],
        ['scheduled', 'Routers move.', at('2008-09-26 15:00').toISOString()],
      ],
    );
    assert.equal(instant(running.updated_at), at('2008-09-30 00:01').toISOString());
    const active = JSON.parse(build.read('/api/v2/scheduled-maintenances/active.json')) as Maintenances;
    assert.deepEqual(active.scheduled_maintenances[0]!.incident_updates, running.incident_updates);
  });

  it('and a completed update at the end of one the clock ended', () => {
    const finished = apiFind('Finished');
    assert.equal(finished.status, 'completed');
    assert.deepEqual(
      finished.incident_updates.map((update) => [update.status, update.body, instant(update.display_at)]),
      [
        ['completed', 'The maintenance is complete.', at('2008-09-29 23:30').toISOString()],
        ['in_progress', 'The maintenance has begun.', at('2008-09-29 23:00').toISOString()],
        ['scheduled', 'Routers move.', at('2008-09-26 15:00').toISOString()],
      ],
    );
    assert.equal(instant(finished.updated_at), at('2008-09-29 23:30').toISOString());
    assert.equal(new Set(finished.incident_updates.map((update) => update.id)).size, 3, 'ids are distinct');
  });

  it('a written in-progress update is not doubled', () => {
    assert.deepEqual(
      apiFind('Told').incident_updates.map((update) => [update.status, update.body]),
      [
        ['completed', 'The maintenance is complete.'],
        ['in_progress', 'Started a little late.'],
        ['scheduled', 'Routers move.'],
      ],
    );
  });

  it("the feeds' timeline and updated time follow", () => {
    const atom = parseAtomFeed(build.read('/atom.xml'));
    const entry = atom.entries!.find((candidate) => candidate.id === `${SITE}/2008/09/26/finished/`)!;
    assert.equal(new Date(entry.updated!).toISOString(), at('2008-09-29 23:30').toISOString());
    const text = parseHTML(`<!doctype html><html><body><div>${entry.content!.value}</div></body></html>`).document.querySelector('div')!.textContent!;
    assert.match(text, /In progress\s*The maintenance has begun\./);
    assert.match(text, /Completed\s*The maintenance is complete\./);
  });

  it('the notice page shows the clock-made entries too', () => {
    const { document } = parseHTML(build.read('/2008/09/26/running/index.html'));
    const entries = [...document.querySelectorAll('.timeline li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    // Newest first, then the notice as first posted.
    assert.equal(entries.length, 2);
    assert.match(entries[0]!, /In progress .*The maintenance has begun\./);
    assert.match(entries[1]!, /^Posted /);
  });
});

describe('timelineAsOf', () => {
  const config = testConfig(CONFIG);
  const notice = (extra: string) => validNotice(config, maintenance('X', '2008-09-30 00:01', extra).split('---')[1]!, 'x');

  it('adds nothing before the start, and nothing for a maintenance cancelled before it', () => {
    assert.deepEqual(timelineAsOf(notice(''), at('2008-09-30 00:00')), []);
    const cancelled = notice(`updates:
  - at: 2008-09-29 12:00
    status: cancelled
    body: Not tonight.
`);
    assert.deepEqual(
      timelineAsOf(cancelled, at('2008-09-30 01:00')).map((entry) => entry.status),
      ['cancelled'],
    );
  });

  it('ends at a written completed update, without another', () => {
    const done = notice(`updates:
  - at: 2008-09-30 00:09
    status: completed
    body: Done early.
`);
    assert.deepEqual(
      timelineAsOf(done, at('2008-09-30 01:00')).map((entry) => [entry.status, entry.at.toISOString(), entry.synthesised ?? false]),
      [
        ['in-progress', at('2008-09-30 00:01').toISOString(), true],
        ['completed', at('2008-09-30 00:09').toISOString(), false],
      ],
    );
  });
});
