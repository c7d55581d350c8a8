/**
 * `npm start` after edits to notices (issue 18): the rebuild renders only the
 * pages an edit can change (src/model/changed-pages.ts) and removes the pages
 * the content no longer has, so the preview's output folder is, file for
 * file, what a clean start of the same content writes; and pages of the
 * services an edit does not touch, or rendered to the same bytes, are not
 * written again.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createBuildRoot, type BuildRoot } from '../bench/lib/build-root.ts';
import { BENCH_NOW } from '../bench/lib/corpus.ts';
import { PROJECT_ROOT } from './helpers/build-fixture.ts';

/** Enough notices for numbered history pages (50 a page) of the whole list and of some services. */
const NOTICES = 240;
const DEV = join(PROJECT_ROOT, 'scripts/dev.js');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `noticeboard start` from the source, in `root`, writing into `output`; its log as it grows. */
class Preview {
  readonly process: ChildProcess;
  log = '';

  constructor(root: string, output: string, port: number) {
    this.process = spawn(process.execPath, [DEV, 'start', `--output=${output}`, `--port=${port}`], {
      cwd: root,
      env: { ...process.env, STATUS_NOW: BENCH_NOW, DEBUG: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process.stdout!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.process.stderr!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
  }

  /** Waits for `pattern` in the log after `from`; runs `again` every 10 s meanwhile (a write the watcher was not ready for). */
  async waitFor(pattern: RegExp, from = 0, again?: () => void): Promise<void> {
    const started = Date.now();
    for (let tick = 1; !pattern.test(this.log.slice(from)); tick++) {
      if (this.process.exitCode !== null) throw new Error(`npm start exited:\n${this.log}`);
      if (Date.now() - started > 180_000) throw new Error(`no ${pattern} in:\n${this.log.slice(from)}`);
      await new Promise((wake) => setTimeout(wake, 100));
      if (again && tick % 100 === 0) again();
    }
  }

  /** Until the log has been quiet a while: Eleventy's watcher is ready some time after its first build. */
  async quiet(ms = 2000): Promise<void> {
    for (let length = -1; length !== this.log.length; ) {
      length = this.log.length;
      await new Promise((wake) => setTimeout(wake, ms));
    }
  }

  stop(): void {
    if (this.process.exitCode === null) this.process.kill('SIGTERM');
  }
}

/** Every file below `dir`, '/'-separated relative path -> its stat's mtime (ns). */
function files(dir: string): Map<string, bigint> {
  const found = new Map<string, bigint>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(relative(dir, path).split(sep).join('/'), statSync(path, { bigint: true }).mtimeNs);
  }
  return found;
}

/** Every folder below `dir`, '/'-separated. */
function folders(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

describe('npm start after edits to notices', { timeout: 15 * 60_000 }, () => {
  let site: BuildRoot;
  let preview: Preview;
  const output = () => join(site.root, '_preview');

  before(async () => {
    site = createBuildRoot({ notices: NOTICES });
    preview = new Preview(site.root, '_preview', await freePort());
    await preview.waitFor(/Built _preview\/: wrote \d+ files/);
    await preview.quiet();
  });
  after(() => {
    preview?.stop();
    site?.remove();
  });

  /** Writes (or with `text` undefined deletes) a notice and waits for the preview's rebuild; the files before it. */
  async function edit(path: string, text: string | undefined): Promise<Map<string, bigint>> {
    const written = files(output());
    const from = preview.log.length;
    const change = () => (text === undefined ? rmSync(join(site.root, path), { force: true }) : writeFileSync(join(site.root, path), text));
    change();
    await preview.waitFor(/ changed: wrote \d+ files? in/, from, text === undefined ? undefined : change);
    await preview.quiet(500);
    return written;
  }

  /** The preview's folder and a clean start's of the same content hold the same files, byte for byte, and the same folders. */
  async function assertSameAsCleanStart(what: string): Promise<void> {
    const cleanDir = join(site.root, '_clean');
    // A clean start writes over what its folder holds: it must hold nothing.
    rmSync(cleanDir, { recursive: true, force: true });
    const clean = new Preview(site.root, '_clean', await freePort());
    try {
      await clean.waitFor(/Built _clean\/: wrote \d+ files/);
    } finally {
      clean.stop();
    }
    const expected = [...files(cleanDir).keys()].sort();
    const actual = [...files(output()).keys()].sort();
    assert.deepEqual(actual.filter((path) => !expected.includes(path)), [], `${what}: files a clean start does not write`);
    assert.deepEqual(expected.filter((path) => !actual.includes(path)), [], `${what}: files missing`);
    const differing = expected.filter((path) => !readFileSync(join(cleanDir, path)).equals(readFileSync(join(output(), path))));
    assert.deepEqual(differing, [], `${what}: files that differ from a clean start's`);
    assert.deepEqual(folders(output()), folders(cleanDir), `${what}: folders`);
  }

  /** The source and services of a notice of the corpus naming exactly `count` services, the `skip`th such. */
  function noticeNaming(count: number, skip = 0): { path: string; text: string; services: string[] } {
    const posts = join(site.root, 'posts');
    const found = readdirSync(posts, { recursive: true })
      .map(String)
      .filter((path) => path.endsWith('.md'))
      .sort()
      .map((path) => {
        const text = readFileSync(join(posts, path), 'utf8');
        return { path: `posts/${path.split(sep).join('/')}`, text, services: /^services: \[(.*)\]$/m.exec(text)?.[1]!.split(', ') ?? [] };
      })
      .filter((notice) => notice.services.length === count);
    return found[skip]!;
  }

  /** Services the site has that `services` does not name. */
  const untouched = (...services: string[][]) =>
    ['backbone', 'transit', 'peering', 'dsl', 'fiber', 'wireless', 'imap', 'smtp', 'webmail', 'web-hosting', 'shell', 'dns'].filter((id) => !services.flat().includes(id));

  /** None of the pages of `services` that only their own notices change was written again. */
  function assertNotRewritten(before: Map<string, bigint>, services: string[], what: string, { history = true } = {}): void {
    const after = files(output());
    const theirs = [...before.keys()].filter((path) =>
      services.some(
        (id) =>
          /^services\/[^/]+\/(feed\.xml|atom\.xml|feed\.json|maintenance\.ics|availability\.csv|availability\.json|availability\/.*)$/.test(path) && path.startsWith(`services/${id}/`) ||
          (history && path.startsWith(`history/service/${id}/`)),
      ),
    );
    assert.ok(theirs.length > services.length * 6, `${what}: the untouched services have pages (${theirs.length})`);
    assert.deepEqual(theirs.filter((path) => after.get(path) !== before.get(path)), [], `${what}: pages of untouched services written again`);
  }

  it('after a notice’s title is edited', async () => {
    const notice = noticeNaming(1);
    const before = await edit(notice.path, notice.text.replace(/^title: .*$/m, 'title: "A new title for the preview test"'));
    assertNotRewritten(before, untouched(notice.services), 'title edited');
    await assertSameAsCleanStart('title edited');
  });

  it('after an old notice’s body is edited: writes its page, and not the pages rendered to the same bytes', async () => {
    const notice = noticeNaming(1, 7);
    const before = await edit(notice.path, `${notice.text.trimEnd()}\n\nA sentence added by the preview test.\n`);
    const after = files(output());
    const rewritten = (path: string) => after.get(path) !== before.get(path);
    const page = [...after.keys()].find((path) => path.endsWith('/index.html') && readFileSync(join(output(), path), 'utf8').includes('A sentence added by the preview test.') && !/^\d{4}\/\d\d\/index\.html$/.test(path));
    assert.ok(page && rewritten(page), `the notice's page (${page}) is written`);
    const service = notice.services[0]!;
    const shown = ['index.html', 'api/v2/summary.json', 'api/v2/incidents.json', 'feed.xml', `services/${service}/feed.xml`, `services/${service}/atom.xml`].filter((path) =>
      readFileSync(join(output(), path), 'utf8').includes('A sentence added by the preview test.'),
    );
    assert.deepEqual(shown, [`services/${service}/feed.xml`, `services/${service}/atom.xml`], 'the edit shows in its service’s feeds alone');
    for (const path of ['index.html', 'api/v2/summary.json', 'api/v2/incidents.json', 'feed.xml', `services/${service}/index.html`]) {
      assert.equal(rewritten(path), false, `${path}: the same bytes, not written again`);
    }
    for (const path of shown) assert.ok(rewritten(path), `${path} is written`);
    await assertSameAsCleanStart('body edited');
  });

  it('after a notice’s services are changed', async () => {
    const notice = noticeNaming(1, 3);
    const moved = notice.services[0] === 'dns' ? 'shell' : 'dns';
    const before = await edit(notice.path, notice.text.replace(/^services: .*$/m, `services: [${moved}]`));
    // Every history page shows every service's count, and two of them changed.
    assertNotRewritten(before, untouched(notice.services, [moved]), 'services changed', { history: false });
    await assertSameAsCleanStart('services changed');
  });

  it('after a notice is added', async () => {
    const notice = noticeNaming(2);
    const text = notice.text.replace(/^title: .*$/m, 'title: "A notice added by the preview test"');
    const before = await edit(notice.path.replace(/\.md$/, '-added.md'), text);
    assertNotRewritten(before, untouched(notice.services), 'notice added', { history: false });
    await assertSameAsCleanStart('notice added');
  });

  it('after a notice is deleted', async () => {
    const notice = noticeNaming(1, 5);
    const before = await edit(notice.path, undefined);
    assertNotRewritten(before, untouched(notice.services), 'notice deleted', { history: false });
    await assertSameAsCleanStart('notice deleted');
  });
});

describe('npm start after a write while it was starting', { timeout: 5 * 60_000 }, () => {
  // Eleventy starts its watcher only after the first build: a file written between the build's
  // reading and the watcher being ready raises no event. The check behind the watcher finds it.
  it('rebuilds after a notice written right after the first build, without another change', async () => {
    const site = createBuildRoot({ notices: 40 });
    const preview = new Preview(site.root, '_preview', await freePort());
    try {
      const posts = join(site.root, 'posts');
      const path = readdirSync(posts, { recursive: true }).map(String).filter((name) => name.endsWith('.md')).sort()[0]!;
      const text = readFileSync(join(posts, path), 'utf8');
      await preview.waitFor(/Built _preview\/: wrote \d+ files/);
      const from = preview.log.length;
      writeFileSync(join(posts, path), `${text.trimEnd()}\n\nWritten while the preview was starting.\n`);
      await preview.waitFor(/ changed: wrote \d+ files? in/, from);
      const pages = readdirSync(join(site.root, '_preview'), { recursive: true }).map(String).filter((name) => name.endsWith('index.html'));
      assert.ok(
        pages.some((page) => readFileSync(join(site.root, '_preview', page), 'utf8').includes('Written while the preview was starting.')),
        'the notice’s page shows the write',
      );
    } finally {
      preview.stop();
      site.remove();
    }
  });
});
