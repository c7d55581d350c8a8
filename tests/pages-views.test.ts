/**
 * What the status pages compute and draw, without a build: the strip's markup
 * and words, the data the page script moves states with, the zone's name.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { buildModel } from '../src/model/model.ts';
import type { Notice } from '../src/content/notice.ts';
import { zoneName } from '../src/model/views.ts';
import { EN } from './helpers/english.ts';
import { availabilityStrip } from '../src/pages/parts/availability.ts';
import { noticeStateBadge, serviceStateBadge } from '../src/pages/parts/state.ts';
import { at, configYaml, testConfig, validNotice } from './helpers/config.ts';

/** A service name that breaks an attribute left unescaped (`"`), or escaped twice (`&`, `<`). */
const IMAP_NAME = 'IMAP "mail" & <co>';
const config = testConfig(configYaml([['imap', IMAP_NAME, 'Mail'], ['web', 'Web', 'Hosting']]));

const notice = (frontMatter: string, slug: string): Notice => validNotice(config, frontMatter, slug);

const slowMail = notice(
  `title: IMAP slow
type: incident
date: 2008-10-01 23:50
window: {start: 2008-10-01 23:40}
services: [imap]
authors: [Don]
impact: minor`,
  'imap-slow',
);
const upgrade = notice(
  `title: IMAP upgrade
type: maintenance
date: 2008-09-20 10:00
window: {start: 2008-10-02 00:00, duration: 2h}
services: [imap]
authors: [Jared]`,
  'imap-upgrade',
);
const later = notice(
  `title: IMAP move
type: maintenance
date: 2008-09-20 10:00
window: {start: 2008-10-05 00:00, end: 2008-10-05 01:00}
services: [imap]
authors: [Jared]`,
  'imap-move',
);
const outage = notice(
  `title: Web down
type: incident
date: 2008-09-12 10:00
window: {start: 2008-09-12 10:00, end: 2008-09-12 10:30}
services: [web]
authors: [Don]
impact: critical`,
  'web-down',
);

const NOW = at('2008-10-02 00:30');
const site = buildModel(config, [slowMail, upgrade, later, outage], NOW);
const [imap, web] = site.services;

describe('the strip markup', () => {
  const document = parseHTML(`<div>${availabilityStrip(site, web!)}</div>`).document;

  it('is an ordered list of 90 days named after the service and the range, escaped', () => {
    const strip = document.querySelector('ol.strip')!;
    assert.equal(strip.getAttribute('aria-label'), 'Web, availability by day, Jul 5 to Oct 2, 2008');
    assert.equal(strip.querySelectorAll('li').length, 90);
    const imapStrip = parseHTML(`<div>${availabilityStrip(site, imap!)}</div>`).document.querySelector('ol')!;
    assert.equal(imapStrip.getAttribute('aria-label'), 'IMAP "mail" & <co>, availability by day, Jul 5 to Oct 2, 2008');
  });

  it('says each day in words and marks bad days by class', () => {
    const days = [...document.querySelectorAll('li')];
    assert.equal(days[0]!.textContent, 'Jul 5: 100%');
    const bad = days.find((li) => li.textContent!.startsWith('Sep 12'))!;
    assert.equal(bad.textContent, 'Sep 12: 97.91%, 1 incident');
    assert.equal(bad.getAttribute('class'), 'd3');
    assert.equal(days.at(-1)!.textContent, 'Oct 2 (today): 100%');
    assert.equal(document.querySelector('.uptime')!.textContent, '99.97% available in 90 days');
  });

  it('shows maintenance hatched, not as downtime', () => {
    const days = [...parseHTML(`<div>${availabilityStrip(site, imap!)}</div>`).document.querySelectorAll('li')];
    const today = days.at(-1)!;
    // The slow-mail incident (minor) runs from 23:40 yesterday; the upgrade started at midnight.
    assert.equal(today.textContent, 'Oct 2 (today): 75.00%, 1 incident, maintenance');
    assert.equal(today.getAttribute('class'), 'd1');
  });
});

describe('what the page script needs', () => {
  it('service badges carry the state, the state without maintenance and the pending windows', () => {
    assert.equal(imap!.state, 'under-maintenance');
    assert.equal(imap!.stateWithoutMaintenance, 'degraded-performance');
    assert.deepEqual(
      imap!.pendingMaintenance.map(({ start, end }) => `${start.toISOString()}/${end.toISOString()}`).sort(),
      ['2008-10-02T07:00:00.000Z/2008-10-02T09:00:00.000Z', '2008-10-05T07:00:00.000Z/2008-10-05T08:00:00.000Z'],
    );
    const badge = parseHTML(`<p>${serviceStateBadge(imap!, EN)}</p>`).document.querySelector('.badge')!;
    assert.equal(badge.getAttribute('data-state'), 'under-maintenance');
    assert.equal(badge.getAttribute('data-base'), 'degraded-performance');
    assert.deepEqual(badge.getAttribute('data-maint')!.split(' ').sort(), [
      '2008-10-02T07:00:00.000Z/2008-10-02T09:00:00.000Z',
      '2008-10-05T07:00:00.000Z/2008-10-05T08:00:00.000Z',
    ]);
    const plain = parseHTML(`<p>${serviceStateBadge(web!, EN)}</p>`).document.querySelector('.badge')!;
    assert.equal(plain.getAttribute('data-state'), 'operational');
    assert.equal(plain.hasAttribute('data-maint'), false, 'nothing will change by the clock');
  });

  it('maintenance badges carry their window until it is over; others carry nothing', () => {
    const view = (n: Notice) => site.notices.find((v) => v.slug === n.slug)!;
    const badge = (n: Notice) => parseHTML(`<p>${noticeStateBadge(view(n), EN)}</p>`).document.querySelector('.badge')!;
    assert.equal(badge(later).getAttribute('data-state'), 'scheduled');
    assert.equal(badge(later).getAttribute('data-window-start'), '2008-10-05T07:00:00.000Z');
    assert.equal(badge(later).getAttribute('data-window-end'), '2008-10-05T08:00:00.000Z');
    assert.equal(badge(upgrade).getAttribute('data-state'), 'in-progress');
    assert.equal(badge(slowMail).hasAttribute('data-window-start'), false);
  });
});

describe('names', () => {
  it('names zones as people do', () => {
    assert.equal(zoneName('America/Los_Angeles'), 'Pacific Time');
    assert.equal(zoneName('UTC'), 'Coordinated Universal Time');
  });

  it('names days with their weekday, without zone arithmetic', () => {
    assert.equal(EN.dates.dayLong({ year: 2008, month: 9, day: 12 }), 'Fri, Sep 12, 2008');
    assert.equal(EN.dates.dayLong({ year: 2009, month: 3, day: 8 }), 'Sun, Mar 8, 2009');
  });
});
