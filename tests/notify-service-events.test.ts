/**
 * A service's state changes as notify events (webhook `component_update`),
 * without the network: the model's rules for combining notices, a notice
 * posted late, the window since the baseline, and the channel filters.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../src/model/model.ts';
import { serviceEventMatches, serviceStateEventsSince, type ServiceStateEvent } from '../src/notify/service-events.ts';
import { at, configYaml, testConfig, validNotice } from './helpers/config.ts';

const config = testConfig(
  configYaml([
    ['backbone', 'Backbone and POPs', 'Network'],
    ['imap', 'IMAP', 'Mail'],
  ]),
);

const incident = (slug: string, fields: string) =>
  validNotice(config, `title: ${slug}\ntype: incident\nauthors: NOC\n${fields.trim()}`, slug);

const shown = (events: ServiceStateEvent[]) => events.map((event) => `${event.id} ${event.oldState} -> ${event.newState}`);

// IMAP: a minor incident from 10:00, a major one from 10:10; the minor ends at 10:20, the major at 10:30.
const minor = incident('minor', `
date: 2008-09-22 10:00
window: {start: 2008-09-22 10:00}
services: [imap]
impact: minor
updates:
  - {at: 2008-09-22 10:05, status: identified, body: Found.}
  - {at: 2008-09-22 10:20, status: resolved, body: Fixed.}`);
const major = incident('major', `
date: 2008-09-22 10:10
window: {start: 2008-09-22 10:10, end: 2008-09-22 10:30}
services: [imap]
impact: major`);

test('service events: only the instants where the combined state changes, worst incident first', () => {
  const site = buildModel(config, [minor, major], at('2008-09-22 11:00'));
  assert.deepEqual(shown(serviceStateEventsSince(site, at('2008-09-22 09:00'))), [
    '/services/imap/#state-2008-09-22T17:00:00.000Z operational -> degraded-performance',
    '/services/imap/#state-2008-09-22T17:10:00.000Z degraded-performance -> partial-outage',
    // The minor incident's resolution at 10:20 leaves the major outage: no change.
    '/services/imap/#state-2008-09-22T17:30:00.000Z partial-outage -> operational',
  ]);
});

test('service events: only since the baseline, with the state of what was already open then', () => {
  const site = buildModel(config, [minor, major], at('2008-09-22 11:00'));
  assert.deepEqual(shown(serviceStateEventsSince(site, at('2008-09-22 10:15'))), [
    '/services/imap/#state-2008-09-22T17:30:00.000Z partial-outage -> operational',
  ]);
  assert.deepEqual(serviceStateEventsSince(site, at('2008-09-22 10:31')), []);
});

test('service events: maintenance in progress wins; a late notice changes the state when posted; impact none changes nothing', () => {
  const maintenance = validNotice(
    config,
    'title: M\ntype: maintenance\ndate: 2008-09-20 10:00\nwindow: {start: 2008-09-22 10:00, end: 2008-09-22 12:00}\nservices: [backbone]\nauthors: NOC',
    'maintenance',
  );
  const during = incident('during', `
date: 2008-09-22 10:30
window: {start: 2008-09-22 10:30, end: 2008-09-22 11:00}
services: [backbone]
impact: critical`);
  const late = incident('late', `
date: 2008-09-22 13:00
window: {start: 2008-09-22 12:30}
services: [backbone]
impact: minor`);
  const quiet = incident('quiet', `
date: 2008-09-22 14:00
window: {start: 2008-09-22 14:00}
services: [imap]
impact: none`);
  const site = buildModel(config, [maintenance, during, late, quiet], at('2008-09-22 15:00'));
  const events = serviceStateEventsSince(site, at('2008-09-22 09:00'));
  assert.deepEqual(shown(events), [
    '/services/backbone/#state-2008-09-22T17:00:00.000Z operational -> under-maintenance',
    '/services/backbone/#state-2008-09-22T19:00:00.000Z under-maintenance -> operational',
    // Window from 12:30, posted at 13:00: the site showed it from 13:00.
    '/services/backbone/#state-2008-09-22T20:00:00.000Z operational -> degraded-performance',
  ]);
  assert.deepEqual(events.map((event) => event.causeTypes), [['maintenance'], ['maintenance'], ['incident']]);

  // A channel's filters: its services, and the types of the notices that caused the change.
  assert.equal(serviceEventMatches(events[0]!, { services: ['imap'] }), false);
  assert.equal(serviceEventMatches(events[0]!, { services: ['backbone'], types: ['maintenance'] }), true);
  assert.equal(serviceEventMatches(events[2]!, { types: ['maintenance'] }), false);
  assert.equal(serviceEventMatches(events[2]!, {}), true);
});
