/**
 * `npm run compile` (and `prepack`): the published package's JavaScript.
 * Cleans dist/, compiles src/ with tsconfig.build.json (src/x/y.ts ->
 * dist/x/y.js, so a module finds package files by the same relative URL from
 * either), then copies the files the engine reads at run time that are not
 * TypeScript: the locale catalogues and the files `noticeboard init` writes.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
/** Folders of src/ copied as they are (not compiled), relative to src/. */
const COPIED = ['i18n/locales', 'init/files'];

rmSync(resolve(root, 'dist'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', resolve(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
} catch {
  console.error('compile: tsc failed (see above); dist/ is incomplete');
  process.exit(1);
}
for (const folder of COPIED) cpSync(resolve(root, 'src', folder), resolve(root, 'dist', folder), { recursive: true });
console.log('compile: wrote dist/');
