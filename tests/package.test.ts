/**
 * The package travels: packed (`npm pack`, which compiles it) and installed
 * into a folder outside the repository that holds only a package.json, a
 * site.config.yaml and posts/, `npx noticeboard build` writes exactly what the
 * repository's own build of the same content writes, byte for byte, on
 * Node 20 (this one), 22 and 24, with no TypeScript loader installed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildFixture, PROJECT_ROOT } from './helpers/build-fixture.ts';
import { nodeBinary } from './helpers/node-binaries.ts';
import { installSite, packedTarball, readTree, runOk } from './helpers/packed.ts';

const CONTENT = 'tests/fixtures/valid';
const NOW = '2008-10-02 12:00';

/** The fixture's site.config.yaml and posts/, as files for a new folder. */
function content(): Record<string, string> {
  const root = join(PROJECT_ROOT, CONTENT);
  const files: Record<string, string> = {};
  for (const [path, bytes] of readTree(root)) files[path] = bytes.toString('utf8');
  return files;
}

function assertSameTree(actual: Map<string, Buffer>, expected: Map<string, Buffer>, label: string): void {
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), `${label}: the same files`);
  for (const [path, bytes] of expected) assert.ok(actual.get(path)!.equals(bytes), `${label}: ${path} differs from the repository's build`);
}

describe('the packed package, installed outside the repository', () => {
  let site: string;
  let expected: Map<string, Buffer>;
  const cli = () => join(site, 'node_modules', 'noticeboard', 'dist', 'cli', 'main.js');

  before(async () => {
    const tarball = await packedTarball();
    site = installSite(content(), tarball);
    // No TypeScript loader or compiler in the site: the package must run without them.
    for (const name of ['tsx', 'typescript']) rmSync(join(site, 'node_modules', name), { recursive: true, force: true });
    const repoBuild = await buildFixture({ from: CONTENT, now: NOW });
    expected = readTree(repoBuild.output);
    repoBuild.remove();
  });
  after(() => rmSync(site, { recursive: true, force: true }));

  test('the site folder holds only package.json, site.config.yaml and posts/ (and what npm installed)', () => {
    assert.deepEqual(readdirSync(site).sort(), ['node_modules', 'package-lock.json', 'package.json', 'posts', 'site.config.yaml']);
  });

  test('npx noticeboard build writes every page, feed, calendar and API file byte-identical to the repository build', () => {
    const result = runOk(site, 'npx', ['noticeboard', 'build'], { STATUS_NOW: NOW });
    assert.match(result.stdout, /^Built _site\/ in \d+\.\d\d s$/m);
    const built = readTree(join(site, '_site'));
    for (const path of ['index.html', 'feed.xml', 'api/v2/summary.json']) assert.ok(built.has(path), `_site/${path} is built`);
    assert.ok([...built.keys()].some((path) => path.endsWith('.ics')), 'a calendar is built');
    assertSameTree(built, expected, 'Node 20');
  });

  test('built again with no notice changed, it keeps the search index, says so, and writes the same files', () => {
    const result = runOk(site, 'npx', ['noticeboard', 'build'], { STATUS_NOW: NOW });
    assert.match(result.stdout, /^Built _site\/ in \d+\.\d\d s; search index unchanged, kept$/m);
    assertSameTree(readTree(join(site, '_site')), expected, 'built again');
  });

  for (const major of [22, 24]) {
    test(`the packed build on Node ${major} writes the same files`, () => {
      const node = nodeBinary(major);
      assert.match(runOk(site, node, ['--version']).stdout, new RegExp(`^v${major}\\.`));
      rmSync(join(site, '_site'), { recursive: true, force: true });
      runOk(site, node, [cli(), 'build'], { STATUS_NOW: NOW });
      assertSameTree(readTree(join(site, '_site')), expected, `Node ${major}`);
    });
  }

  test('the package is JavaScript: no module imports TypeScript or tsx, and tsx and typescript are not dependencies', () => {
    const packageRoot = join(site, 'node_modules', 'noticeboard');
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    assert.deepEqual(Object.keys(manifest.dependencies).filter((name) => name === 'tsx' || name === 'typescript'), []);
    const offenders: string[] = [];
    for (const [path, bytes] of readTree(join(packageRoot, 'dist'))) {
      if (!path.endsWith('.js')) continue;
      const text = bytes.toString('utf8');
      if (/['"]tsx(\/[^'"]*)?['"]/.test(text) || /(from |import\()\s*['"]\.{1,2}\/[^'"]*\.ts['"]/.test(text)) offenders.push(`dist/${path}`);
    }
    assert.deepEqual(offenders, []);
  });
});
