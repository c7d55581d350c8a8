/**
 * Issue 3: the Statuspage-compatible API (spec §5). Every built API file must
 * match the shape of Atlassian Statuspage's public v2 API field by field
 * (src/outputs/statuspage-schema.ts: strict zod schemas of the documented
 * shapes), and carry our derived state (spec §4) in Statuspage's enums.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { STATUSPAGE_PATHS } from '../src/outputs/statuspage.ts';
import { componentStatus } from '../src/outputs/statuspage-components.ts';
import {
  componentsDocument,
  incidentsDocument,
  maintenancesDocument,
  statusDocument,
  summaryDocument,
} from '../src/outputs/statuspage-schema.ts';
import { SERVICE_STATES } from '../src/model/state.ts';
import type { Fixture } from './helpers/build-fixture.ts';
import { buildOutputsFixture, outputBuilds, outputFiles } from './fixtures/outputs/builds.ts';
import { CONTROL, CRAFTED_URL, TITLE } from './fixtures/outputs/crafted.ts';

const SITE = 'https://status.example.net';

const SCHEMAS: Record<(typeof STATUSPAGE_PATHS)[number], z.ZodType> = {
  '/api/v2/summary.json': summaryDocument,
  '/api/v2/status.json': statusDocument,
  '/api/v2/components.json': componentsDocument,
  '/api/v2/incidents.json': incidentsDocument,
  '/api/v2/incidents/unresolved.json': incidentsDocument,
  '/api/v2/scheduled-maintenances.json': maintenancesDocument,
  '/api/v2/scheduled-maintenances/upcoming.json': maintenancesDocument,
  '/api/v2/scheduled-maintenances/active.json': maintenancesDocument,
};

type Summary = z.infer<typeof summaryDocument>;
type Incidents = z.infer<typeof incidentsDocument>;
type Maintenances = z.infer<typeof maintenancesDocument>;
type Components = z.infer<typeof componentsDocument>;

function api<T>(build: Fixture, path: string): T {
  return JSON.parse(build.read(path)) as T;
}

/** Every `id`-like value in a document: page, components, incidents, updates. */
function idsOf(value: unknown, into = new Map<string, string>(), where = ''): Map<string, string> {
  if (Array.isArray(value)) value.forEach((item, index) => idsOf(item, into, `${where}[${index}]`));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'id' && typeof item === 'string') into.set(where, item);
      else idsOf(item, into, `${where}.${key}`);
    }
  }
  return into;
}

const { fixture, sample } = await outputBuilds();

describe('every API file has the Statuspage v2 shape', () => {
  for (const [name, build] of [
    ['outputs fixture', () => fixture],
    ['sample content', () => sample],
  ] as const) {
    it(`in the ${name}`, () => {
      const site = build();
      assert.deepEqual(
        outputFiles(site).filter((path) => path.startsWith('/api/')).sort(),
        [...STATUSPAGE_PATHS].sort(),
        'exactly the documented endpoints',
      );
      for (const path of STATUSPAGE_PATHS) {
        const result = SCHEMAS[path].safeParse(api(site, path));
        assert.ok(result.success, `${path}:\n${result.success ? '' : z.prettifyError(result.error)}`);
      }
    });
  }

  it('maps every service state to a Statuspage component status', () => {
    assert.deepEqual(SERVICE_STATES.map(componentStatus), [
      'operational',
      'degraded_performance',
      'partial_outage',
      'major_outage',
      'under_maintenance',
    ]);
  });
});

describe('the outputs fixture at 2 AM PST on 2008-11-02', () => {
  it('page: the site, its zone, and the last change as of now (not the build time)', () => {
    const { page } = api<Summary>(fixture, '/api/v2/status.json');
    assert.equal(page.name, 'Example ISP Status');
    assert.equal(page.url, SITE);
    assert.equal(page.time_zone, 'America/Los_Angeles');
    assert.equal(page.updated_at, '2008-11-02T01:45:00.000-08:00');
    assert.match(page.id, /^[0-9a-z]{12}$/);
  });

  it('status: an open critical incident is a critical indicator', () => {
    assert.deepEqual(api<Summary>(fixture, '/api/v2/status.json').status, {
      indicator: 'critical',
      description: 'Major Service Outage',
    });
  });

  it('components: groups with their members, each in our derived state', () => {
    const { components } = api<Components>(fixture, '/api/v2/components.json');
    const byId = new Map(components.map((component) => [component.id, component]));
    const shape = components
      .filter((component) => component.group)
      .map((group) => ({
        group: group.name,
        status: group.status,
        position: group.position,
        members: (group.group ? group.components : []).map((id) => {
          const member = byId.get(id)!;
          assert.equal(member.group_id, group.id);
          return [member.name, member.status, member.position];
        }),
      }));
    assert.deepEqual(shape, [
      { group: 'Core', status: 'major_outage', position: 1, members: [['Backbone', 'major_outage', 1]] },
      {
        group: 'Access',
        status: 'under_maintenance',
        position: 2,
        members: [
          ['DSL access', 'under_maintenance', 1],
          ['Dial-up', 'operational', 2],
        ],
      },
      {
        group: 'Mail',
        status: 'major_outage',
        position: 3,
        members: [
          ['IMAP mail', 'major_outage', 1],
          ['Webmail', 'operational', 2],
        ],
      },
    ]);
    assert.equal(components.length, 8, 'three groups and five services');
    assert.equal(byId.get(components[1]!.id)!.description, 'Routers and long-haul links');
  });

  it('incidents.json: every incident, newest first, with its timeline newest first', () => {
    const { incidents } = api<Incidents>(fixture, '/api/v2/incidents.json');
    assert.deepEqual(
      incidents.map((incident) => [incident.shortlink, incident.status, incident.impact]),
      [
        [`${SITE}${CRAFTED_URL}`, 'identified', 'critical'],
        [`${SITE}/2008/10/10/dsl-outage/`, 'resolved', 'major'],
      ],
    );
    const outage = incidents[1]!;
    assert.equal(outage.name, 'DSL Outage in the East Bay');
    assert.equal(outage.created_at, '2008-10-10T14:00:00.000-07:00');
    assert.equal(outage.started_at, '2008-10-10T13:50:00.000-07:00');
    assert.equal(outage.monitoring_at, '2008-10-10T14:30:00.000-07:00');
    assert.equal(outage.resolved_at, '2008-10-10T15:00:00.000-07:00');
    assert.equal(outage.updated_at, '2008-10-10T15:00:00.000-07:00');
    assert.deepEqual(
      outage.incident_updates.map((update) => [update.status, update.created_at, update.body.slice(0, 24)]),
      [
        ['resolved', '2008-10-10T15:00:00.000-07:00', 'All sessions are back.'],
        ['monitoring', '2008-10-10T14:30:00.000-07:00', 'The card was replaced; w'],
        ['identified', '2008-10-10T14:20:00.000-07:00', 'A line card failed in th'],
        ['investigating', '2008-10-10T14:00:00.000-07:00', 'Many DSL customers in th'],
      ],
    );
    assert.ok(outage.incident_updates.every((update) => update.incident_id === outage.id));
    assert.deepEqual(
      outage.components.map((component) => component.name),
      ['DSL access', 'Dial-up'],
    );
  });

  it('incidents/unresolved.json and summary.json hold only the open incident', () => {
    const unresolved = api<Incidents>(fixture, '/api/v2/incidents/unresolved.json').incidents;
    assert.deepEqual(unresolved.map((incident) => incident.shortlink), [`${SITE}${CRAFTED_URL}`]);
    assert.equal(unresolved[0]!.resolved_at, null);
    assert.deepEqual(api<Summary>(fixture, '/api/v2/summary.json').incidents, unresolved);
  });

  it('scheduled maintenances: windows with offsets across the DST change, states mapped, cancelled as completed', () => {
    const all = api<Maintenances>(fixture, '/api/v2/scheduled-maintenances.json').scheduled_maintenances;
    assert.deepEqual(
      all.map((item) => [item.shortlink.replace(SITE, ''), item.status, item.scheduled_for, item.scheduled_until]),
      [
        ['/2008/11/01/backbone-upgrade/', 'scheduled', '2008-11-10T23:00:00.000-08:00', '2008-11-11T00:30:00.000-08:00'],
        ['/2008/10/28/dst-cutover/', 'in_progress', '2008-11-02T00:30:00.000-07:00', '2008-11-02T03:30:00.000-08:00'],
        ['/2008/10/20/imap-upgrade/', 'completed', '2008-10-25T01:00:00.000-07:00', '2008-10-25T03:00:00.000-07:00'],
      ],
    );
    const cutover = all[1]!;
    assert.deepEqual(
      cutover.incident_updates.map((update) => [update.status, update.created_at]),
      [
        ['in_progress', '2008-11-02T01:45:00.000-08:00'],
        ['scheduled', '2008-10-28T10:00:00.000-07:00'],
      ],
    );
    const imap = all[2]!;
    assert.equal(imap.resolved_at, '2008-10-22T09:00:00.000-07:00', 'cancelled by its update');
    assert.ok(imap.incident_updates[0]!.body.startsWith('Postponed'));
  });

  it('upcoming, active and the summary split the maintenances by state', () => {
    const paths = (path: string) =>
      api<Maintenances>(fixture, path).scheduled_maintenances.map((item) => item.shortlink.replace(SITE, ''));
    assert.deepEqual(paths('/api/v2/scheduled-maintenances/upcoming.json'), ['/2008/11/01/backbone-upgrade/']);
    assert.deepEqual(paths('/api/v2/scheduled-maintenances/active.json'), ['/2008/10/28/dst-cutover/']);
    assert.deepEqual(
      api<Summary>(fixture, '/api/v2/summary.json').scheduled_maintenances.map((item) => item.shortlink.replace(SITE, '')),
      ['/2008/10/28/dst-cutover/', '/2008/11/01/backbone-upgrade/'],
    );
  });

  it('crafted text comes through exactly, without control characters', () => {
    const incident = api<Incidents>(fixture, '/api/v2/incidents.json').incidents[0]!;
    assert.equal(incident.name, TITLE);
    for (const path of STATUSPAGE_PATHS) {
      const text = fixture.read(path);
      for (const char of CONTROL) assert.ok(!text.includes(char), `${path}: raw U+${char.codePointAt(0)!.toString(16)}`);
      assert.doesNotMatch(text, /\\u00[01][0-9a-f]|\\u007f|\\[bf]/i, `${path}: escaped control character`);
    }
  });

  it('ids are unique', () => {
    const owners = new Map<string, Set<string>>();
    // The same object (a component, an incident) appears in several files with the same id;
    // different objects never share one. Key each id by what it names.
    for (const path of STATUSPAGE_PATHS) {
      const document = api<Record<string, unknown>>(fixture, path);
      const visit = (value: unknown): void => {
        if (Array.isArray(value)) return value.forEach(visit);
        if (!value || typeof value !== 'object') return;
        const record = value as Record<string, unknown>;
        if (typeof record.id === 'string') {
          const what = String(record.shortlink ?? record.name ?? record.body ?? record.url);
          const set = owners.get(record.id) ?? new Set<string>();
          set.add(what);
          owners.set(record.id, set);
        }
        Object.values(record).forEach(visit);
      };
      visit(document);
    }
    for (const [id, what] of owners) assert.equal(what.size, 1, `id ${id} names ${[...what].join(' and ')}`);
    assert.ok(owners.size >= 8 + 5 + 7, `expected components, notices and updates, got ${owners.size} ids`);
  });
});

describe('the sample content at 00:30 on 2008-10-02', () => {
  it('is under maintenance: the San Jose POP retrofit is active', () => {
    const summary = api<Summary>(sample, '/api/v2/summary.json');
    assert.deepEqual(summary.status, { indicator: 'maintenance', description: 'Service Under Maintenance' });
    const active = api<Maintenances>(sample, '/api/v2/scheduled-maintenances/active.json').scheduled_maintenances;
    assert.deepEqual(
      active.map((item) => [item.name, item.status, item.scheduled_for, item.scheduled_until]),
      [['San Jose POP Retrofit', 'in_progress', '2008-10-02T00:01:00.000-07:00', '2008-10-02T01:31:00.000-07:00']],
    );
    assert.ok(summary.components.some((component) => component.status === 'under_maintenance'));
  });
});

describe('the API is stable across rebuilds', () => {
  it('a rebuild of the same input is byte-identical', async () => {
    const before = STATUSPAGE_PATHS.map((path) => fixture.readBytes(path));
    await fixture.rebuild();
    STATUSPAGE_PATHS.forEach((path, index) => assert.ok(fixture.readBytes(path).equals(before[index]!), `${path} changed`));
  });

  it('editing titles and bodies keeps every id', async () => {
    const edited = await buildOutputsFixture();
    try {
      const before = new Map<string, string>();
      for (const path of STATUSPAGE_PATHS) idsOf(api(edited, path), before, path);
      for (const file of ['posts/2008/10/dsl-outage.md', 'posts/2008/10/dst-cutover.md']) {
        const source = readFileSync(`${edited.root}/${file}`, 'utf8');
        edited.write(file, source.replace(/^title: (.*)$/m, 'title: Edited $1').replace(/\n---\n/, '\n---\nEdited body.\n\n'));
      }
      await edited.rebuild();
      const names = api<Incidents>(edited, '/api/v2/incidents.json').incidents.map((incident) => incident.name);
      assert.ok(names.includes('Edited DSL Outage in the East Bay'), names.join(', '));
      const afterIds = new Map<string, string>();
      for (const path of STATUSPAGE_PATHS) idsOf(api(edited, path), afterIds, path);
      assert.deepEqual(afterIds, before);
    } finally {
      edited.remove();
    }
  });
});
