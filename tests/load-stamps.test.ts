/**
 * Under the preview, a load takes its watcher's word for which notice files
 * changed: a file the watcher does not name is taken from the parse cache
 * without a look, one it names is read again (or dropped, when it is gone),
 * and a folder it names has the whole posts folder scanned. What the watcher
 * missed, `findUnnoticedChanges` finds behind it, for the preview to rebuild
 * after. When the folder is scanned, a file whose stamp (inode, size,
 * modification and change times) is unchanged is still taken unread; a file
 * changed less than two seconds before it was stamped is read again, since a
 * second write within the same tick of the file system's clock could leave
 * its stamp as it was. Without a watcher every file is read.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { createParseCache, findUnnoticedChanges, loadNotices } from '../src/content/load-notices.ts';
import { configYaml, testConfig } from './helpers/config.ts';
import { InvalidInputError } from '../src/content/problems.ts';
import { Site } from '../src/site/site.ts';

const config = testConfig(configYaml([['dsl', 'DSL access', 'Access']]));
const notice = (title: string) => `---
title: ${title}
type: notice
date: 2008-09-30 08:00
authors: [Jared]
---
Body.
`;

describe('the parse cache under a watcher', () => {
  const root = mkdtempSync(join(tmpdir(), 'noticeboard-stamps-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  let count = 0;
  /** A fresh posts folder with one notice in it. */
  const site = () => {
    const posts = join(root, `site-${++count}`, 'posts');
    mkdirSync(join(posts, '2008/09'), { recursive: true });
    const file = join(posts, '2008/09/backbone-flap.md');
    writeFileSync(file, notice('Backbone flap'));
    const cache = createParseCache();
    const load = (changed?: Set<string>) => {
      const loaded = loadNotices(posts, config, join(posts, '..'), cache, changed ? { changed } : {});
      return { titles: loaded.notices.map((n) => n.title).sort(), read: loaded.read, problems: loaded.problems.map((p) => `${p.file}: ${p.message}`) };
    };
    const missed = (signal?: AbortSignal) => findUnnoticedChanges(posts, join(posts, '..'), cache, signal);
    return { posts, file, cache, load, missed };
  };

  it('takes the watcher\'s word: a file it does not name is not looked at, one it names is read, added or dropped', () => {
    const { posts, file, load } = site();
    assert.deepEqual(load(new Set()), { titles: ['Backbone flap'], read: 1, problems: [] });
    assert.deepEqual(load(new Set()), { titles: ['Backbone flap'], read: 0, problems: [] });
    writeFileSync(file, notice('Backbone flop'));
    assert.deepEqual(load(new Set([file])), { titles: ['Backbone flop'], read: 1, problems: [] });
    const added = join(posts, '2008/09/dns-down.md');
    writeFileSync(added, notice('DNS down'));
    assert.deepEqual(load(new Set([added])), { titles: ['Backbone flop', 'DNS down'], read: 1, problems: [] });
    rmSync(file);
    assert.deepEqual(load(new Set([file])), { titles: ['DNS down'], read: 0, problems: [] });
    const misnamed = join(posts, '2008/09/imap-slow.MD');
    writeFileSync(misnamed, notice('IMAP slow'));
    assert.deepEqual(load(new Set([misnamed])).problems, [
      'posts/2008/09/imap-slow.MD: "imap-slow.MD" is not read: notice files end in ".md" (lowercase, nothing after it); rename it to "imap-slow.md"',
    ]);
    rmSync(misnamed);
    assert.deepEqual(load(new Set([misnamed])), { titles: ['DNS down'], read: 0, problems: [] });
    // A folder moved in: the whole posts folder is scanned, and the files in it are found.
    mkdirSync(join(posts, '2009/01'), { recursive: true });
    writeFileSync(join(posts, '2009/01/outage.md'), notice('Outage'));
    assert.deepEqual(load(new Set([join(posts, '2009')])), { titles: ['DNS down', 'Outage'], read: 2, problems: [] });
    // The same folder gone: named as a path that is no longer there, and not a file the cache knew.
    rmSync(join(posts, '2009'), { recursive: true });
    assert.deepEqual(load(new Set([join(posts, '2009')])).titles, ['DNS down']);
    // Paths outside the posts folder (the config, static files) are none of its business.
    assert.deepEqual(load(new Set([join(posts, '..', 'site.config.yaml'), join(posts, '..', 'public')])), { titles: ['DNS down'], read: 0, problems: [] });
  });

  it('finds what the watcher missed: files written, added or deleted without its word', async () => {
    const { posts, file, load, missed } = site();
    load(new Set());
    assert.deepEqual(await missed(), [], 'the text is as it was read');
    writeFileSync(file, notice('Backbone flop'));
    assert.deepEqual(load(new Set()).titles, ['Backbone flap'], 'not named: not looked at');
    assert.deepEqual(await missed(), [file]);
    assert.deepEqual(await missed(AbortSignal.abort()), [], 'a rebuild began: the look stops and says nothing');
    assert.deepEqual(load(new Set([file])).titles, ['Backbone flop']);
    assert.deepEqual(await missed(), []);
    const added = join(posts, '2008/09/dns-down.md');
    writeFileSync(added, notice('DNS down'));
    const misnamed = join(posts, '2008/09/imap-slow.markdown');
    writeFileSync(misnamed, notice('IMAP slow'));
    assert.deepEqual(await missed(), [added, misnamed]);
    assert.deepEqual(load(new Set([added, misnamed])).titles, ['Backbone flop', 'DNS down']);
    rmSync(added);
    assert.deepEqual(await missed(), [added]);
  });

  it('agrees with the scan on a symbolic link (not a notice file) and does not find it missed again and again', async () => {
    const { posts, load, missed } = site();
    load(new Set());
    const outside = join(posts, '..', 'elsewhere.md');
    writeFileSync(outside, notice('Linked'));
    const linked = join(posts, '2008/09/linked.md');
    symlinkSync(outside, linked);
    assert.deepEqual(load(new Set([linked])).titles, ['Backbone flap'], 'a link is not read, as the scan does not read it');
    assert.deepEqual(await missed(), []);
  });

  it('after the watcher and the scan disagreed, the next load scans the folder', async () => {
    const { posts, load, missed } = site();
    load(new Set());
    writeFileSync(join(posts, '2008/09/dns-down.md'), notice('DNS down'));
    assert.equal((await missed()).length, 1);
    // Named or not, the folder is scanned: the file is found.
    assert.deepEqual(load(new Set()).titles, ['Backbone flap', 'DNS down']);
  });

  it('when it scans the folder, reads a file written just now again, and trusts its stamp once it is older', async () => {
    const { posts, load } = site();
    const folder = join(posts, '2008');
    assert.deepEqual(load(new Set()).read, 1);
    // Too recent to be stamped: read again on the next scan.
    assert.deepEqual(load(new Set([folder])).read, 1);
    await sleep(2100);
    // Old enough now: stamped on this read, and taken unread by the next scan.
    assert.deepEqual(load(new Set([folder])).read, 1);
    assert.deepEqual(load(new Set([folder])).read, 0);
  });

  it('after a load the config failed, the next load scans the folder (the watcher named the edit to the failed one)', () => {
    const siteRoot = join(root, 'site-config');
    const file = join(siteRoot, 'posts/2008/09/backbone-flap.md');
    mkdirSync(join(siteRoot, 'posts/2008/09'), { recursive: true });
    const yaml = configYaml([['dsl', 'DSL access', 'Access']]);
    writeFileSync(join(siteRoot, 'site.config.yaml'), yaml);
    writeFileSync(file, notice('Backbone flap'));
    const preview = new Site({ root: siteRoot, now: new Date('2008-10-01T00:00:00Z') });
    const titles = (changed: string[]) => preview.load({ changedFiles: new Set(changed) }).notices.map((n) => n.title);
    assert.deepEqual(titles([]), ['Backbone flap']);
    writeFileSync(join(siteRoot, 'site.config.yaml'), 'title: [broken\n');
    writeFileSync(file, notice('Backbone flop'));
    assert.throws(() => titles([file]), InvalidInputError);
    writeFileSync(join(siteRoot, 'site.config.yaml'), yaml);
    assert.deepEqual(titles([join(siteRoot, 'site.config.yaml')]), ['Backbone flop']);
  });

  it('reads every file without a watcher', () => {
    const { load } = site();
    assert.deepEqual(load(), { titles: ['Backbone flap'], read: 1, problems: [] });
    assert.deepEqual(load(), { titles: ['Backbone flap'], read: 1, problems: [] });
  });
});
