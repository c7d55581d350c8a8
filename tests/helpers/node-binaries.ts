/**
 * Node.js binaries of other major versions, from npm's `node` package, for
 * running the packed build on every Node the package supports. Installed once
 * into a folder under os.tmpdir() and reused; a failed download fails the test
 * that asked, saying what to install (no test skips for want of them).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NPM_FLAGS, run } from './packed.ts';

const CACHE = join(tmpdir(), 'noticeboard-test-node');

/** The path of a `node` binary of major version `major` (e.g. 22). */
export function nodeBinary(major: number): string {
  const prefix = join(CACHE, String(major));
  const binary = join(prefix, 'node_modules', 'node', 'bin', 'node');
  if (existsSync(binary) && run(prefix, binary, ['--version']).stdout.startsWith(`v${major}.`)) return binary;
  mkdirSync(prefix, { recursive: true });
  const install = run(prefix, 'npm', ['install', '--no-save', '--prefix', prefix, `node@${major}`, ...NPM_FLAGS]);
  if (install.status !== 0 || !existsSync(binary)) {
    throw new Error(
      `could not install Node ${major} from the npm registry (npm install --no-save --prefix ${prefix} node@${major} exited ${install.status}: ${install.stderr.trim().split('\n').at(-1)}); ` +
        `make the registry reachable or run that command by hand, then run the tests again`,
    );
  }
  return binary;
}
