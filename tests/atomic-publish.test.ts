/**
 * Issue 7: atomic publish. `npm run build` renders into `.site-staging-<pid>`
 * and renames it over `_site/` only when the build is complete, so a build that
 * is killed part-way, or that fails, leaves every file of the last good site
 * byte for byte as it was (src/build-site.ts).
 *
 * deploy/publish.sh, which copies a built site to a web server's folder, is
 * atomic too: readers of its `current` symlink never find the site missing.
 *
 * The kill is deterministic: the fixture gets one extra page whose render waits
 * a minute, so the build cannot finish; the test kills it (SIGKILL, no cleanup
 * possible) once its staging folder exists, that is, once it is writing.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { restoreInterruptedSwap, TRASH_PREFIX } from '../src/site/publish.ts';
import { buildFixture, PROJECT_ROOT, SAMPLE_NOW, snapshot, type Fixture } from './helpers/build-fixture.ts';

const BUILD = join(PROJECT_ROOT, 'src', 'cli', 'build.ts');
/** How `npm run build` starts it (package.json). */
const RUN = join(PROJECT_ROOT, 'scripts', 'dev.js');
const PUBLISH = join(PROJECT_ROOT, 'deploy', 'publish.sh');
const STATUS_NOW = SAMPLE_NOW;
const STAGING_PREFIX = '.site-staging-';

const NEW_NOTICE = `---
title: Core Router Upgrade
type: maintenance
date: 2008-10-01 10:00
window:
  start: 2008-10-08 00:00
  duration: 2h
services: [backbone]
authors: [NOC]
---
Upgrading the core routers.
`;

/** A page that never finishes rendering within the test: the build is stuck part-way. */
const SLOW_PAGE = `export const data = { permalink: '/slow.txt' };
export async function render() {
  await new Promise((resolve) => setTimeout(resolve, 60_000));
  return 'too late';
}
`;

const leftovers = (root: string, prefix: string) => readdirSync(root).filter((name) => name.startsWith(prefix));

/** `npm run build` as a user runs it, in the fixture's folder. */
function runBuild(root: string) {
  return spawnSync(process.execPath, [RUN, 'build'], {
    cwd: root,
    env: { ...process.env, STATUS_NOW },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('atomic publish', () => {
  const fixtures: Fixture[] = [];
  after(() => {
    for (const fixture of fixtures) fixture.remove();
  });

  /** The sample site, built; a test adds pages of its own (pages/) to it. */
  async function builtSite(): Promise<{ fixture: Fixture; root: string; site: string; before: Record<string, string>; inode: number }> {
    const fixture = await buildFixture({ from: PROJECT_ROOT, now: STATUS_NOW });
    fixtures.push(fixture);
    const { root, output: site } = fixture;
    const before = fixture.snapshot();
    assert.ok(Object.keys(before).length > 50, 'the first build wrote the site');
    return { fixture, root, site, before, inode: statSync(site).ino };
  }

  it('a build killed part-way leaves every file of the previous _site byte-identical, and the next build recovers', async () => {
    const { fixture, root, site, before, inode } = await builtSite();
    // A build that completed would change the site: a new notice, a new page.
    fixture.write('posts/2008/10/core-router-upgrade.md', NEW_NOTICE);
    fixture.write('pages/zz-slow.11ty.js', SLOW_PAGE);

    const child = spawn(process.execPath, ['--import', 'tsx', BUILD], { cwd: root, env: { ...process.env, STATUS_NOW }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<NodeJS.Signals | number | null>((done) => child.once('exit', (code, signal) => done(signal ?? code)));
    const staging = join(root, `${STAGING_PREFIX}${child.pid}`);
    try {
      const deadline = Date.now() + 60_000;
      while (!(existsSync(staging) && readdirSync(staging).length > 0)) {
        assert.equal(child.exitCode, null, `the build ended before it was killed:\n${output}`);
        assert.ok(Date.now() < deadline, `no staging folder ${staging} after 60 s:\n${output}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      assert.ok(child.kill('SIGKILL'));
    } finally {
      child.kill('SIGKILL');
    }
    assert.equal(await exited, 'SIGKILL');

    assert.ok(existsSync(staging), 'killed while writing: its half-built staging folder is still there');
    assert.ok(!existsSync(join(staging, 'slow.txt')));
    assert.deepEqual(snapshot(site), before, 'every file of _site/ is as it was, and no file was added');
    assert.equal(statSync(site).ino, inode, '_site/ is still the same folder');
    assert.deepEqual(leftovers(root, '_site.previous'), []);

    // The next build publishes, and clears the abandoned staging folder.
    unlinkSync(join(root, 'pages', 'zz-slow.11ty.js'));
    const next = runBuild(root);
    assert.equal(next.status, 0, next.stderr);
    assert.deepEqual(leftovers(root, STAGING_PREFIX), []);
    assert.deepEqual(leftovers(root, '_site.previous'), []);
    const after = snapshot(site);
    assert.ok(after['2008/10/01/core-router-upgrade/index.html'], 'the new notice is published');
    assert.notEqual(after['index.html'], before['index.html']);
  });

  it('a build that fails on a bad notice exits 1, says _site/ was left as it was, and leaves it byte-identical', async () => {
    const { fixture, root, site, before, inode } = await builtSite();
    fixture.write('posts/2008/10/core-router-upgrade.md', NEW_NOTICE);
    fixture.write('posts/2008/10/bad.md', NEW_NOTICE.replace('type: maintenance', 'type: outage'));

    const result = runBuild(root);
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /^posts\/2008\/10\/bad\.md:3: `type`: "outage" is not valid/m);
    assert.match(result.stderr, /Build failed: 1 problem\(s\); _site\/ was left as it was\./);
    assert.deepEqual(snapshot(site), before);
    assert.equal(statSync(site).ino, inode);
    assert.deepEqual(leftovers(root, STAGING_PREFIX), [], 'the failed build removed its staging folder');
    assert.deepEqual(leftovers(root, '_site.previous'), []);
  });

  it('a build that fails while rendering a page leaves _site byte-identical too', async () => {
    const { fixture, root, site, before, inode } = await builtSite();
    fixture.write('pages/zz-broken.11ty.js', `export function render() {\n  throw new Error('template bug');\n}\n`);

    const result = runBuild(root);
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /template bug/);
    assert.match(result.stderr, /^unexpected error: Build failed; _site\/ was left as it was: .*template bug.* \(run with DEBUG=noticeboard for details\)$/m);
    assert.doesNotMatch(result.stderr, /^\s+at /m);
    assert.deepEqual(snapshot(site), before);
    assert.equal(statSync(site).ino, inode);
    assert.deepEqual(leftovers(root, STAGING_PREFIX), []);
  });

  it('deploy/publish.sh switches the live copy in one step: a reader never finds it missing', async (t) => {
    const { root, site, before } = await builtSite();
    const www = join(root, 'www');
    const first = spawnSync(PUBLISH, [site, www], { encoding: 'utf8' });
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(snapshot(join(www, 'current')), before, 'the live copy is the built site, byte for byte');

    // Publish 12 times while reading the live site as fast as possible.
    const loop = spawn('bash', ['-c', `for i in $(seq 12); do "$0" "$1" "$2" >/dev/null || exit 1; done`, PUBLISH, site, www], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    loop.stderr.on('data', (chunk) => (stderr += chunk));
    let done = false;
    const exited = new Promise<number | null>((resolve) => loop.once('exit', (code) => ((done = true), resolve(code))));
    const index = readFileSync(join(site, 'index.html'));
    let reads = 0;
    const misses: string[] = [];
    while (!done) {
      for (const name of ['index.html', 'feed.xml', 'api/v2/summary.json']) {
        try {
          const bytes = readFileSync(join(www, 'current', name));
          if (name === 'index.html' && !bytes.equals(index)) misses.push(`${name}: different content`);
        } catch (error) {
          misses.push(`${name}: ${(error as NodeJS.ErrnoException).code}`);
        }
        reads++;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.equal(await exited, 0, stderr);
    // How many reads fit into 12 publishes depends on the machine: reported, not asserted.
    t.diagnostic(`${reads} reads during 12 publishes`);
    assert.ok(reads > 0, 'the live site was read while publishing');
    assert.deepEqual(misses, [], `${misses.length} of ${reads} reads failed`);

    const releases = readdirSync(join(www, 'releases')).sort();
    assert.equal(releases.length, 5, 'the newest 5 releases are kept');
    assert.equal(readlinkSync(join(www, 'current')), `releases/${releases.at(-1)}`, 'current is the newest');
    assert.deepEqual(snapshot(join(www, 'current')), before);
    assert.deepEqual(readdirSync(www).sort(), ['current', 'releases'], 'no temporary symlink left');
  });

  it('deploy/publish.sh refuses a folder that is not a built site', async () => {
    const fixture = await buildFixture({ build: false });
    fixtures.push(fixture);
    const { root } = fixture;
    mkdirSync(join(root, 'empty'));
    const result = spawnSync(PUBLISH, [join(root, 'empty'), join(root, 'www')], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /does not look like a built site/);
    assert.equal(existsSync(join(root, 'www', 'current')), false);
  });
});

/*
 * Issue 18: a rebuild over an existing `_site/` deletes the old site off the
 * build's path (src/site/publish.ts). The old site is renamed aside, the new
 * one renamed in, and the old one deleted by a detached process; a build
 * killed at any point of that leaves a complete site, and the next build
 * deletes whatever trash is left.
 *
 * A kill inside the two renames cannot be timed from outside, so each test
 * lays out exactly what a build killed at that point leaves (folders named
 * with the pid of a process that has exited) and runs the next build.
 */
const NEW_PAGE = '2008/10/01/core-router-upgrade/index.html';

/** The pid of a process that has already exited: what a killed build's folder names carry. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['--eval', '']);
  assert.equal(child.status, 0);
  return child.pid!;
}

/** Waits until the background remover has deleted every trash folder (it runs on its own; no time is asserted). */
async function trashGone(root: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (leftovers(root, TRASH_PREFIX).length) {
    assert.ok(Date.now() < deadline, `trash still there after 2 minutes: ${leftovers(root, TRASH_PREFIX).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A half-deleted old site, as a remover killed part-way leaves it. */
function halfDeletedTrash(root: string, site: string, pid: number): string {
  const trash = join(root, `${TRASH_PREFIX}${pid}-1`);
  cpSync(join(site, 'api'), join(trash, 'api'), { recursive: true });
  return trash;
}

describe('publishing over an existing site', () => {
  const fixtures: Fixture[] = [];
  after(() => {
    for (const fixture of fixtures) fixture.remove();
  });

  async function sample(): Promise<Fixture> {
    const fixture = await buildFixture({ from: PROJECT_ROOT, now: SAMPLE_NOW });
    fixtures.push(fixture);
    return fixture;
  }

  it('a rebuild publishes the new site at once and the old one is deleted in the background', async () => {
    const fixture = await sample();
    const { root, output } = fixture;
    fixture.write('posts/2008/10/core-router-upgrade.md', NEW_NOTICE);
    await fixture.rebuild();
    assert.ok(fixture.exists(`/${NEW_PAGE}`), 'the new notice is published');
    assert.deepEqual(leftovers(root, '_site.previous'), [], 'the old site is not kept under its "previous" name');
    await trashGone(root);
    // Built again from scratch elsewhere, the same content gives the same files.
    const fresh = await buildFixture({ from: root, now: SAMPLE_NOW });
    fixtures.push(fresh);
    assert.deepEqual(snapshot(output), fresh.snapshot());
  });

  it('a build killed between its two renames: the next build puts the old site back first, then publishes and deletes all trash', async () => {
    const fixture = await sample();
    const { root, output } = fixture;
    const before = fixture.snapshot();
    const pid = deadPid();
    // Killed after renaming _site aside, before renaming its staging folder in; an earlier remover was killed too.
    halfDeletedTrash(root, output, pid);
    renameSync(output, `${output}.previous-${pid}`);
    mkdirSync(join(root, `.site-staging-${pid}`));
    writeFileSync(join(root, `.site-staging-${pid}`, 'index.html'), 'half-built');

    restoreInterruptedSwap(output);
    assert.deepEqual(snapshot(output), before, 'the complete old site is back, not the half-deleted trash');
    renameSync(output, `${output}.previous-${pid}`);

    fixture.write('posts/2008/10/core-router-upgrade.md', NEW_NOTICE);
    await fixture.rebuild();
    assert.ok(fixture.exists(`/${NEW_PAGE}`));
    assert.deepEqual(leftovers(root, '_site.previous'), []);
    assert.deepEqual(leftovers(root, '.site-staging-'), []);
    await trashGone(root);
  });

  it('a build killed after its swap: the next build deletes the old site it left beside the new one', async () => {
    const fixture = await sample();
    const { root, output } = fixture;
    const pid = deadPid();
    // The killed build published; its old site is still under the "previous" name, not yet trash.
    cpSync(output, `${output}.previous-${pid}`, { recursive: true });
    halfDeletedTrash(root, output, pid);
    await fixture.rebuild();
    assert.ok(existsSync(join(output, 'index.html')));
    assert.deepEqual(leftovers(root, '_site.previous'), []);
    await trashGone(root);
  });
});
