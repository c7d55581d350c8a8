/**
 * Under the preview, a notice file the watcher does not name is taken from the
 * parse cache unread while its stamp (inode, size, modification and change
 * times) is unchanged. These tests pin when that is allowed: a file the
 * watcher names is always read; a file changed less than two seconds before it
 * was stamped is read again next time, since a second write within the same
 * tick of the file system's clock could leave its stamp as it was; without a
 * watcher every file is read.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { createParseCache, loadNotices } from '../src/content/load-notices.ts';
import { configYaml, testConfig } from './helpers/config.ts';

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
  const posts = join(root, 'posts');
  mkdirSync(join(posts, '2008/09'), { recursive: true });
  const file = join(posts, '2008/09/backbone-flap.md');
  const load = (cache: ReturnType<typeof createParseCache>, changed?: Set<string>) => {
    const loaded = loadNotices(posts, config, root, cache, changed ? { changed } : {});
    assert.deepEqual(loaded.problems, []);
    return { titles: loaded.notices.map((n) => n.title), read: loaded.read };
  };

  it('reads a file written just now again on the next load, and trusts its stamp once it is older', async () => {
    const cache = createParseCache();
    writeFileSync(file, notice('Backbone flap'));
    assert.deepEqual(load(cache, new Set()), { titles: ['Backbone flap'], read: 1 });
    // Too recent to be stamped: read again.
    assert.deepEqual(load(cache, new Set()), { titles: ['Backbone flap'], read: 1 });
    await sleep(2100);
    // Old enough now: stamped on this read, and taken unread afterwards.
    assert.deepEqual(load(cache, new Set()), { titles: ['Backbone flap'], read: 1 });
    assert.deepEqual(load(cache, new Set()), { titles: ['Backbone flap'], read: 0 });
    // The watcher names it: read whatever its stamp.
    assert.deepEqual(load(cache, new Set([file])), { titles: ['Backbone flap'], read: 1 });
    // Written again without the watcher's word: read (its change time moved, and is too recent to trust).
    writeFileSync(file, notice('Backbone flop'));
    assert.deepEqual(load(cache, new Set()), { titles: ['Backbone flop'], read: 1 });
  });

  it('reads every file without a watcher', () => {
    const cache = createParseCache();
    writeFileSync(file, notice('Backbone flap'));
    assert.deepEqual(load(cache), { titles: ['Backbone flap'], read: 1 });
    assert.deepEqual(load(cache), { titles: ['Backbone flap'], read: 1 });
  });
});
