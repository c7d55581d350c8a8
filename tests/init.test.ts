/**
 * `noticeboard init` from the packed package: a new site that holds only what
 * is the operator's, installs with `npm ci` against the packed tarball, and
 * checks and builds with its example notice; a folder that holds a site
 * already is refused. Also the binary's own answers: --version, and one line
 * with exit 2 for an unknown command.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { PROJECT_ROOT } from './helpers/build-fixture.ts';
import { installSite, NPM_FLAGS, packedTarball, readTree, run, runOk, tempSite } from './helpers/packed.ts';

const VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('noticeboard init, from the packed package', () => {
  let tarball: string;
  /** A folder with the packed package installed, to run `noticeboard init` from. */
  let tool: string;
  /** Where init writes (a new folder inside a temporary one). */
  let parent: string;
  let site: string;
  let initOutput: string;
  const noticeboard = (cwd: string, args: string[], env: Record<string, string | undefined> = {}) =>
    run(cwd, process.execPath, [join(tool, 'node_modules', 'noticeboard', 'dist', 'cli', 'main.js'), ...args], env);

  before(async () => {
    tarball = await packedTarball();
    tool = installSite({}, tarball);
    parent = tempSite({}, 'noticeboard-init-');
    site = join(parent, 'my-status');
    const result = noticeboard(parent, ['init', 'my-status']);
    assert.equal(result.status, 0, result.stderr);
    initOutput = result.stdout;
  });
  after(() => {
    for (const dir of [tool, parent]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('writes only the operator\'s files, lists them and the next commands', () => {
    const files = [...readTree(site).keys()].sort();
    const notices = files.filter((path) => path.startsWith('posts/'));
    assert.equal(notices.length, 1);
    assert.match(notices[0]!, /^posts\/\d{4}\/\d{2}\/status-site-live\.md$/);
    assert.deepEqual(
      files.filter((path) => !path.startsWith('posts/')),
      ['.github/workflows/status-site.yml', '.gitignore', '.gitlab-ci.yml', 'README.md', 'package.json', 'site.config.yaml'],
    );
    for (const path of files) assert.match(initOutput, new RegExp(`^  ${path.replaceAll('.', '\\.')}$`, 'm'));
    assert.match(initOutput, /^  cd my-status$/m);
    assert.match(initOutput, /^  npm install$/m);
    assert.match(initOutput, /npx noticeboard build/);
  });

  test('package.json depends on exactly this version, with scripts calling the command', () => {
    const manifest = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8'));
    assert.equal(manifest.name, 'my-status', 'named after its folder');
    assert.equal(manifest.private, true);
    assert.equal(manifest.type, 'module');
    assert.deepEqual(manifest.dependencies, { noticeboard: VERSION });
    assert.deepEqual(manifest.scripts, { build: 'noticeboard build', start: 'noticeboard start', check: 'noticeboard check', new: 'noticeboard new', update: 'noticeboard update' });
  });

  test('the CI files check on pull and merge requests and build on main and on a schedule, with the clock\'s now', () => {
    const github = parseYaml(readFileSync(join(site, '.github/workflows/status-site.yml'), 'utf8'));
    assert.ok('pull_request' in github.on && 'schedule' in github.on);
    assert.deepEqual(github.on.push.branches, ['main']);
    const runs = (job: string) => github.jobs[job].steps.map((step: { run?: string }) => step.run).filter(Boolean);
    assert.deepEqual(runs('check'), ['npm ci', 'npx noticeboard check --format github']);
    assert.deepEqual(runs('build'), ['npm ci', 'npx noticeboard build']);
    assert.equal(github.jobs.build.steps.find((step: { uses?: string }) => step.uses?.startsWith('actions/setup-node')).with['node-version'], 20);
    const gitlab = parseYaml(readFileSync(join(site, '.gitlab-ci.yml'), 'utf8'));
    assert.equal(gitlab.image, 'node:20');
    assert.deepEqual(gitlab.check.script, ['npm ci', 'npx noticeboard check']);
    assert.deepEqual(gitlab.pages.script.slice(0, 2), ['npm ci', 'npx noticeboard build']);
    for (const text of [readFileSync(join(site, '.github/workflows/status-site.yml'), 'utf8'), readFileSync(join(site, '.gitlab-ci.yml'), 'utf8')]) {
      assert.doesNotMatch(text.replace(/#.*$/gm, ''), /STATUS_NOW/);
    }
  });

  test('npm ci against the packed tarball, then check and build: the example notice has its page', () => {
    const manifest = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8'));
    manifest.dependencies.noticeboard = `file:${tarball}`;
    writeFileSync(join(site, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    runOk(site, 'npm', ['install', '--package-lock-only', ...NPM_FLAGS]);
    runOk(site, 'npm', ['ci', ...NPM_FLAGS]);

    const [notice] = [...readTree(join(site, 'posts')).keys()];
    const date = /^date: (\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2})$/m.exec(readFileSync(join(site, 'posts', notice!), 'utf8'));
    assert.ok(date, 'the example notice has a date');
    // The build's now: the notice's own time (in the config's zone), so it is published.
    const now = `${date[1]}-${date[2]}-${date[3]} ${date[4]}`;

    const check = runOk(site, 'npx', ['noticeboard', 'check'], { STATUS_NOW: now });
    assert.match(check.stdout, /^OK: 1 notice file\(s\) and the site configuration are valid\.$/m);
    runOk(site, 'npx', ['noticeboard', 'build'], { STATUS_NOW: now });
    const page = join(site, '_site', date[1]!, date[2]!, date[3]!, 'status-site-live', 'index.html');
    assert.ok(existsSync(page), `${page} is built`);
    assert.match(readFileSync(page, 'utf8'), /This status site is live/);
  });

  test('a folder that holds a site already: one line, exit 2, nothing written', () => {
    const taken = tempSite({ 'site.config.yaml': 'title: Mine\n' }, 'noticeboard-taken-');
    try {
      const result = noticeboard(taken, ['init']);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, `${join(taken, 'site.config.yaml')} exists: ${taken} already holds a site; init writes only into a new or empty folder\n`);
      assert.deepEqual([...readTree(taken).keys()], ['site.config.yaml']);
    } finally {
      rmSync(taken, { recursive: true, force: true });
    }
  });

  test('a folder with a file init would write: one line naming it, exit 2, nothing written', () => {
    const taken = tempSite({ 'README.md': 'Ours\n' }, 'noticeboard-taken-');
    try {
      assert.deepEqual(noticeboard(taken, ['init']), {
        status: 2,
        stdout: '',
        stderr: `${join(taken, 'README.md')} exists and init writes over no file: move it away, or init into a new folder\n`,
      });
      assert.deepEqual([...readTree(taken).keys()], ['README.md']);
    } finally {
      rmSync(taken, { recursive: true, force: true });
    }
  });

  test('noticeboard --version prints the package version', () => {
    assert.deepEqual(noticeboard(tool, ['--version']), { status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  test('an unknown command: one line naming the nearest command, exit 2', () => {
    assert.deepEqual(noticeboard(tool, ['biuld']), {
      status: 2,
      stdout: '',
      stderr: 'noticeboard: "biuld" is not a command; did you mean "noticeboard build"? (noticeboard --help)\n',
    });
    assert.equal(noticeboard(tool, ['--versoin']).stderr, 'noticeboard: "--versoin" is not a command; did you mean "noticeboard --version"? (noticeboard --help)\n');
  });
});
