/**
 * Spec §6: a whole site is checked in one run; every problem is reported as
 * `path:line: message`, sorted by file then line, and `npm run check` exits
 * non-zero when there is any.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatProblem, InvalidInputError } from '../src/content/problems.ts';
import { checkSite, loadSite } from '../src/site/load-site.ts';
import { withEnv } from './helpers/env.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const BROKEN = join(here, 'fixtures', 'broken');
const VALID = join(here, 'fixtures', 'valid');
const CHECK = fileURLToPath(new URL('../src/cli/check.ts', import.meta.url));

/** Every problem in the broken fixture: file, line and what the message must say. */
const EXPECTED: [string, number, RegExp][] = [
  ['posts/2008/09/backbone-flap.md', 6, /`services`: unknown service `backbon` \(did you mean `backbone`\?\)/],
  ['posts/2008/09/backbone-flap.md', 7, /`impact`: "severe" is not valid; use one of none, minor, major, critical/],
  ['posts/2008/09/dsl-rebalancing.md', 8, /`window` has both `end` and `duration`/],
  ['posts/2008/09/dsl-rebalancing.md', 13, /`updates\[0\]\.status`: "resolved" is not a status for a maintenance/],
  ['posts/2008/10/imap-outage.md', 2, /missing required key `authors`/],
  ['posts/2008/10/imap-outage.md', 3, /missing required key `services`/],
  ['posts/2008/10/imap-outage.md', 4, /`date`: "2008-10-02" has no time of day/],
  ['posts/2008/10/imap-outage.md', 5, /unknown key `servics` \(did you mean `services`\?\)/],
  ['posts/2008/10/mail-migration.md', 6, /duplicate key `title`/],
];

function runCheck(cwd: string) {
  const env = { ...process.env };
  delete env.STATUS_NOW;
  return spawnSync(process.execPath, ['--import', 'tsx', CHECK], { cwd, env, encoding: 'utf8', timeout: 60_000 });
}

describe('checkSite on a site with several broken notices', () => {
  const { problems, files } = checkSite(BROKEN);

  it('reads every notice file, skipping names that start with `_`', () => {
    assert.equal(files, 4);
    assert.ok(!problems.some((p) => p.file.includes('_template')));
  });

  it('reports every problem of every file in one run, sorted by file then line', () => {
    assert.deepEqual(
      problems.map((p) => [p.file, p.line]),
      EXPECTED.map(([file, line]) => [file, line]),
    );
    problems.forEach((problem, i) => assert.match(problem.message, EXPECTED[i]![2]));
  });

  it('formats each as `path:line: message`', () => {
    for (const problem of problems) {
      assert.equal(formatProblem(problem), `${problem.file}:${problem.line}: ${problem.message}`);
    }
    assert.equal(
      formatProblem(problems[0]!),
      'posts/2008/09/backbone-flap.md:6: `services`: unknown service `backbon` (did you mean `backbone`?); known services are backbone, dsl, imap',
    );
  });

  it('loadSite refuses to build and carries all the problems', () => {
    assert.throws(
      () => loadSite({ root: BROKEN, now: new Date('2008-10-01T00:00:00Z') }),
      (err: unknown) => {
        assert.ok(err instanceof InvalidInputError);
        assert.deepEqual(err.problems, problems);
        assert.match(err.message, /^9 problems in the input:\n/);
        for (const problem of problems) assert.ok(err.message.includes(formatProblem(problem)));
        return true;
      },
    );
  });
});

describe('npm run check', () => {
  // Which stream carries the report is not part of the contract; both are read.
  const output = (result: ReturnType<typeof runCheck>) => `${result.stdout}${result.stderr}`;

  it('exits 1 on the broken site, printing every problem line in order', () => {
    const result = runCheck(BROKEN);
    assert.equal(result.error, undefined);
    assert.equal(result.status, 1, output(result));
    const expectedLines = checkSite(BROKEN).problems.map(formatProblem);
    assert.equal(expectedLines.length, EXPECTED.length);
    const printed = output(result).split('\n');
    const first = printed.indexOf(expectedLines[0]!);
    assert.ok(first >= 0, output(result));
    assert.deepEqual(printed.slice(first, first + expectedLines.length), expectedLines);
    assert.match(output(result), /9 problem\(s\) in 4 file\(s\)/);
  });

  it('exits 0 on the valid site', () => {
    const result = runCheck(VALID);
    assert.equal(result.error, undefined);
    assert.equal(result.status, 0, output(result));
    assert.match(output(result), /OK: 4 notice file\(s\) and the site configuration are valid\./);
    assert.doesNotMatch(output(result), /\.md:\d+:/);
  });
});

describe('loadSite on a valid site', () => {
  // Oct 1 2008, 10:00 PDT: after the DSL work and the flap, before the IMAP upgrade's window, and
  // after every notice's date (imap-upgrade is posted at 09:30; before that it is scheduled, not shown).
  const model = loadSite({ root: VALID, now: new Date('2008-10-01T17:00:00Z') });

  it('has no problems', () => {
    const { problems, files } = checkSite(VALID);
    assert.deepEqual({ problems, files }, { problems: [], files: 4 });
  });

  it('builds the model at the given now', () => {
    assert.equal(model.now.toISOString(), '2008-10-01T17:00:00.000Z');
    assert.deepEqual(
      model.notices.map((n) => [n.url, n.state]),
      [
        ['/2008/10/01/imap-upgrade/', 'scheduled'],
        ['/2008/10/01/new-mail-servers/', null],
        ['/2008/09/29/backbone-flap/', 'resolved'],
        ['/2008/09/26/dsl-rebalancing/', 'completed'],
      ],
    );
    assert.deepEqual(
      model.months.map((m) => [m.label, m.notices.length]),
      [
        ['October 2008', 2],
        ['September 2008', 2],
      ],
    );
    assert.deepEqual(
      model.services.map((s) => [s.id, s.state]),
      [
        ['backbone', 'operational'],
        ['dsl', 'operational'],
        ['imap', 'operational'],
      ],
    );
    assert.deepEqual(
      model.upcomingMaintenance.map((n) => n.slug),
      ['imap-upgrade'],
    );
    assert.equal(model.nextChange?.toISOString(), '2008-10-07T08:00:00.000Z');
  });

  it('reads file paths relative to the site root', () => {
    const flap = model.notices.find((n) => n.slug === 'backbone-flap')!;
    assert.equal(flap.file, 'posts/2008/09/backbone-flap.md');
    assert.deepEqual(flap.authors, ['Nathan']);
    assert.equal(flap.summary, 'Customers in the South Bay may see packet loss.');
  });

  it('takes now from STATUS_NOW when none is given', () => {
    const during = withEnv({ STATUS_NOW: '2008-09-30 00:03' }, () => loadSite({ root: VALID }));
    assert.equal(during.now.toISOString(), '2008-09-30T07:03:00.000Z');
    assert.equal(during.serviceById.get('dsl')!.state, 'under-maintenance');
  });
});

describe('checkSite edge cases', () => {
  it('a broken config is reported against site.config.yaml', () => {
    const root = mkdtempSync(join(tmpdir(), 'noticeboard-config-'));
    try {
      writeFileSync(join(root, 'site.config.yaml'), 'title: Broken\nurl: status.example.net\ntimezone: Nowhere\nservices: []\n');
      const { problems } = checkSite(root);
      assert.deepEqual(
        problems.map((p) => `${p.file}:${p.line}`),
        ['site.config.yaml:2', 'site.config.yaml:3', 'site.config.yaml:4'],
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a missing config is one problem, not a crash', () => {
    const root = mkdtempSync(join(tmpdir(), 'noticeboard-empty-'));
    try {
      assert.deepEqual(checkSite(root).problems, [
        { file: 'site.config.yaml', line: 1, message: 'cannot read the site configuration file' },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a site without a posts/ folder has no notices and no problems', () => {
    const root = mkdtempSync(join(tmpdir(), 'noticeboard-noposts-'));
    try {
      writeFileSync(
        join(root, 'site.config.yaml'),
        'title: New\nurl: https://status.example.net\ntimezone: UTC\nservices:\n  - id: dsl\n    name: DSL\n    group: Access\n',
      );
      const { problems, files, notices } = checkSite(root);
      assert.deepEqual({ problems, files, notices }, { problems: [], files: 0, notices: [] });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
