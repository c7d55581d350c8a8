/**
 * The NOC's authoring commands as an engineer runs them: `new` (with flags, and
 * answering questions on a pseudo-terminal), `update`, and `check`'s formats.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { appendUpdate } from '../src/authoring/append-update.ts';
import { newNoticeFile, slugify } from '../src/authoring/new-notice.ts';
import { parseConfig } from '../src/content/config.ts';
import { parseNotice } from '../src/content/parse-notice.ts';
import { checkSite } from '../src/site/load-site.ts';
import { configJsonSchema, noticeJsonSchema } from '../src/content/json-schemas.ts';

const PROJECT = resolve(import.meta.dirname, '..');
const CONFIG_TEXT = readFileSync(join(PROJECT, 'tests/fixtures/valid/site.config.yaml'), 'utf8');
const config = parseConfig(CONFIG_TEXT, 'site.config.yaml').config!;

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A fresh site with the valid fixture's config and no notices (removed when the file's tests end). */
function emptySite(): string {
  const root = mkdtempSync(join(tmpdir(), 'noticeboard-authoring-'));
  roots.push(root);
  writeFileSync(join(root, 'site.config.yaml'), CONFIG_TEXT);
  symlinkSync(join(PROJECT, 'node_modules'), join(root, 'node_modules'));
  return root;
}

/** The body these tests give `new` with flags when they are not about the body. */
const BODY = ['--body', 'Mail is slow for some customers.'];

function run(root: string, script: string, args: string[], env: Record<string, string> = {}, input?: string) {
  const withBody = script === 'new.ts' && args.length > 0 && !args.includes('--body') ? [...args, ...BODY] : args;
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT, 'src/cli', script), ...withBody], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, ...env },
  });
  return { code: result.status, out: result.stdout + result.stderr };
}

/** Runs a command on a pseudo-terminal (util-linux `script`), typing `answers` into it. */
function runOnTerminal(root: string, command: string, answers: string[], env: Record<string, string>) {
  const which = spawnSync('sh', ['-c', 'command -v script']);
  assert.equal(which.status, 0, 'the pseudo-terminal test needs `script` (Debian package bsdutils/util-linux)');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: root,
    encoding: 'utf8',
    input: answers.map((answer) => `${answer}\n`).join(''),
    env: { ...process.env, ...env },
  });
  return { code: result.status, out: result.stdout + result.stderr };
}

describe('npm run new', () => {
  it('with flags writes a valid notice where it says, with the URL it will have, asking nothing', () => {
    const root = emptySite();
    const { code, out } = run(
      root,
      'new.ts',
      ['--type', 'incident', '--title', 'IMAP slow', '--services', 'imap', '--impact', 'minor', '--authors', 'Don, Jared'],
      { STATUS_NOW: '2008-09-30 23:30' },
      '',
    );
    assert.equal(code, 0, out);
    // 23:30 on Sep 30 in Los Angeles is already October in UTC; the notice belongs to September.
    assert.match(out, /Wrote posts\/2008\/09\/imap-slow\.md/);
    assert.match(out, /https:\/\/status\.example\.net\/2008\/09\/30\/imap-slow\//);
    const text = readFileSync(join(root, 'posts/2008/09/imap-slow.md'), 'utf8');
    const { notice, problems } = parseNotice(text, 'posts/2008/09/imap-slow.md', config);
    assert.deepEqual(problems, []);
    assert.equal(notice!.title, 'IMAP slow');
    assert.equal(notice!.type, 'incident');
    assert.deepEqual(notice!.services, ['imap']);
    assert.deepEqual(notice!.authors, ['Don', 'Jared']);
    assert.equal(notice!.impact, 'minor');
    assert.equal(notice!.window!.start.toISOString(), '2008-10-01T06:30:00.000Z');
    assert.equal(notice!.window!.end, undefined, 'an incident without --duration is ongoing');
    assert.equal(notice!.url, '/2008/09/30/imap-slow/');
    assert.deepEqual(checkSite(root).problems, []);
  });

  it('never overwrites: a second notice with the same title gets a numbered slug', () => {
    const root = emptySite();
    const args = ['--type', 'incident', '--title', 'IMAP slow', '--services', 'imap', '--authors', 'Don'];
    assert.equal(run(root, 'new.ts', args, { STATUS_NOW: '2008-09-30 10:00' }).code, 0);
    const before = readFileSync(join(root, 'posts/2008/09/imap-slow.md'), 'utf8');
    const second = run(root, 'new.ts', [...args, '--impact', 'critical'], { STATUS_NOW: '2008-09-30 11:00' });
    assert.equal(second.code, 0, second.out);
    assert.match(second.out, /^Wrote posts\/2008\/09\/imap-slow-2\.md$/m);
    assert.match(second.out, /\/2008\/09\/30\/imap-slow-2\//);
    assert.equal(readFileSync(join(root, 'posts/2008/09/imap-slow.md'), 'utf8'), before);
    assert.deepEqual(checkSite(root).problems, []);
  });

  it('rejects a flag value with the validator\'s own message', () => {
    const root = emptySite();
    const { code, out } = run(root, 'new.ts', ['--type', 'incident', '--title', 'X', '--services', 'imapp'], {
      STATUS_NOW: '2008-09-30 10:00',
    });
    assert.equal(code, 2);
    assert.match(out, /unknown service `imapp` \(did you mean `imap`\?\)/);
  });

  it('asks on a terminal, re-asks after a wrong answer, and writes a notice that passes check', () => {
    const root = emptySite();
    const command = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(join(PROJECT, 'src/cli/new.ts'))}`;
    const answers = [
      'maintenance', // type
      'DSL router swap', // title
      'dssl', // a typo: asked again
      '2', // the second service in the catalog: dsl
      '', // impact: default minor
      '2008-11-02 01:30', // ambiguous (fall back): asked again
      '2008-11-02 01:30-08:00',
      '45m',
      'Jared, Nathan',
      'Describe what customers see', // the placeholder: asked again
      'Customers on the Oakland DSL router lose service for a few minutes.',
    ];
    const { code, out } = runOnTerminal(root, command, answers, { STATUS_NOW: '2008-10-28 09:00' });
    assert.equal(code, 0, out);
    assert.match(out, /did you mean `dsl`/);
    assert.match(out, /happens twice/);
    assert.match(out, /the body still holds the placeholder/);
    const text = readFileSync(join(root, 'posts/2008/10/dsl-router-swap.md'), 'utf8');
    const { notice, problems } = parseNotice(text, 'posts/2008/10/dsl-router-swap.md', config);
    assert.deepEqual(problems, []);
    assert.deepEqual(notice!.services, ['dsl']);
    assert.equal(notice!.impact, 'minor');
    assert.equal(notice!.window!.start.toISOString(), '2008-11-02T09:30:00.000Z');
    assert.equal(notice!.window!.end!.toISOString(), '2008-11-02T10:15:00.000Z');
    assert.deepEqual(notice!.authors, ['Jared', 'Nathan']);
  });

  // Each flag goes through its question's parser: a bad value is refused before anything is written.
  const badFlags: [string, string[], RegExp][] = [
    ['a title over 200 characters', ['--title', 'x'.repeat(201)], /^--title: must be at most 200 characters$/m],
    ['an empty title', ['--title', '  '], /^--title: must not be empty$/m],
    ['an empty service list for an incident', ['--title', 'X', '--services', ''], /^--services: an incident must name at least one service$/m],
    ['no authors', ['--title', 'X', '--services', 'imap', '--authors', ''], /^--authors: give at least one name/m],
    ['an unknown impact', ['--title', 'X', '--services', 'imap', '--impact', 'majr'], /^--impact: "majr" is not valid \(did you mean `major`\?\); use one of none, minor, major, critical$/m],
    ['an unknown type', ['--type', 'outage'], /^--type: "outage" is not valid; use one of incident, maintenance, notice$/m],
    ['a start that is not a time', ['--title', 'X', '--services', 'imap', '--start', '2008-09-31 10:00'], /^--start: "2008-09-31 10:00" is not a real calendar date and time$/m],
    ['a zero duration', ['--title', 'X', '--services', 'imap', '--duration', '0m'], /^--duration: "0m" is zero/m],
    ['--open with --duration', ['--title', 'X', '--services', 'imap', '--open', '--duration', '1h'], /^--open and --duration contradict each other/m],
    ['--open for a maintenance', ['--type', 'maintenance', '--title', 'X', '--services', 'imap', '--open'], /^--open: a maintenance needs a planned end; give --duration instead$/m],
    ['--open for a notice', ['--type', 'notice', '--title', 'X', '--open'], /^--open: only an incident is open-ended/m],
    ['--start for a notice', ['--type', 'notice', '--title', 'X', '--start', '2008-09-30 10:00'], /^--start: a notice has no window/m],
    ['--duration for a notice', ['--type', 'notice', '--title', 'X', '--duration', '1h'], /^--duration: a notice has no window/m],
    ['a maintenance without --duration, not on a terminal', ['--type', 'maintenance', '--title', 'X', '--services', 'imap', '--authors', 'Don'], /^--duration is missing and has no default/m],
  ];
  for (const [what, args, message] of badFlags) {
    it(`refuses ${what}, naming the flag, and writes nothing`, () => {
      const root = emptySite();
      const { code, out } = run(root, 'new.ts', ['--authors', 'Don', ...args], { STATUS_NOW: '2008-09-30 10:00' }, '');
      assert.equal(code, 2, out);
      assert.match(out, message);
      assert.doesNotMatch(out, /Wrote/);
      assert.equal(existsSync(join(root, 'posts')), false);
    });
  }

  it('--open writes an ongoing incident, like leaving out --duration', () => {
    const root = emptySite();
    const { code, out } = run(root, 'new.ts', ['--title', 'DSL down', '--services', 'dsl', '--authors', 'Don', '--open'], { STATUS_NOW: '2008-09-30 10:00' }, '');
    assert.equal(code, 0, out);
    const text = readFileSync(join(root, 'posts/2008/09/dsl-down.md'), 'utf8');
    const { notice, problems } = parseNotice(text, 'posts/2008/09/dsl-down.md', config);
    assert.deepEqual(problems, []);
    assert.equal(notice!.type, 'incident');
    assert.equal(notice!.window!.end, undefined);
  });

  it('a notice takes no services by default and an empty --services', () => {
    const root = emptySite();
    const { code, out } = run(root, 'new.ts', ['--type', 'notice', '--title', 'Holiday hours', '--services', '', '--authors', 'Don'], { STATUS_NOW: '2008-12-20 10:00' }, '');
    assert.equal(code, 0, out);
    assert.match(out, /https:\/\/status\.example\.net\/2008\/12\/20\/holiday-hours\//);
    assert.deepEqual(checkSite(root).problems, []);
  });

  it('on a terminal, with flags, asks only for what is required and missing', () => {
    const root = emptySite();
    const command = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(join(PROJECT, 'src/cli/new.ts'))} --type maintenance --services dsl --authors Don`;
    const { code, out } = runOnTerminal(root, command, ['DSL router swap', '2x', '45m', 'The DSL router is swapped.'], { STATUS_NOW: '2008-10-28 09:00' });
    assert.equal(code, 0, out);
    assert.match(out, /Title: /);
    assert.match(out, /"2x" is not a duration/);
    assert.doesNotMatch(out, /Impact|Start|Authors|Services/);
    const { notice, problems } = parseNotice(readFileSync(join(root, 'posts/2008/10/dsl-router-swap.md'), 'utf8'), 'posts/2008/10/dsl-router-swap.md', config);
    assert.deepEqual(problems, []);
    assert.equal(notice!.impact, 'minor');
    assert.equal(notice!.window!.end!.getTime() - notice!.window!.start.getTime(), 45 * 60_000);
  });

  it('the file is validated before it is written: problems come back with file and line, no notice', () => {
    const answers = {
      type: 'incident' as const,
      title: 'x'.repeat(201),
      services: ['imap', 'nope'],
      impact: 'minor' as const,
      start: new Date('2008-09-30T17:00:00Z'),
      authors: ['Don'],
      date: new Date('2008-09-30T17:00:00Z'),
      body: 'Mail is slow for some customers.',
    };
    const bad = newNoticeFile(answers, config);
    assert.equal(bad.notice, undefined);
    assert.deepEqual(
      bad.problems.map((p) => `${p.file}:${p.line}: ${p.message.split(';')[0]}`),
      [`${bad.path}:2: \`title\`: must be at most 200 characters`, `${bad.path}:7: \`services\`: unknown service \`nope\``],
    );
    const good = newNoticeFile({ ...answers, title: 'IMAP slow', services: ['imap'] }, config);
    assert.deepEqual(good.problems, []);
    assert.equal(good.notice!.url, '/2008/09/30/imap-slow/');
  });

  it('reports a bad STATUS_NOW as a problem, not a crash', () => {
    const root = emptySite();
    const { code, out } = run(root, 'new.ts', ['--title', 'X', '--services', 'imap', '--authors', 'Don'], { STATUS_NOW: 'yesterday' }, '');
    assert.equal(code, 1);
    assert.match(out, /^STATUS_NOW:1: environment variable STATUS_NOW: "yesterday" is not a time/m);
    assert.doesNotMatch(out, /at .*\.ts:\d+/);
  });

  it('slugs titles to the file name rules', () => {
    assert.equal(slugify('IMAP performance problems solved.'), 'imap-performance-problems-solved');
    assert.equal(slugify('Störung: E-Mail & Webmail!'), 'storung-e-mail-webmail');
    assert.equal(slugify('***'), '');
  });
});

const NOTICE_WITH_COMMENTS = `---
# Written during the outage; keep this comment.
title: "IMAP slow"   # title as posted
type: incident
date: 2008-09-22 09:10
window: {start: 2008-09-22 08:40}
services: [imap]
authors: [Don]
impact: minor
updates:
  - at: 2008-09-22 09:30  # first look
    status: identified
    body: A filer interface is flapping.
summary: Mail is slow for some customers.
---
Mail clients are slow to open folders.

<!-- body comment -->
`;

describe('npm run update', () => {
  it('appends an update and keeps every other byte of the file', () => {
    const edited = appendUpdate(NOTICE_WITH_COMMENTS, { at: '2008-09-22 10:05', status: 'resolved', body: 'Interface replaced; mail is fast again.' });
    const added = '  - at: 2008-09-22 10:05\n    status: resolved\n    body: Interface replaced; mail is fast again.\n';
    const at = NOTICE_WITH_COMMENTS.indexOf('summary:');
    assert.equal(edited, NOTICE_WITH_COMMENTS.slice(0, at) + added + NOTICE_WITH_COMMENTS.slice(at));
  });

  it('adds an `updates` list when the notice has none', () => {
    const text = NOTICE_WITH_COMMENTS.replace(/updates:[\s\S]*?(?=summary:)/, '');
    const edited = appendUpdate(text, { at: '2008-09-22 10:05', status: 'monitoring', body: 'Watching: "it" & more.' });
    const { notice, problems } = parseNotice(edited, 'posts/2008/09/imap-slow.md', config);
    assert.deepEqual(problems, []);
    assert.deepEqual(notice!.updates.map((u) => [u.status, u.body]), [['monitoring', 'Watching: "it" & more.']]);
    assert.ok(edited.startsWith(text.slice(0, text.indexOf('---\nMail'))));
  });

  it('edits the front matter the build reads: after a byte-order mark, `--- yaml`, or with CRLF line ends', () => {
    const plain = NOTICE_WITH_COMMENTS.replace(/updates:[\s\S]*?(?=summary:)/, '');
    const variants = {
      'byte-order mark': `\ufeff${plain}`,
      'language after ---': plain.replace(/^---\n/, '--- yaml\n'),
      'CRLF line ends': plain.replace(/\n/g, '\r\n'),
    };
    for (const [name, text] of Object.entries(variants)) {
      assert.ok(parseNotice(text, 'posts/2008/09/imap-slow.md', config).notice, `${name}: the build reads the original`);
      const edited = appendUpdate(text, { at: '2008-09-22 10:05', status: 'resolved', body: 'Fixed.' });
      const { notice, problems } = parseNotice(edited, 'posts/2008/09/imap-slow.md', config);
      assert.deepEqual(problems, [], name);
      assert.deepEqual(notice!.updates.map((u) => [u.status, u.body]), [['resolved', 'Fixed.']], name);
      const closing = text.lastIndexOf('---');
      assert.equal(edited.slice(edited.lastIndexOf('---')), text.slice(closing), `${name}: the body is kept byte for byte`);
      assert.equal(edited.slice(0, 12), text.slice(0, 12), `${name}: the start of the file is kept`);
    }
  });

  it('names the line of a YAML problem as loading names it', () => {
    const broken = NOTICE_WITH_COMMENTS.replace('impact: minor', 'impact: minor\nimpact: major');
    const line = broken.split('\n').findIndex((text) => text === 'impact: major') + 1;
    const { problems } = parseNotice(broken, 'posts/2008/09/imap-slow.md', config);
    assert.equal(problems[0]!.line, line);
    assert.throws(() => appendUpdate(broken, { at: '2008-09-22 10:05', status: 'resolved', body: 'Fixed.' }), new RegExp(`line ${line}: duplicate key \`impact\``));
  });

  it('from the command line: investigating, identified, resolved, each one command, and it still validates', () => {
    const root = emptySite();
    assert.equal(
      run(root, 'new.ts', ['--type', 'incident', '--title', 'IMAP slow', '--services', 'imap', '--authors', 'Don'], {
        STATUS_NOW: '2008-09-22 09:00',
      }).code,
      0,
    );
    const file = 'posts/2008/09/imap-slow.md';
    const steps: [string, string, string][] = [
      ['2008-09-22 09:20', 'identified', 'A filer interface is flapping.'],
      ['2008-09-22 09:40', 'monitoring', 'Interface disabled; watching.'],
      ['2008-09-22 10:05', 'resolved', 'Mail is fast again.'],
    ];
    for (const [now, status, body] of steps) {
      const result = run(root, 'update.ts', [file, '--status', status, '--body', body], { STATUS_NOW: now });
      assert.equal(result.code, 0, result.out);
    }
    const { notice, problems } = parseNotice(readFileSync(join(root, file), 'utf8'), file, config);
    assert.deepEqual(problems, []);
    assert.deepEqual(notice!.updates.map((u) => [u.at.toISOString(), u.status]), [
      ['2008-09-22T16:20:00.000Z', 'identified'],
      ['2008-09-22T16:40:00.000Z', 'monitoring'],
      ['2008-09-22T17:05:00.000Z', 'resolved'],
    ]);
  });

  it('refuses a status of the wrong type and leaves the file unchanged', () => {
    const root = emptySite();
    run(root, 'new.ts', ['--type', 'incident', '--title', 'IMAP slow', '--services', 'imap', '--authors', 'Don'], {
      STATUS_NOW: '2008-09-22 09:00',
    });
    const file = join(root, 'posts/2008/09/imap-slow.md');
    const before = readFileSync(file, 'utf8');
    const result = run(root, 'update.ts', ['posts/2008/09/imap-slow.md', '--status', 'completed', '--body', 'x'], {
      STATUS_NOW: '2008-09-22 10:00',
    });
    assert.equal(result.code, 2);
    assert.match(result.out, /"completed" is not a status for an incident/);
    assert.equal(readFileSync(file, 'utf8'), before);
  });

  it('checks --status before asking for the body, and --at with the time parser', () => {
    const root = emptySite();
    run(root, 'new.ts', ['--type', 'incident', '--title', 'IMAP slow', '--services', 'imap', '--authors', 'Don'], {
      STATUS_NOW: '2008-09-22 09:00',
    });
    const file = 'posts/2008/09/imap-slow.md';
    const before = readFileSync(join(root, file), 'utf8');
    const status = run(root, 'update.ts', [file, '--status', 'completed'], { STATUS_NOW: '2008-09-22 10:00' }, 'typed body\n');
    assert.equal(status.code, 2);
    assert.match(status.out, /^--status: "completed" is not a status for an incident; use one of investigating, identified, monitoring, resolved, update$/m);
    assert.doesNotMatch(status.out, /What is new/);
    const at = run(root, 'update.ts', [file, '--at', '2008-09-22', '--body', 'x'], { STATUS_NOW: '2008-09-22 10:00' });
    assert.equal(at.code, 2);
    assert.match(at.out, /^--at: "2008-09-22" has no time of day/m);
    assert.equal(readFileSync(join(root, file), 'utf8'), before);
    // The question takes the same statuses, and the body from the next line.
    const asked = run(root, 'update.ts', [file], { STATUS_NOW: '2008-09-22 10:00' }, 'Resolved\nMail is fast again.\n');
    assert.equal(asked.code, 0, asked.out);
    assert.match(asked.out, /Added the update "resolved" at 2008-09-22 10:00/);
  });
});

describe('npm run check formats', () => {
  const broken = join(PROJECT, 'tests/fixtures/broken');
  const expected = checkSite(broken).problems;

  it('human, github and json report the same problems and exit 1', () => {
    const human = run(broken, 'check.ts', []);
    const github = run(broken, 'check.ts', ['--format', 'github']);
    const json = run(broken, 'check.ts', ['--format', 'json']);
    for (const result of [human, github, json]) assert.equal(result.code, 1);

    assert.deepEqual(JSON.parse(json.out).problems, expected);
    const humanLines = human.out.split('\n').filter((line) => /^\S+:\d+: /.test(line));
    assert.deepEqual(humanLines, expected.map((p) => `${p.file}:${p.line}: ${p.message}`));

    // GitHub Actions workflow command syntax: ::error file=F,line=L::MESSAGE
    const annotations = github.out.trim().split('\n');
    assert.equal(annotations.length, expected.length);
    annotations.forEach((line, i) => {
      const match = /^::error file=([^,:]+),line=(\d+)::(.+)$/.exec(line);
      assert.ok(match, `not an annotation: ${line}`);
      assert.equal(match[1], expected[i]!.file);
      assert.equal(Number(match[2]), expected[i]!.line);
      assert.equal(match[3], expected[i]!.message);
    });
  });

  it('exits 0 on a valid site in every format', () => {
    const valid = join(PROJECT, 'tests/fixtures/valid');
    for (const format of ['human', 'github', 'json']) {
      assert.equal(run(valid, 'check.ts', ['--format', format]).code, 0, format);
    }
  });
});

describe('npm run schema', () => {
  it('the committed JSON Schemas are the ones the validator\'s schemas generate', () => {
    const committed = (file: string) => JSON.parse(readFileSync(join(PROJECT, 'schema', file), 'utf8'));
    assert.deepEqual(committed('site.config.schema.json'), configJsonSchema(), 'run `npm run schema` and commit schema/');
    assert.deepEqual(committed('notice.schema.json'), noticeJsonSchema(), 'run `npm run schema` and commit schema/');
  });

  it('the site config names its schema for editors', () => {
    assert.match(readFileSync(join(PROJECT, 'site.config.yaml'), 'utf8'), /^# yaml-language-server: \$schema=\.\/schema\/site\.config\.schema\.json$/m);
  });
});
