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
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildAt, createSite, PROJECT } from './helpers/site-fixture.ts';

const BUILD = join(PROJECT, 'src', 'cli', 'build.ts');
/** How `npm run build` starts it (package.json). */
const RUN = join(PROJECT, 'src', 'cli', 'run.js');
const PUBLISH = join(PROJECT, 'deploy', 'publish.sh');
const STATUS_NOW = '2008-10-02T00:30-07:00';
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
export async function render(): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 60_000));
  return 'too late';
}
`;

/** Every file under `dir` with the SHA-256 of its bytes, by relative path. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path).split(sep).join('/')] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

function addNotice(root: string, path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

const leftovers = (root: string, prefix: string) => readdirSync(root).filter((name) => name.startsWith(prefix));

/** `npm run build` as a user runs it, in the fixture's folder. */
function runBuild(root: string) {
  return spawnSync(process.execPath, [RUN, BUILD], {
    cwd: root,
    env: { ...process.env, STATUS_NOW },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

/**
 * Replaces the fixture's templates (a symlink to the project's) with a folder
 * linking each of them, so a test can add pages of its own.
 */
function ownTemplates(root: string): string {
  const dir = join(root, 'templates');
  unlinkSync(dir);
  mkdirSync(dir);
  for (const name of readdirSync(join(PROJECT, 'templates'))) symlinkSync(join(PROJECT, 'templates', name), join(dir, name));
  return dir;
}

describe('atomic publish', () => {
  const roots: string[] = [];
  after(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  async function builtSite(): Promise<{ root: string; site: string; before: Record<string, string>; inode: number }> {
    const root = createSite({ samplePosts: true });
    roots.push(root);
    const site = await buildAt(root, STATUS_NOW);
    const before = snapshot(site);
    assert.ok(Object.keys(before).length > 50, 'the first build wrote the site');
    return { root, site, before, inode: statSync(site).ino };
  }

  it('a build killed part-way leaves every file of the previous _site byte-identical, and the next build recovers', async () => {
    const { root, site, before, inode } = await builtSite();
    // A build that completed would change the site: a new notice, a new page.
    addNotice(root, 'posts/2008/10/core-router-upgrade.md', NEW_NOTICE);
    const slowPage = join(ownTemplates(root), 'zz-slow.11ty.ts');
    writeFileSync(slowPage, SLOW_PAGE);

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
    unlinkSync(slowPage);
    const next = runBuild(root);
    assert.equal(next.status, 0, next.stderr);
    assert.deepEqual(leftovers(root, STAGING_PREFIX), []);
    assert.deepEqual(leftovers(root, '_site.previous'), []);
    const after = snapshot(site);
    assert.ok(after['2008/10/01/core-router-upgrade/index.html'], 'the new notice is published');
    assert.notEqual(after['index.html'], before['index.html']);
  });

  it('a build that fails on a bad notice exits 1, says _site/ was left as it was, and leaves it byte-identical', async () => {
    const { root, site, before, inode } = await builtSite();
    addNotice(root, 'posts/2008/10/core-router-upgrade.md', NEW_NOTICE);
    addNotice(root, 'posts/2008/10/bad.md', NEW_NOTICE.replace('type: maintenance', 'type: outage'));

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
    const { root, site, before, inode } = await builtSite();
    writeFileSync(join(ownTemplates(root), 'zz-broken.11ty.ts'), `export function render(): string {\n  throw new Error('template bug');\n}\n`);

    const result = runBuild(root);
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /template bug/);
    assert.match(result.stderr, /Build failed; _site\/ was left as it was\./);
    assert.deepEqual(snapshot(site), before);
    assert.equal(statSync(site).ino, inode);
    assert.deepEqual(leftovers(root, STAGING_PREFIX), []);
  });

  it('deploy/publish.sh switches the live copy in one step: a reader never finds it missing', async () => {
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
    assert.ok(reads > 100, `only ${reads} reads`);
    assert.deepEqual(misses, [], `${misses.length} of ${reads} reads failed`);

    const releases = readdirSync(join(www, 'releases')).sort();
    assert.equal(releases.length, 5, 'the newest 5 releases are kept');
    assert.equal(readlinkSync(join(www, 'current')), `releases/${releases.at(-1)}`, 'current is the newest');
    assert.deepEqual(snapshot(join(www, 'current')), before);
    assert.deepEqual(readdirSync(www).sort(), ['current', 'releases'], 'no temporary symlink left');
  });

  it('deploy/publish.sh refuses a folder that is not a built site', async () => {
    const root = createSite();
    roots.push(root);
    mkdirSync(join(root, 'empty'));
    const result = spawnSync(PUBLISH, [join(root, 'empty'), join(root, 'www')], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /does not look like a built site/);
    assert.equal(existsSync(join(root, 'www', 'current')), false);
  });
});
