/**
 * `npm run ingest`: webhook payloads of each format (tests/fixtures/ingest/,
 * in their documented shapes) become incident notices, once; their resolution
 * appends a `resolved` update and nothing else; a bad payload or an alert no
 * rule matches writes nothing and says why. Then ingest -> check -> build.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseConfig } from '../src/content/config.ts';
import { parseNotice } from '../src/content/parse-notice.ts';
import { checkSite } from '../src/site/load-site.ts';
import { createFixture, snapshot, type Fixture } from './helpers/build-fixture.ts';
import { ingest, ingestConfig, INGEST_NOW } from './helpers/ingest-site.ts';

const fixtures: Fixture[] = [];
after(() => fixtures.forEach((fixture) => fixture.remove()));

function site(extra = ''): Fixture {
  const fixture = createFixture({ files: { 'site.config.yaml': ingestConfig(extra) }, now: INGEST_NOW, build: false });
  fixtures.push(fixture);
  return fixture;
}

function posts(fixture: Fixture): string[] {
  const dir = join(fixture.root, 'posts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(fixture.root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

function postsSnapshot(fixture: Fixture): Record<string, string> {
  return existsSync(join(fixture.root, 'posts')) ? snapshot(join(fixture.root, 'posts')) : {};
}

function notice(fixture: Fixture, path: string) {
  const { config } = parseConfig(ingestConfig(), 'site.config.yaml');
  const parsed = parseNotice(readFileSync(join(fixture.root, path), 'utf8'), path, config!);
  assert.deepEqual(parsed.problems, []);
  return parsed.notice!;
}

const FORMATS: { format: string; services: string[]; start: string; end: string; sourceId: string }[] = [
  { format: 'alertmanager', services: ['imap'], start: '2008-10-02T07:12:00.000Z', end: '2008-10-02T07:58:00.000Z', sourceId: '1a30ba71cca2921f' },
  { format: 'grafana', services: ['webmail'], start: '2008-10-02T07:05:00.000Z', end: '2008-10-02T07:41:00.000Z', sourceId: 'c6eadffa33fcdf37' },
  { format: 'uptime-kuma', services: ['webmail'], start: '2008-10-02T07:15:00.000Z', end: '2008-10-02T07:44:00.000Z', sourceId: '7' },
  // Gatus sends no times: the alert starts and ends at "now".
  { format: 'gatus', services: ['imap'], start: '2008-10-02T07:30:00.000Z', end: '2008-10-02T07:50:00.000Z', sourceId: 'mail/imap' },
];

for (const { format, services, start, end, sourceId } of FORMATS) {
  describe(`ingest ${format}`, () => {
    const fixture = site();

    it('opens a draft incident on the matched services for a firing alert', () => {
      const result = ingest(fixture.root, format, `${format}-firing.json`);
      assert.equal(result.status, 0, result.stderr);
      const [path, ...others] = posts(fixture);
      assert.deepEqual(others, []);
      assert.match(result.stdout, new RegExp(`Wrote ${path}: draft incident`));
      const written = notice(fixture, path!);
      assert.equal(written.type, 'incident');
      assert.equal(written.draft, true);
      assert.deepEqual(written.services, services);
      assert.deepEqual(written.source, { type: format, id: sourceId });
      assert.equal(written.window?.start.toISOString(), start);
      assert.equal(written.window?.end, undefined);
      assert.deepEqual(checkSite(fixture.root).problems, []);
    });

    it('changes nothing when the same alert fires again', () => {
      const before = postsSnapshot(fixture);
      const result = ingest(fixture.root, format, `${format}-firing.json`, '2008-10-02T00:40-07:00');
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /already covers it; nothing to do/);
      assert.deepEqual(postsSnapshot(fixture), before);
    });

    it('appends a resolved update at the alert\'s end, leaving every other byte as it was', () => {
      const [path] = posts(fixture);
      const before = readFileSync(join(fixture.root, path!), 'utf8');
      const result = ingest(fixture.root, format, `${format}-resolved.json`, '2008-10-02T00:50-07:00');
      assert.equal(result.status, 0, result.stderr);
      const afterText = readFileSync(join(fixture.root, path!), 'utf8');
      const closing = before.indexOf('---\n', 4);
      assert.equal(afterText.slice(0, closing), before.slice(0, closing), 'the front matter before the new update is unchanged');
      assert.equal(afterText.slice(afterText.indexOf('---\n', 4)), before.slice(closing), 'the body is unchanged');
      const resolved = notice(fixture, path!);
      assert.deepEqual(resolved.updates.map((u) => [u.status, u.at.toISOString()]), [['resolved', end]]);
      // Resolving again changes nothing.
      const snap = postsSnapshot(fixture);
      assert.equal(ingest(fixture.root, format, `${format}-resolved.json`, '2008-10-02T00:55-07:00').status, 0);
      assert.deepEqual(postsSnapshot(fixture), snap);
    });

    it('writes nothing for a malformed payload and says what is wrong', () => {
      const before = postsSnapshot(fixture);
      const result = ingest(fixture.root, format, `${format}-malformed.json`);
      assert.equal(result.status, 1);
      assert.match(result.stderr, new RegExp(`^\\S*${format}-malformed\\.json:1: not an? ${format} payload: `, 'm'));
      assert.match(result.stderr, /Nothing was written\./);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
      assert.deepEqual(postsSnapshot(fixture), before);
    });
  });
}

describe('ingest: payloads and rules', () => {
  it('opens one notice per alert of a payload with several, on each one\'s services', () => {
    const fixture = site();
    const result = ingest(fixture.root, 'alertmanager', 'alertmanager-several.json');
    assert.equal(result.status, 0, result.stderr);
    const paths = posts(fixture);
    assert.deepEqual(paths, ['posts/2008/10/dsl-lines-losing-sync-in-san-jose.md', 'posts/2008/10/webmail-is-slow.md']);
    assert.deepEqual(notice(fixture, paths[0]!).services, ['dsl']);
    assert.equal(notice(fixture, paths[0]!).impact, 'major', 'severity "error" is a major impact');
    assert.equal(notice(fixture, paths[1]!).impact, 'minor', 'severity "warning" is a minor impact');
    // An id that looks like a number stays a string.
    assert.deepEqual(notice(fixture, paths[0]!).source, { type: 'alertmanager', id: '00000000000004e5' });
  });

  it('refuses an alert that matches no rule, naming its labels, and writes nothing', () => {
    const fixture = site();
    const result = ingest(fixture.root, 'alertmanager', 'alertmanager-no-rule.json');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /alertname="DiskFull", instance="backup3"/);
    assert.match(result.stderr, /none of the 5 rule\(s\) in ingest.rules matches/);
    assert.deepEqual(posts(fixture), []);
  });

  it('reads stdin, publishes when configured, and uses the title and body templates', () => {
    const fixture = site(`  publish: true
  authors: NOC robot
  title: '{{ labels.alertname }} on {{ labels.instance | "the cluster" }}'
  body: 'Automatic notice: {{ annotations.description }}'
`);
    const result = ingest(fixture.root, 'alertmanager', { stdin: readFileSync(join(import.meta.dirname, 'fixtures/ingest/alertmanager-firing.json'), 'utf8') });
    assert.equal(result.status, 0, result.stderr);
    const written = notice(fixture, 'posts/2008/10/imaploginfailures-on-mail1-993.md');
    assert.equal(written.title, 'ImapLoginFailures on mail1:993');
    assert.equal(written.draft, false);
    assert.deepEqual(written.authors, ['NOC robot']);
    assert.equal(written.body, 'Automatic notice: More than 20% of IMAP logins fail on the mail cluster.');
  });

  it('keeps a person\'s edits and later updates when the alert resolves', () => {
    const fixture = site();
    assert.equal(ingest(fixture.root, 'alertmanager', 'alertmanager-firing.json').status, 0);
    const [path] = posts(fixture);
    const edited = readFileSync(join(fixture.root, path!), 'utf8')
      .replace('title: IMAP logins failing', 'title: "Mail: logins failing for some customers" # reworded by the NOC')
      .replace('draft: true\n', '')
      .replace('---\nMore than', 'updates:\n  - at: 2008-10-02 00:20\n    status: identified\n    body: A filer is slow.\n---\nMore than');
    fixture.write(path!, edited);
    const result = ingest(fixture.root, 'alertmanager', 'alertmanager-resolved.json');
    assert.equal(result.status, 0, result.stderr);
    const text = readFileSync(join(fixture.root, path!), 'utf8');
    assert.ok(text.includes('title: "Mail: logins failing for some customers" # reworded by the NOC'));
    const resolved = notice(fixture, path!);
    assert.deepEqual(resolved.updates.map((u) => u.status), ['identified', 'resolved']);
    assert.equal(resolved.draft, false);
  });

  it('opens a new notice when an alert fires again after its notice was resolved', () => {
    const fixture = site();
    assert.equal(ingest(fixture.root, 'uptime-kuma', 'uptime-kuma-firing.json').status, 0);
    assert.equal(ingest(fixture.root, 'uptime-kuma', 'uptime-kuma-resolved.json').status, 0);
    const later = readFileSync(join(import.meta.dirname, 'fixtures/ingest/uptime-kuma-firing.json'), 'utf8').replace('2008-10-02 07:15:00.123', '2008-10-02 09:00:00.000');
    assert.equal(ingest(fixture.root, 'uptime-kuma', { stdin: later }, '2008-10-02T02:05-07:00').status, 0);
    assert.deepEqual(posts(fixture), ['posts/2008/10/webmail-is-down-2.md', 'posts/2008/10/webmail-is-down.md']);
  });

  it('treats Uptime Kuma\'s test notification as nothing to do', () => {
    const fixture = site();
    const result = ingest(fixture.root, 'uptime-kuma', 'uptime-kuma-test.json');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /test notification/);
    assert.deepEqual(posts(fixture), []);
  });

  it('names the line of a payload that is not JSON; a usage mistake is one line and exit 2', () => {
    const fixture = site();
    const bad = ingest(fixture.root, 'alertmanager', 'not-json.json');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /not-json\.json:3: not valid JSON/);
    const unknown = ingest(fixture.root, 'nagios');
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr.trim(), 'unknown format "nagios"; use one of alertmanager, grafana, uptime-kuma, gatus');
    assert.equal(ingest(fixture.root, 'alertmanager', 'no-such-file.json').status, 2);
  });
});

describe('ingest config', () => {
  it('reports a bad matcher and a bad template with their lines, and then a rule\'s unknown service', () => {
    const text = ingestConfig(`  title: '{{ labels.alertname | severity }}'\n`).replace(`'service="imap"'`, `'service=="imap"'`);
    const messages = parseConfig(text, 'site.config.yaml').problems.map((p) => `${p.line}: ${p.message}`);
    assert.deepEqual(messages, [
      '11: `ingest.title`: {{ labels.alertname | severity }}: "severity" is not labels.<name>, annotations.<name> or "text"',
      '13: `ingest.rules[0].matchers[0]`: "service=="imap"" is not a label matcher; write e.g. job="imap", severity!="info" or instance=~"mail-.*"',
    ]);
    const typo = ingestConfig().replace("services: [webmail]\n    - matchers: ['monitor", "services: [webmal]\n    - matchers: ['monitor");
    assert.deepEqual(
      parseConfig(typo, 'site.config.yaml').problems.map((p) => `${p.line}: ${p.message}`),
      ['15: `ingest.rules[1].services`: unknown service `webmal` (did you mean `webmail`?); known services are imap, webmail, dsl'],
    );
  });
});
