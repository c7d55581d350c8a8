/**
 * Spec §4 (derived state) and the site model built from it, at fixed instants.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SiteConfig } from '../src/content/config.ts';
import { buildModel } from '../src/model/model.ts';
import type { Notice } from '../src/content/notice.ts';
import { combineServiceStates, imposedServiceState, noticeState, worstOf } from '../src/model/state.ts';
import { at, configYaml, testConfig, validNotice } from './helpers/config.ts';

const CONFIG = configYaml([
  ['backbone', 'Backbone', 'Core'],
  ['dsl', 'DSL access', 'Access'],
  ['imap', 'IMAP mail', 'Mail'],
  ['smtp', 'Outgoing mail', 'Mail'],
  ['web', 'Web hosting', 'Hosting'],
]);

const siteConfig = (): SiteConfig => testConfig(CONFIG);

/** A valid notice from its front matter (without the `---` lines). */
const notice = (frontMatter: string, slug?: string, body?: string): Notice => validNotice(siteConfig(), frontMatter, slug, body);

// Sep 30 2008, 12:03 AM PDT: three minutes into the DSL rebalancing window.
const NOW = at('2008-09-30 00:03');

describe('incident state', () => {
  const base = `
title: Backbone flap
type: incident
date: 2008-09-29 22:05
authors: [Nathan]
services: [backbone]
window:
  start: 2008-09-29 22:00`;

  it('investigating when nothing has been said yet', () => {
    assert.equal(noticeState(notice(base), NOW), 'investigating');
  });

  it('follows the latest of investigating / identified / monitoring', () => {
    const incident = notice(`${base}
updates:
  - at: 2008-09-29 22:30
    status: identified
    body: A line card is failing.
  - at: 2008-09-29 23:30
    status: monitoring
    body: Card replaced.`);
    assert.equal(noticeState(incident, at('2008-09-29 22:10')), 'investigating');
    assert.equal(noticeState(incident, at('2008-09-29 23:00')), 'identified');
    assert.equal(noticeState(incident, NOW), 'monitoring');
  });

  it('a plain `update` does not change the state; the order written does not matter', () => {
    const incident = notice(`${base}
updates:
  - at: 2008-09-29 23:50
    body: Still watching.
  - at: 2008-09-29 22:30
    status: identified
    body: A line card is failing.`);
    assert.equal(noticeState(incident, NOW), 'identified');
  });

  it('resolved once the window end has passed', () => {
    const incident = notice(`${base}
  end: 2008-09-29 23:45
updates:
  - at: 2008-09-29 22:30
    status: identified
    body: A line card is failing.`);
    assert.equal(noticeState(incident, at('2008-09-29 23:44')), 'identified');
    assert.equal(noticeState(incident, at('2008-09-29 23:45')), 'resolved');
    assert.equal(noticeState(incident, NOW), 'resolved');
  });

  it('resolved by a `resolved` update', () => {
    const incident = notice(`${base}
updates:
  - at: 2008-09-29 22:30
    status: monitoring
    body: Watching.
  - at: 2008-09-29 23:50
    status: resolved
    body: Fixed.`);
    assert.equal(noticeState(incident, at('2008-09-29 23:49')), 'monitoring');
    assert.equal(noticeState(incident, NOW), 'resolved');
  });

  it('still open while the `resolved` update is after now', () => {
    const incident = notice(`${base}
updates:
  - at: 2008-09-29 22:30
    status: monitoring
    body: Watching.
  - at: 2008-09-30 01:00
    status: resolved
    body: Fixed.`);
    assert.equal(noticeState(incident, NOW), 'monitoring');
    assert.equal(noticeState(incident, at('2008-09-30 01:00')), 'resolved');
  });
});

describe('maintenance state', () => {
  // Window 12:01 AM - 12:06 AM PDT on Sep 30.
  const base = `
title: DSL Subscriber Rebalancing
type: maintenance
date: 2008-09-26 15:10
authors: [Jared, Nathan]
services: [dsl]
window:
  start: 2008-09-30 00:01
  duration: 5m`;

  it('scheduled before its start', () => {
    assert.equal(noticeState(notice(base), at('2008-09-30 00:00')), 'scheduled');
  });

  it('in progress from its start until its end', () => {
    const maintenance = notice(base);
    assert.equal(noticeState(maintenance, at('2008-09-30 00:01')), 'in-progress');
    assert.equal(noticeState(maintenance, NOW), 'in-progress');
    assert.equal(noticeState(maintenance, at('2008-09-30 00:05:59')), 'in-progress');
  });

  it('completed once its end has passed', () => {
    const maintenance = notice(base);
    assert.equal(noticeState(maintenance, at('2008-09-30 00:06')), 'completed');
    assert.equal(noticeState(maintenance, at('2008-10-15 12:00')), 'completed');
  });

  it('completed early by a `completed` update before the end', () => {
    const maintenance = notice(`${base}
updates:
  - at: 2008-09-30 00:04
    status: completed
    body: Done early.`);
    assert.equal(noticeState(maintenance, NOW), 'in-progress');
    assert.equal(noticeState(maintenance, at('2008-09-30 00:04')), 'completed');
    assert.equal(noticeState(maintenance, at('2008-09-30 00:05')), 'completed');
  });

  it('cancelled when its latest status update says so, before, during and after the window', () => {
    const maintenance = notice(`${base}
updates:
  - at: 2008-09-28 10:00
    status: cancelled
    body: Postponed indefinitely.`);
    assert.equal(noticeState(maintenance, at('2008-09-28 09:59')), 'scheduled');
    assert.equal(noticeState(maintenance, at('2008-09-28 10:00')), 'cancelled');
    assert.equal(noticeState(maintenance, NOW), 'cancelled');
    assert.equal(noticeState(maintenance, at('2008-10-15 12:00')), 'cancelled');
  });

  it('not cancelled when a later status update reinstates it', () => {
    const maintenance = notice(`${base}
updates:
  - at: 2008-09-28 10:00
    status: cancelled
    body: Postponed.
  - at: 2008-09-29 10:00
    status: scheduled
    body: Back on.
  - at: 2008-09-29 11:00
    body: A plain update does not count as a status.`);
    assert.equal(noticeState(maintenance, at('2008-09-28 12:00')), 'cancelled');
    assert.equal(noticeState(maintenance, at('2008-09-29 12:00')), 'scheduled');
    assert.equal(noticeState(maintenance, NOW), 'in-progress');
  });
});

describe('notice state', () => {
  it('a plain notice has no state', () => {
    const plain = notice(`
title: New mail server names
type: notice
date: 2008-09-26 15:10
authors: [Jared]
services: [imap]`);
    assert.equal(noticeState(plain, NOW), null);
    assert.equal(imposedServiceState(plain, null, NOW), undefined);
  });
});

describe('combining service states', () => {
  it('under-maintenance beats any incident', () => {
    assert.equal(combineServiceStates(['major-outage', 'under-maintenance', 'degraded-performance']), 'under-maintenance');
  });

  it('otherwise the worst wins', () => {
    assert.equal(combineServiceStates(['degraded-performance', 'major-outage', 'partial-outage']), 'major-outage');
    assert.equal(combineServiceStates(['degraded-performance', 'partial-outage']), 'partial-outage');
    assert.equal(combineServiceStates(['degraded-performance']), 'degraded-performance');
  });

  it('operational with nothing imposed', () => {
    assert.equal(combineServiceStates([]), 'operational');
  });

  it('for the site as a whole an outage anywhere outranks maintenance', () => {
    assert.equal(worstOf(['under-maintenance', 'degraded-performance']), 'degraded-performance');
    assert.equal(worstOf(['under-maintenance', 'operational']), 'under-maintenance');
  });
});

const incident = (slug: string, services: string, impact: string, extra = '') =>
  notice(
    `
title: Incident ${slug}
type: incident
date: 2008-09-29 22:05
authors: [Nathan]
services: ${services}
impact: ${impact}
window:
  start: 2008-09-29 22:00
${extra}`,
    slug,
  );

const maintenance = (slug: string, services: string, start: string, extra = '') =>
  notice(
    `
title: Maintenance ${slug}
type: maintenance
date: 2008-09-26 15:10
authors: [Jared]
services: ${services}
window:
  start: ${start}
  duration: 5m
${extra}`,
    slug,
  );

describe('service states in the model', () => {
  const notices = [
    // dsl: maintenance in progress and a critical incident -> under-maintenance.
    maintenance('dsl-rebalancing', '[dsl]', '2008-09-30 00:01'),
    incident('dsl-critical', '[dsl, backbone]', 'critical'),
    // backbone: minor and critical -> major-outage (the critical one above).
    incident('backbone-minor', '[backbone]', 'minor'),
    // imap: major -> partial-outage; a resolved critical incident no longer counts.
    incident('imap-major', '[imap]', 'major'),
    incident('imap-resolved', '[imap]', 'critical', 'updates:\n  - at: 2008-09-29 23:00\n    status: resolved\n    body: Fixed.'),
    // smtp: minor -> degraded-performance; scheduled maintenance does not count yet.
    incident('smtp-minor', '[smtp]', 'minor'),
    maintenance('smtp-later', '[smtp]', '2008-10-02 00:01'),
    // web: an incident with no impact, a completed maintenance -> operational.
    incident('web-none', '[web]', 'none'),
    maintenance('web-done', '[web]', '2008-09-29 00:01'),
  ];
  const model = buildModel(siteConfig(), notices, NOW);
  const state = (id: string) => model.serviceById.get(id)!.state;

  it('maintenance in progress beats incidents', () => {
    assert.equal(state('dsl'), 'under-maintenance');
  });

  it('critical -> major-outage, and the worst impact wins', () => {
    assert.equal(state('backbone'), 'major-outage');
  });

  it('major -> partial-outage; resolved incidents do not count', () => {
    assert.equal(state('imap'), 'partial-outage');
  });

  it('minor -> degraded-performance; scheduled maintenance does not count', () => {
    assert.equal(state('smtp'), 'degraded-performance');
  });

  it('operational otherwise', () => {
    assert.equal(state('web'), 'operational');
  });

  it('the overall state is the worst of any service', () => {
    assert.equal(model.overall, 'major-outage');
  });

  it('causes, open incidents, maintenance in progress and upcoming maintenance', () => {
    assert.deepEqual(
      model.serviceById.get('dsl')!.causes.map((n) => n.slug).sort(),
      ['dsl-critical', 'dsl-rebalancing'],
    );
    // A completed maintenance is no longer a cause.
    assert.ok(!model.serviceById.get('web')!.causes.some((n) => n.slug === 'web-done'));
    assert.deepEqual(model.serviceById.get('web')!.notices.map((n) => n.slug).sort(), ['web-done', 'web-none']);
    assert.deepEqual(
      model.openIncidents.map((n) => n.slug).sort(),
      ['backbone-minor', 'dsl-critical', 'imap-major', 'smtp-minor', 'web-none'],
    );
    assert.deepEqual(
      model.maintenanceInProgress.map((n) => n.slug),
      ['dsl-rebalancing'],
    );
    assert.deepEqual(
      model.upcomingMaintenance.map((n) => n.slug),
      ['smtp-later'],
    );
  });

  it('services keep the catalog order and are grouped by their group', () => {
    assert.deepEqual(
      model.services.map((s) => s.id),
      ['backbone', 'dsl', 'imap', 'smtp', 'web'],
    );
    assert.deepEqual(
      model.groups.map((g) => [g.name, g.services.map((s) => s.id)]),
      [
        ['Core', ['backbone']],
        ['Access', ['dsl']],
        ['Mail', ['imap', 'smtp']],
        ['Hosting', ['web']],
      ],
    );
  });

  it('an incident whose window has not started yet imposes nothing', () => {
    const future = incident('later', '[web]', 'critical').window!.start;
    const before = new Date(future.getTime() - 60_000);
    const m = buildModel(siteConfig(), [incident('later', '[web]', 'critical')], before);
    assert.equal(m.serviceById.get('web')!.state, 'operational');
    assert.deepEqual(m.openIncidents, []);
  });
});

const plain = (slug: string, date: string, extra = '') =>
  notice(
    `
title: Notice ${slug}
type: notice
date: ${date}
authors: [Jared]
${extra}`,
    slug,
  );

describe('buildModel: notices and months', () => {
  const notices = [
    plain('july', '2008-07-10 09:00'),
    plain('early-september', '2008-09-05 09:00'),
    // Sep 30, 11:30 PM PDT = Oct 1, 06:30 UTC: a September notice.
    plain('late-september', '2008-09-30 23:30'),
    plain('december', '2008-12-01 09:00'),
    plain('january', '2009-01-02 09:00'),
    plain('draft', '2008-11-15 09:00', 'draft: true'),
  ];
  // After every date: a notice dated after "now" is scheduled, not listed (see below).
  const LATER = at('2009-02-01 00:00');
  const model = buildModel(siteConfig(), notices, LATER);

  it('lists published notices newest first', () => {
    assert.deepEqual(
      model.notices.map((n) => n.slug),
      ['january', 'december', 'late-september', 'early-september', 'july'],
    );
    assert.deepEqual(
      model.recent.map((n) => n.slug),
      ['january', 'december', 'late-september', 'early-september', 'july'],
    );
  });

  it('groups notices by month in the site zone, not UTC', () => {
    assert.deepEqual(
      model.months.map((m) => [m.label, m.url, m.notices.map((n) => n.slug)]),
      [
        ['January 2009', '/2009/01/', ['january']],
        ['December 2008', '/2008/12/', ['december']],
        ['September 2008', '/2008/09/', ['late-september', 'early-september']],
        ['July 2008', '/2008/07/', ['july']],
      ],
    );
    const late = model.notices.find((n) => n.slug === 'late-september')!;
    assert.equal(late.date.toISOString(), '2008-10-01T06:30:00.000Z');
    assert.equal(late.url, '/2008/09/30/late-september/');
    assert.deepEqual(late.month, { year: 2008, month: 9, label: 'September 2008', url: '/2008/09/' });
  });

  it('previous/next month links skip months without notices', () => {
    const month = (url: string) => model.months.find((m) => m.url === url)!;
    assert.equal(month('/2008/09/').previous?.url, '/2008/07/');
    assert.equal(month('/2008/09/').next?.url, '/2008/12/');
    assert.equal(month('/2008/12/').next?.url, '/2009/01/');
    assert.equal(month('/2008/07/').previous, undefined);
    assert.equal(month('/2009/01/').next, undefined);
  });

  it('groups months by year with counts', () => {
    assert.deepEqual(
      model.years.map((y) => [y.year, y.count, y.months.map((m) => m.month)]),
      [
        [2009, 1, [1]],
        [2008, 4, [12, 9, 7]],
      ],
    );
  });

  it('excludes drafts unless asked to include them', () => {
    assert.ok(!model.notices.some((n) => n.slug === 'draft'));
    assert.ok(!model.months.some((m) => m.url === '/2008/11/'));

    const withDrafts = buildModel(siteConfig(), notices, LATER, { includeDrafts: true });
    assert.deepEqual(
      withDrafts.notices.map((n) => n.slug),
      ['january', 'december', 'draft', 'late-september', 'early-september', 'july'],
    );
    const november = withDrafts.months.find((m) => m.url === '/2008/11/')!;
    assert.equal(november.previous?.url, '/2008/09/');
    assert.equal(november.next?.url, '/2008/12/');
  });

  it('a draft maintenance does not affect service state', () => {
    const draft = maintenance('secret', '[dsl]', '2008-09-30 00:01', 'draft: true');
    assert.equal(buildModel(siteConfig(), [draft], NOW).serviceById.get('dsl')!.state, 'operational');
    assert.equal(
      buildModel(siteConfig(), [draft], NOW, { includeDrafts: true }).serviceById.get('dsl')!.state,
      'under-maintenance',
    );
  });

  it('notice views carry their state', () => {
    const m = buildModel(siteConfig(), [maintenance('dsl-rebalancing', '[dsl]', '2008-09-30 00:01'), plain('july', '2008-07-10 09:00')], NOW);
    assert.deepEqual(
      m.notices.map((n) => [n.slug, n.state]),
      [
        ['dsl-rebalancing', 'in-progress'],
        ['july', null],
      ],
    );
  });
});

describe('buildModel: nextChange', () => {
  const next = (notices: Notice[], now: Date) => buildModel(siteConfig(), notices, now).nextChange?.toISOString();

  it('scheduled maintenance -> its start', () => {
    assert.equal(next([maintenance('dsl', '[dsl]', '2008-09-30 00:01')], at('2008-09-29 23:00')), '2008-09-30T07:01:00.000Z');
  });

  it('maintenance in progress -> its end', () => {
    assert.equal(next([maintenance('dsl', '[dsl]', '2008-09-30 00:01')], NOW), '2008-09-30T07:06:00.000Z');
  });

  it('completed maintenance -> nothing left to change', () => {
    assert.equal(next([maintenance('dsl', '[dsl]', '2008-09-30 00:01')], at('2008-09-30 00:10')), undefined);
  });

  it('open incident with no end and no future update -> undefined', () => {
    assert.equal(next([incident('flap', '[backbone]', 'major')], NOW), undefined);
  });

  it('open incident with a future update -> that update', () => {
    const open = incident(
      'flap',
      '[backbone]',
      'major',
      'updates:\n  - at: 2008-09-29 23:00\n    status: identified\n    body: Found.\n  - at: 2008-09-30 01:00\n    status: resolved\n    body: Fixed.',
    );
    assert.equal(next([open], NOW), '2008-09-30T08:00:00.000Z');
  });

  it('a plain notice never changes', () => {
    assert.equal(next([plain('news', '2008-09-29 09:00')], NOW), undefined);
  });

  it('the earliest future instant across all notices', () => {
    const notices = [
      maintenance('dsl', '[dsl]', '2008-09-30 00:01'), // ends 00:06
      maintenance('smtp', '[smtp]', '2008-09-30 00:04'), // starts 00:04
      incident('flap', '[backbone]', 'major'),
    ];
    assert.equal(next(notices, NOW), '2008-09-30T07:04:00.000Z');
    // An instant exactly at now is not in the future.
    assert.equal(next(notices, at('2008-09-30 00:04')), '2008-09-30T07:06:00.000Z');
  });
});
