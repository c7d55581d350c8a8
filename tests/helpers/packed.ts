/**
 * The project as a user gets it: `npm pack`ed (which compiles it, prepack) and
 * installed into throwaway folders outside the repository.
 *
 *   const tarball = await packedTarball();
 *   const site = installSite({ 'site.config.yaml': ..., 'posts/2008/09/x.md': ... }, tarball);
 *   run(site, 'npx', ['noticeboard', 'build'], { STATUS_NOW: '2008-10-02 12:00' });
 *
 * Packing takes a while (tsc over src/), so the tarball is kept under
 * os.tmpdir() keyed by a hash of everything that goes into it: test files
 * share one, and a second run with unchanged sources packs nothing. The pack
 * runs in a copy of the project (node_modules linked), so it never writes the
 * worktree's dist/ behind a developer's back.
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROJECT_ROOT } from './build-fixture.ts';

/** What goes into the package or into compiling it, relative to the project root. */
const SOURCES = ['src', 'public', 'schema', 'docs', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.gitignore'];

const CACHE = join(tmpdir(), 'noticeboard-test-pack');

/** Offline from npm's cache where it can, and quiet. */
export const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const name of SOURCES) {
    for (const file of filesUnder(join(PROJECT_ROOT, name))) {
      hash.update(relative(PROJECT_ROOT, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** The packed tarball of the project as it is now (packed once per change of the sources). */
export async function packedTarball(): Promise<string> {
  const dir = join(CACHE, sourcesHash());
  const tarball = join(dir, 'noticeboard.tgz');
  if (existsSync(tarball)) return tarball;
  mkdirSync(CACHE, { recursive: true });
  // One packer at a time (test files run in parallel); a lock older than 10 minutes was left by a killed run.
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(tarball)) return tarball;
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 600_000) rmSync(lock, { recursive: true, force: true });
      await sleep(500);
    }
  }
  try {
    if (existsSync(tarball)) return tarball;
    const copy = mkdtempSync(join(tmpdir(), 'noticeboard-pack-'));
    try {
      for (const name of SOURCES) if (existsSync(join(PROJECT_ROOT, name))) cpSync(join(PROJECT_ROOT, name), join(copy, name), { recursive: true });
      symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'));
      const out = execFileSync('npm', ['pack', '--json', '--pack-destination', copy, '--loglevel=error'], { cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      // npm prints prepack's output before the JSON.
      const [{ filename }] = JSON.parse(out.slice(out.indexOf('\n[') + 1)) as [{ filename: string }];
      mkdirSync(dir, { recursive: true });
      renameSync(join(copy, filename), tarball);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
    return tarball;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A new folder under os.tmpdir() holding `files` (path -> content). */
export function tempSite(files: Record<string, string>, prefix = 'noticeboard-site-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Every file of a folder as `relative/path` -> bytes. */
export function readTree(dir: string): Map<string, Buffer> {
  return new Map(filesUnder(dir).map((file) => [relative(dir, file).split(sep).join('/'), readFileSync(file)]));
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command` in `cwd` with `env` added to this process's environment (an undefined value removes the variable). */
export function run(cwd: string, command: string, args: string[], env: Record<string, string | undefined> = {}): RunResult {
  const merged = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  const result = spawnSync(command, args, { cwd, env: merged, encoding: 'utf8', timeout: 300_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Like `run`, but throws with everything the command printed unless it exits 0. */
export function runOk(cwd: string, command: string, args: string[], env: Record<string, string | undefined> = {}): RunResult {
  const result = run(cwd, command, args, env);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} in ${cwd} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/**
 * A site folder outside the repository holding only a package.json that
 * depends on the tarball, and `files`, with the tarball installed.
 */
export function installSite(files: Record<string, string>, tarball: string): string {
  const manifest = { name: 'packed-site', private: true, type: 'module', dependencies: { noticeboard: `file:${tarball}` } };
  const root = tempSite({ ...files, 'package.json': `${JSON.stringify(manifest, null, 2)}\n` });
  runOk(root, 'npm', ['install', ...NPM_FLAGS]);
  return root;
}
