/**
 * Runs the independent validators in ../shared/validators (check-site: RSS and
 * Atom RELAX NG + Schematron via xmllint, iCalendar via python3-vobject, JSON
 * parse) on a built site. They need Debian packages; when those are missing
 * this throws, saying what to install, so the test FAILS rather than skips.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from './build-fixture.ts';

export const VALIDATORS = resolve(PROJECT_ROOT, '../shared/validators');

const INSTALL_HINT =
  'install the Debian packages the validators need: `apt-get install -y libxml2-utils python3-vobject` (or `npm run test:setup`)';

/** Throws with an install hint unless xmllint and python3-vobject are present. */
export function assertValidatorTools(): void {
  if (!existsSync(resolve(VALIDATORS, 'check-site'))) {
    throw new Error(`validators not found at ${VALIDATORS} (the shared/ folder beside the project)`);
  }
  const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (xmllint.error || xmllint.status !== 0) throw new Error(`xmllint is missing: ${INSTALL_HINT}`);
  const vobject = spawnSync('/usr/bin/python3', ['-c', 'import vobject'], { encoding: 'utf8' });
  if (vobject.error || vobject.status !== 0) throw new Error(`python3-vobject is missing: ${INSTALL_HINT}`);
}

export interface CheckSiteResult {
  status: number | null;
  output: string;
  checked: number;
  failed: number;
}

/** Runs `check-site DIR`; the caller asserts on the result. */
export function runCheckSite(dir: string): CheckSiteResult {
  assertValidatorTools();
  const run = spawnSync(resolve(VALIDATORS, 'check-site'), [dir], { encoding: 'utf8' });
  if (run.error) throw run.error;
  const output = `${run.stdout}${run.stderr}`;
  const summary = /(\d+) checked, (\d+) failed/.exec(output);
  return {
    status: run.status,
    output,
    checked: summary ? Number(summary[1]) : 0,
    failed: summary ? Number(summary[2]) : Number.NaN,
  };
}
