/**
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
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { restoreInterruptedSwap, TRASH_PREFIX } from '../src/site/publish.ts';
import { buildFixture, PROJECT_ROOT, SAMPLE_NOW, snapshot, type Fixture } from './helpers/build-fixture.ts';

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
const NEW_PAGE = '2008/10/01/core-router-upgrade/index.html';

const named = (root: string, prefix: string) => readdirSync(root).filter((name) => name.startsWith(prefix));

/** The pid of a process that has already exited: what a killed build's folder names carry. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['--eval', '']);
  assert.equal(child.status, 0);
  return child.pid!;
}

/** Waits until the background remover has deleted every trash folder (it runs on its own; no time is asserted). */
async function trashGone(root: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (named(root, TRASH_PREFIX).length) {
    assert.ok(Date.now() < deadline, `trash still there after 2 minutes: ${named(root, TRASH_PREFIX).join(', ')}`);
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
    assert.deepEqual(named(root, '_site.previous'), [], 'the old site is not kept under its "previous" name');
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
    assert.deepEqual(named(root, '_site.previous'), []);
    assert.deepEqual(named(root, '.site-staging-'), []);
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
    assert.deepEqual(named(root, '_site.previous'), []);
    await trashGone(root);
  });
});
