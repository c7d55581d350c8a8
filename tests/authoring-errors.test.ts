/**
 * Issue 12, "authoring at 3 AM", one test per item, each through the real
 * commands (`npm run …`, `npm start`) in child processes: what a NOC engineer
 * in Berlin sees (exit code, stdout, stderr), never a stack trace.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, get } from 'node:http';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { createFixture, PROJECT_ROOT, type Fixture } from './helpers/build-fixture.ts';

/** A Berlin ISP: a service without a group (`status`) and a retired one (`isdn`). */
const CONFIG = `title: Beispiel ISP Status
url: https://status.example.de
timezone: Europe/Berlin
services:
  - id: dns
    name: DNS resolvers
    group: Core
  - id: dsl
    name: DSL access
    group: Access
  - id: status
    name: Status hotline
  - id: isdn
    name: ISDN dial-in
    group: Access
    retired: true
`;

/** Monday 2025-03-31, 04:00 in Berlin (CEST). */
const NOW = '2025-03-31 04:00';

const notice = (front: string, body = 'Customers cannot resolve names.') => `---\n${front.trim()}\n---\n${body}\n`;
const INCIDENT = notice(`title: DNS resolvers down
type: incident
date: 2025-03-31 03:00
window:
  start: 2025-03-31 03:00
services: [dns]
authors: [NOC]`);

const fixtures: Fixture[] = [];
after(() => {
  for (const fixture of fixtures) fixture.remove();
});

function site(files: Record<string, string> = {}): Fixture {
  const fixture = createFixture({ files: { 'site.config.yaml': CONFIG, ...files } });
  fixtures.push(fixture);
  return fixture;
}

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

const SCRIPTS = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/**
 * `npm run <command> -- <args>` in the fixture, without a terminal: the
 * package.json script itself, run by the shell as npm runs it (without npm's
 * own second of start-up, times the many calls here).
 */
function npm(fixture: Fixture, command: string, args: string[] = [], options: { input?: string; env?: Record<string, string> } = {}): Result {
  const result = spawnSync('sh', ['-c', `${SCRIPTS[command]!} "$@"`, command, ...args], {
    cwd: fixture.root,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, STATUS_NOW: NOW, DEBUG: '', ...options.env },
  });
  const out = { code: result.status, stdout: result.stdout, stderr: result.stderr };
  if (!options.env?.DEBUG) assert.doesNotMatch(out.stderr, /^\s+at /m, `a stack trace in:\n${out.stderr}`);
  return out;
}

/** Exit 2 and exactly one line on stderr matching `pattern`; nothing on stdout. */
function assertUsage(result: Result, pattern: RegExp): void {
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
  assert.match(result.stderr.trimEnd(), pattern);
}

/** A source file of the fixture (not the built site). */
const source = (fixture: Fixture, path: string) => readFileSync(join(fixture.root, path), 'utf8');
const problemLines = (text: string) => text.split('\n').filter((line) => /^posts\/.*?:\d+: /.test(line));
const posts = (fixture: Fixture) =>
  existsSync(join(fixture.root, 'posts')) ? readdirSync(join(fixture.root, 'posts'), { recursive: true }).map(String).filter((p) => p.endsWith('.md')).sort() : [];

describe('issue 12: authoring at 3 AM', () => {
  it('1. no stack traces: usage mistakes exit 2 in one line with the nearest flag or status; the unexpected is one line with DEBUG=noticeboard for more', () => {
    const fixture = site({ 'posts/2025/03/dns-resolvers-down.md': INCIDENT });
    assertUsage(npm(fixture, 'new', ['--titel', 'x']), /^--titel: unknown flag; did you mean --title\?/);
    assertUsage(npm(fixture, 'check', ['--fromat', 'json']), /^--fromat: unknown flag; did you mean --format\?/);
    assertUsage(npm(fixture, 'check', ['--format', 'xml']), /^--format "xml" is not a format; use one of human, github, json$/);
    assertUsage(npm(fixture, 'build', ['--watch']), /^--watch: unknown flag/);
    assertUsage(npm(fixture, 'build', [], { env: { NOTICEBOARD_TIMINGS: '/no/such/folder/t.json' } }), /^NOTICEBOARD_TIMINGS=\/no\/such\/folder\/t\.json: the folder \/no\/such\/folder does not exist/);
    assertUsage(npm(fixture, 'schema', ['extra']), /^"extra": this command takes no such argument/);
    assertUsage(npm(fixture, 'bench', ['--notices', 'many']), /^--notices: give a whole number of notices/);
    assertUsage(npm(fixture, 'start', ['--prot', '8080']), /^--prot: unknown flag; did you mean --port\?/);
    assertUsage(npm(fixture, 'update', ['posts/2025/03/dns-resolver-down.md', '--status', 'resolved', '--body', 'x']), /^posts\/2025\/03\/dns-resolver-down\.md: no such file/);
    const file = 'posts/2025/03/dns-resolvers-down.md';
    assertUsage(npm(fixture, 'update', [file, '--status', 'resolvd', '--body', 'x']), /^--status: "resolvd" is not a status for an incident \(did you mean `resolved`\?\)/);
    // A body that starts with a dash is a body, not a flag.
    const dash = npm(fixture, 'update', [file, '--status', 'identified', '--body', '- still down']);
    assert.equal(dash.code, 0, dash.stderr);
    assert.match(source(fixture, file), /body: "- still down"|body: - still down|body: '- still down'/);

    // Something unexpected (a template that throws): one line, and the stack only with DEBUG=noticeboard.
    fixture.write('pages/boom.11ty.js', "export function render() { throw new Error('the boom template broke'); }\n");
    const unexpected = npm(fixture, 'build');
    assert.equal(unexpected.code, 1);
    assert.equal(unexpected.stderr.trimEnd().split('\n').length, 1, unexpected.stderr);
    assert.match(unexpected.stderr.trimEnd(), /^unexpected error: .*boom\.11ty\.js: the boom template broke \(run with DEBUG=noticeboard for details\)$/);
    const debug = npm(fixture, 'build', [], { env: { DEBUG: 'noticeboard' } });
    assert.equal(debug.code, 1);
    assert.match(debug.stderr, /the boom template broke/);
    assert.match(debug.stderr, /^\s+at /m);
  });

  it('2. no placeholder ever publishes: new takes --body or --body -, refuses without one in a script, and check reports a placeholder body', () => {
    const fixture = site();
    const flags = ['--title', 'DNS slow', '--services', 'dns', '--authors', 'NOC'];
    const refused = npm(fixture, 'new', flags);
    assertUsage(refused, /^--body is missing: give --body TEXT .* or --body - .*nothing was written$/);
    assert.deepEqual(posts(fixture), []);

    const given = npm(fixture, 'new', [...flags, '--body', 'Name lookups take seconds.']);
    assert.equal(given.code, 0, given.stderr);
    assert.match(source(fixture, 'posts/2025/03/dns-slow.md'), /---\nName lookups take seconds\.\n$/);
    const piped = npm(fixture, 'new', [...flags, '--title', 'DSL down', '--services', 'dsl', '--body', '-'], { input: 'Line one.\n\nLine two.\n' });
    assert.equal(piped.code, 0, piped.stderr);
    assert.match(source(fixture, 'posts/2025/03/dsl-down.md'), /---\nLine one\.\n\nLine two\.\n$/);
    const placeholder = npm(fixture, 'new', [...flags, '--title', 'Mail', '--body', 'Describe what customers see, since when.']);
    assertUsage(placeholder, /^--body: the body still holds the placeholder "Describe what customers see…"/);

    fixture.write('posts/2025/03/template.md', notice('title: X\ntype: notice\ndate: 2025-03-30 10:00\nauthors: [NOC]', 'Describe what customers see, since when, and what we are doing about it.'));
    const check = npm(fixture, 'check');
    assert.equal(check.code, 1);
    assert.deepEqual(problemLines(check.stdout), [
      'posts/2025/03/template.md:7: the body still holds the placeholder "Describe what customers see…": replace it with what customers see',
    ]);
  });

  it('3. --start HH:MM is today in the site zone, --date backdates, the same title gets a numbered slug, any script gets a slug', () => {
    const fixture = site();
    const base = ['--services', 'dns', '--authors', 'NOC', '--body', 'Names do not resolve.'];
    const today = npm(fixture, 'new', ['--title', 'DNS down', '--start', '03:05', ...base]);
    assert.equal(today.code, 0, today.stderr);
    assert.match(source(fixture, 'posts/2025/03/dns-down.md'), /window:\n {2}start: 2025-03-31 03:05\n/);
    const again = npm(fixture, 'new', ['--title', 'DNS down', ...base]);
    assert.match(again.stdout, /^Wrote posts\/2025\/03\/dns-down-2\.md$/m);
    assert.match(again.stdout, /https:\/\/status\.example\.de\/2025\/03\/31\/dns-down-2\//);

    const backfill = npm(fixture, 'new', ['--title', 'DNS down', '--date', '2024-11-05 14:20', '--start', '13:50', ...base]);
    assert.equal(backfill.code, 0, backfill.stderr);
    const old = source(fixture, 'posts/2024/11/dns-down.md');
    assert.match(old, /^date: 2024-11-05 14:20$/m);
    assert.match(old, /^ {2}start: 2024-11-05 13:50$/m);

    const japanese = npm(fixture, 'new', ['--title', '日本語', ...base]);
    assert.match(japanese.stdout, /^Wrote posts\/2025\/03\/ri-ben-yu\.md$/m);
    const german = npm(fixture, 'new', ['--title', 'Störung im Netz', ...base]);
    assert.match(german.stdout, /^Wrote posts\/2025\/03\/storung-im-netz\.md$/m);
    const symbols = npm(fixture, 'new', ['--title', '!!!', ...base]);
    assert.match(symbols.stdout, /^Wrote posts\/2025\/03\/incident-0400\.md$/m);
    const check = npm(fixture, 'check');
    assert.equal(check.code, 0, check.stdout);
  });

  it('4. new, update and check say when a time is in the future', () => {
    const fixture = site({ 'posts/2025/03/dns-resolvers-down.md': INCIDENT });
    const later = npm(fixture, 'new', ['--type', 'notice', '--title', 'Hotline hours', '--date', '2025-04-01 08:00', '--authors', 'NOC', '--body', 'The hotline opens at 8.']);
    assert.equal(later.code, 0, later.stderr);
    assert.match(later.stdout, /^It will be published at Tue, Apr 1, 2025, 8:00 AM \S+ \(in 1 day\), not before\.$/m);
    const update = npm(fixture, 'update', ['posts/2025/03/dns-resolvers-down.md', '--status', 'monitoring', '--at', '06:00', '--body', 'Watching.']);
    assert.equal(update.code, 0, update.stderr);
    assert.match(update.stdout, /^This update will show from Mon, Mar 31, 2025, 6:00 AM \S+ \(in 2 hours\), not before\.$/m);
    const check = npm(fixture, 'check');
    assert.equal(check.code, 0, check.stdout);
    assert.match(check.stdout, /^posts\/2025\/04\/hotline-hours\.md: "Hotline hours" will be published at Tue, Apr 1, 2025/m);
    assert.match(check.stdout, /^posts\/2025\/03\/dns-resolvers-down\.md: the update "monitoring" \(1 of 1\) will show from Mon, Mar 31, 2025, 6:00 AM/m);
  });

  it('5. YAML and schema messages in plain words, at the line that is wrong', () => {
    const fixture = site({
      'posts/2025/03/colon.md': notice('title: DNS: resolvers down\ntype: notice\ndate: 2025-03-30 10:00\nauthors: [NOC]'),
      'posts/2025/03/unclosed.md': '---\ntitle: DNS down\ntype: notice\ndate: 2025-03-30 10:00\nauthors: [NOC]\n\nNames do not resolve.\n',
      'posts/2025/03/indent.md': notice('title: DNS down\ntype: incident\ndate: 2025-03-30 10:00\nauthors: [NOC]\nservices: [dns]\nwindow:\n  start: 2025-03-30 10:00\n   duration: 2h'),
      'posts/2025/03/schema.md': notice('title: DNS down\ntype: notice\ndate: 2025-03-30 10:00\nauthors: []\ndraft: yes'),
    });
    const check = npm(fixture, 'check');
    assert.equal(check.code, 1);
    assert.deepEqual(problemLines(check.stdout), [
      'posts/2025/03/colon.md:2: the value of `title` has ": " in it, which YAML reads as another key; put the value in quotes: title: "DNS: resolvers down"',
      'posts/2025/03/indent.md:9: this line is indented more than line 8 (3 spaces, not 2): keys of the same mapping start in the same column',
      'posts/2025/03/schema.md:5: `authors`: give at least one name',
      'posts/2025/03/schema.md:6: `draft`: write true or false, not "yes"',
      'posts/2025/03/unclosed.md:5: the front matter is not closed: add a line `---` after its last key (line 5), before the body',
    ]);
    assert.doesNotMatch(check.stdout, /Too small|expected boolean|>=1/);
  });

  it('6. the DST gap names the valid choices, in the site zone, like the fall-back message', () => {
    const fixture = site({
      'posts/2025/03/gap.md': notice('title: DNS down\ntype: notice\ndate: 2025-03-30 02:30\nauthors: [NOC]'),
      'posts/2025/10/twice.md': notice('title: DNS down\ntype: notice\ndate: 2025-10-26 02:30\nauthors: [NOC]'),
      'posts/2025/03/typo.md': notice('title: DNS down\ntype: notice\ndate: 2025-03-30 noon\nauthors: [NOC]'),
    });
    const check = npm(fixture, 'check');
    assert.deepEqual(problemLines(check.stdout), [
      'posts/2025/03/gap.md:4: `date`: "2025-03-30 02:30" does not exist in Europe/Berlin: on 2025-03-30 clocks go from 02:00 CET to 03:00 CEST; write 01:30 or 03:30, or give an offset +01:00 / +02:00',
      'posts/2025/03/typo.md:4: `date`: "2025-03-30 noon" is not a time; write YYYY-MM-DD HH:MM (in Europe/Berlin), optionally with :SS and an offset like Z or +01:00',
      'posts/2025/10/twice.md:4: `date`: "2025-10-26 02:30" happens twice in Europe/Berlin as the clocks fall back; add an offset: "2025-10-26 02:30+02:00" (CEST) or "2025-10-26 02:30+01:00" (CET)',
    ]);
    assert.doesNotMatch(check.stdout, /-07:00|America/);
  });

  it('7. "did you mean" handles swapped letters', () => {
    const fixture = site({
      'posts/2025/03/typo.md': notice('title: DNS down\ntype: incident\ndate: 2025-03-30 10:00\nauthors: [NOC]\nservcies: [dns]\nservices: [dsn]\nwindow:\n  start: 2025-03-30 10:00'),
    });
    const check = npm(fixture, 'check');
    const lines = problemLines(check.stdout);
    assert.match(lines[0]!, /^posts\/2025\/03\/typo\.md:6: unknown key `servcies` \(did you mean `services`\?\)/);
    assert.match(lines[1]!, /^posts\/2025\/03\/typo\.md:7: `services`: unknown service `dsn` \(did you mean `dns`\?\)/);
  });

  it('8. files that look like notices but are not read are problems with the fix', () => {
    const fixture = site({
      'posts/2025/03/a.MD': INCIDENT,
      'posts/2025/03/b.markdown': INCIDENT,
      'posts/2025/03/c.md.txt': INCIDENT,
      'posts/2025/03/d.md ': INCIDENT,
      'posts/2025/03/e.md~': INCIDENT,
    });
    const check = npm(fixture, 'check');
    assert.equal(check.code, 1);
    assert.deepEqual(problemLines(check.stdout), [
      'posts/2025/03/a.MD:1: "a.MD" is not read: notice files end in ".md" (lowercase, nothing after it); rename it to "a.md"',
      'posts/2025/03/b.markdown:1: "b.markdown" is not read: notice files end in ".md" (lowercase, nothing after it); rename it to "b.md"',
      'posts/2025/03/c.md.txt:1: "c.md.txt" is not read: notice files end in ".md" (lowercase, nothing after it); rename it to "c.md"',
      'posts/2025/03/d.md :1: "d.md " is not read: notice files end in ".md" (lowercase, nothing after it); rename it to "d.md"',
    ]);
  });

  it('9. a body over the size limit is a problem; the default summary is cut at a word', () => {
    const log = `Router log:\n\n${'Mar 31 03:00:01 core1 %BGP-5-ADJCHANGE: neighbor 192.0.2.1 Down\n'.repeat(2000)}`;
    const long = `${'Customers in Berlin cannot resolve names since three in the morning '.repeat(6)}and we are on it.`;
    const fixture = site({
      'posts/2025/03/log.md': notice('title: DNS down\ntype: notice\ndate: 2025-03-30 10:00\nauthors: [NOC]', log),
    });
    const check = npm(fixture, 'check');
    assert.equal(check.code, 1);
    assert.deepEqual(problemLines(check.stdout), [
      'posts/2025/03/log.md:7: the body is 126 KB, over the limit of 64 KB (it goes into the page and every feed): keep a summary for customers and link to the log or details instead of pasting them',
    ]);

    fixture.write('posts/2025/03/log.md', notice('title: DNS down\ntype: notice\ndate: 2025-03-30 10:00\nauthors: [NOC]', long));
    const build = npm(fixture, 'build');
    assert.equal(build.code, 0, build.stderr);
    const summary = (JSON.parse(fixture.read('/feed.json')) as { items: { summary: string }[] }).items[0]!.summary;
    assert.ok(summary.length <= 201, `${summary.length} characters`);
    assert.match(summary, /^Customers in Berlin .* [a-z]+…$/);
    assert.ok(long.startsWith(summary.slice(0, -1)), 'cut at a word, not inside one');
    assert.match(long.slice(summary.length - 1), /^ /);
  });

  it('10 and 11. group is optional; a retired service keeps its notices and pages but leaves the home page, the status and the API', () => {
    const fixture = site({
      'posts/2024/01/isdn-down.md': notice('title: ISDN down\ntype: incident\ndate: 2024-01-10 10:00\nservices: [isdn]\nwindow:\n  start: 2024-01-10 10:00\nauthors: [NOC]'),
      'posts/2025/03/hotline.md': notice('title: Hotline down\ntype: incident\ndate: 2025-03-31 03:00\nservices: [status]\nwindow:\n  start: 2025-03-31 03:00\nimpact: critical\nauthors: [NOC]'),
    });
    const check = npm(fixture, 'check');
    assert.equal(check.code, 0, check.stdout);
    const build = npm(fixture, 'build');
    assert.equal(build.code, 0, build.stderr);
    const { document } = parseHTML(fixture.read('/index.html'));
    const listed = [...document.querySelectorAll('.service-group a[href^="/services/"]')].map((a) => a.getAttribute('href'));
    assert.ok(listed.includes('/services/status/'), `the ungrouped service is listed: ${listed.join(' ')}`);
    assert.ok(!listed.includes('/services/isdn/'), 'the retired service is not on the home page');
    assert.ok(fixture.exists('/services/isdn/index.html'), 'the retired service keeps its page');
    const isdn = parseHTML(fixture.read('/services/isdn/index.html')).document;
    assert.match(isdn.querySelector('main')!.textContent!, /ISDN down/);
    // It says it is retired, not a state it no longer has.
    assert.equal(isdn.querySelector('.state-now h2')!.textContent, 'Retired');
    assert.match(isdn.querySelector('.state-now p')!.textContent!, /ISDN dial-in is no longer offered/);
    assert.equal(isdn.querySelector('.state-now .asof'), null);
    const components = (JSON.parse(fixture.read('/api/v2/components.json')) as { components: { name: string; group: boolean; group_id: string | null }[] }).components;
    assert.ok(!components.some((c) => c.name === 'ISDN dial-in'));
    const hotline = components.find((c) => c.name === 'Status hotline')!;
    assert.equal(hotline.group_id, null);
    const retiredNew = npm(fixture, 'new', ['--title', 'ISDN again', '--services', 'isdn', '--authors', 'NOC', '--body', 'x y']);
    assertUsage(retiredNew, /^--services: `isdn` is retired/);
  });

  it('12. npm start prints problems without a stack, shows them on every page until fixed, and logs one line per rebuild', async () => {
    const fixture = site({ 'posts/2025/03/dns-resolvers-down.md': INCIDENT });
    const port = await freePort();
    const server = spawn('npm', ['start', '--', '--port', String(port)], {
      cwd: fixture.root,
      env: { ...process.env, STATUS_NOW: NOW, DEBUG: '' },
      detached: true,
    });
    let log = '';
    server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    /** Waits for `pattern` in the log after `from`; `write` again every few seconds meanwhile (the watcher may start after the server). */
    const waitFor = async (pattern: RegExp, from = 0, write?: () => void) => {
      write?.();
      for (let tick = 1; !pattern.test(log.slice(from)); tick++) {
        if (server.exitCode !== null) throw new Error(`npm start exited:\n${log}`);
        await new Promise((wake) => setTimeout(wake, 100));
        if (write && tick % 150 === 0 && log.length === from) write();
      }
    };
    try {
      await waitFor(/Preview at http:\/\/localhost:\d+\//);
      await waitFor(/Built _preview\/: wrote \d+ files in [\d.]+ s/);
      assert.equal((await fetchPage(port, '/')).status, 200);

      let from = log.length;
      let edit = 0;
      const broken = () => fixture.write('posts/2025/03/dns-resolvers-down.md', INCIDENT.replace('title: DNS resolvers down', `title: DNS: resolvers down ${++edit}`));
      await waitFor(/changed: 1 problem; every page shows them until they are fixed/, from, broken);
      const since = log.slice(from);
      assert.match(since, /^posts\/2025\/03\/dns-resolvers-down\.md:2: the value of `title` has ": " in it/m);
      assert.doesNotMatch(since, /^\s+at /m);
      for (const path of ['/', '/2025/03/31/dns-resolvers-down/', '/services/dns/']) {
        const page = await fetchPage(port, path);
        assert.equal(page.status, 500, path);
        const { document } = parseHTML(page.body);
        assert.match(document.querySelector('h1')!.textContent!, /^1 problem to fix$/);
        assert.match(document.querySelector('li code')!.textContent!, /dns-resolvers-down\.md:2: the value of `title`/);
      }

      from = log.length;
      const fixed = () => fixture.write('posts/2025/03/dns-resolvers-down.md', INCIDENT.replace('Customers cannot', 'Some customers cannot'));
      await waitFor(/changed: wrote \d+ files? in [\d.]+ s; the problems are fixed\n/, from, fixed);
      // One line per rebuild, nothing else (no line per file written).
      for (const line of log.slice(from).trimEnd().split('\n')) assert.match(line, /^\d\d:\d\d:\d\d posts\/2025\/03\/dns-resolvers-down\.md changed: wrote \d+ files? in [\d.]+ s/);
      const page = await fetchPage(port, '/2025/03/31/dns-resolvers-down/');
      assert.equal(page.status, 200);
      assert.match(parseHTML(page.body).document.querySelector('main')!.textContent!, /Some customers cannot resolve names/);

      // A broken notice deleted rather than fixed clears its problems too.
      from = log.length;
      const typo = 'posts/2025/03/typo.md';
      fixture.write(typo, INCIDENT.replace('title: DNS resolvers down', 'title: DNS: typo'));
      await waitFor(/typo\.md changed: 1 problem; every page shows them until they are fixed/, from);
      assert.equal((await fetchPage(port, '/')).status, 500);
      from = log.length;
      rmSync(join(fixture.root, typo));
      await waitFor(/typo\.md changed: wrote \d+ files? in [\d.]+ s; the problems are fixed\n/, from);
      assert.equal((await fetchPage(port, '/')).status, 200);
    } finally {
      if (server.exitCode === null) process.kill(-server.pid!, 'SIGTERM');
    }
  });

  it('12b. npm start on a site that has a problem from the start shows it on every page, then the site once fixed', async () => {
    const broken = INCIDENT.replace('title: DNS resolvers down', 'title: DNS: resolvers down');
    const fixture = site({ 'posts/2025/03/dns-resolvers-down.md': broken });
    const port = await freePort();
    const server = spawn('npm', ['start', '--', '--port', String(port)], { cwd: fixture.root, env: { ...process.env, STATUS_NOW: NOW, DEBUG: '' }, detached: true });
    let log = '';
    server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const waitFor = async (pattern: RegExp, from = 0) => {
      while (!pattern.test(log.slice(from))) {
        if (server.exitCode !== null) throw new Error(`npm start exited:\n${log}`);
        await new Promise((wake) => setTimeout(wake, 100));
      }
    };
    try {
      await waitFor(/Built _preview\/: 1 problem; every page shows them until they are fixed/);
      await waitFor(/Preview at http:\/\/localhost:\d+\//);
      assert.doesNotMatch(log, /unexpected error/);
      const page = await fetchPage(port, '/');
      assert.equal(page.status, 500);
      assert.match(parseHTML(page.body).document.querySelector('li code')!.textContent!, /dns-resolvers-down\.md:2: the value of `title`/);
      const from = log.length;
      fixture.write('posts/2025/03/dns-resolvers-down.md', INCIDENT);
      await waitFor(/changed: wrote \d+ files? in [\d.]+ s; the problems are fixed\n/, from);
      assert.equal((await fetchPage(port, '/')).status, 200);
    } finally {
      if (server.exitCode === null) process.kill(-server.pid!, 'SIGTERM');
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function fetchPage(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers: { 'sec-fetch-mode': 'navigate' } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}
