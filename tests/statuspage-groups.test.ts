/**
 * Issue 11, item 10: a catalog group named like its only member ("DNS" in
 * group "DNS") would give two Statuspage components of one name, which
 * clients that key components by name collapse. Such a group is not a
 * component of its own: its service stands alone (group_id null) at the
 * group's position. Other groups are unchanged.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../src/model/model.ts';
import { renderStatuspage } from '../src/outputs/statuspage.ts';
import { componentsDocument, summaryDocument } from '../src/outputs/statuspage-schema.ts';
import { at, configYaml, testConfig } from './helpers/config.ts';

const config = testConfig(
  configYaml([
    ['imap', 'IMAP', 'Mail'],
    ['smtp', 'SMTP', 'Mail'],
    ['dns', 'DNS', 'DNS'],
    ['web', 'Web hosting', 'Hosting'],
  ]),
);
const site = buildModel(config, [], at('2008-10-02 12:00'));

describe('Statuspage components of a one-member group named like its member', () => {
  const { components } = componentsDocument.parse(JSON.parse(renderStatuspage(site, '/api/v2/components.json')));

  it('no two components share a name', () => {
    const names = components.map((component) => component.name);
    assert.deepEqual(names, ['Mail', 'IMAP', 'SMTP', 'DNS', 'Hosting', 'Web hosting']);
    assert.equal(new Set(names).size, names.length);
  });

  it('the service stands alone at the group position; other groups keep theirs', () => {
    const byName = new Map(components.map((component) => [component.name, component]));
    const dns = byName.get('DNS')!;
    assert.deepEqual([dns.group, dns.group_id, dns.position], [false, null, 2]);
    const mail = byName.get('Mail')!;
    assert.ok(mail.group);
    assert.deepEqual(mail.components, [byName.get('IMAP')!.id, byName.get('SMTP')!.id]);
    // A one-member group with another name stays a group.
    const hosting = byName.get('Hosting')!;
    assert.ok(hosting.group);
    assert.deepEqual([hosting.position, hosting.components], [3, [byName.get('Web hosting')!.id]]);
    assert.equal(byName.get('Web hosting')!.group_id, hosting.id);
  });

  it('summary.json lists the same components', () => {
    const summary = summaryDocument.parse(JSON.parse(renderStatuspage(site, '/api/v2/summary.json')));
    assert.deepEqual(summary.components, components);
  });
});
