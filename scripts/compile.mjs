/**
 * `npm run compile` (and `prepack`): the published package's JavaScript.
 * Cleans dist/, compiles src/ with tsconfig.build.json (src/x/y.ts ->
 * dist/x/y.js, so a module finds package files by the same relative URL from
 * either), then copies the files the engine reads at run time that are not
 * TypeScript: the locale catalogues and the files `noticeboard init` writes.
 *
 * Last, the binary: `dist/cli/main.js`, the `noticeboard` command, is
 * replaced by a bundle of the same code made with esbuild (its lazily loaded
 * parts split into `dist/cli/main-<hash>.js` files beside it). Loading a few
 * hundred small modules one by one was most of a command's start-up (0.46 s
 * before the first notice was read; see docs/performance.md); one bundle
 * loads in a fraction of that. The library entry points (`noticeboard`,
 * `noticeboard/eleventy`) stay the compiled modules, for host projects to
 * import. Eleventy, Pagefind, nodemailer and gray-matter stay outside the
 * bundle: they find their own files at run time, and load only when needed.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const src = resolve(root, 'src');
const dist = resolve(root, 'dist');
/** Folders of src/ copied as they are (not compiled), relative to src/. */
const COPIED = ['i18n/locales', 'init/files'];
/** Packages the binary imports from node_modules at run time instead of bundling. */
const NOT_BUNDLED = ['@11ty/eleventy', 'pagefind', 'nodemailer', 'gray-matter'];
const BINARY_DIR = resolve(dist, 'cli');

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', resolve(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
} catch {
  console.error('compile: tsc failed (see above); dist/ is incomplete');
  process.exit(1);
}
for (const folder of COPIED) cpSync(resolve(root, 'src', folder), resolve(root, 'dist', folder), { recursive: true });

/**
 * A module finds the package's files (locales, the search worker, package.json)
 * relative to its own URL. In the bundle every module's code sits in
 * dist/cli/, so each `import.meta.url` becomes the URL of that module's
 * compiled twin (src/x/y.ts -> dist/x/y.js), which names the same place.
 * @type {import('esbuild').Plugin}
 */
const ownUrls = {
  name: 'noticeboard-own-urls',
  setup(bundle) {
    bundle.onLoad({ filter: /\.ts$/ }, (args) => {
      const code = readFileSync(args.path, 'utf8');
      if (!args.path.startsWith(src + sep) || !code.includes('import.meta.url')) return { contents: code, loader: 'ts' };
      const twin = relative(BINARY_DIR, resolve(dist, relative(src, args.path))).split(sep).join('/').replace(/\.ts$/, '.js');
      return { contents: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(twin)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};
try {
  await build({
    entryPoints: { main: resolve(src, 'cli/main.ts') },
    outdir: BINARY_DIR,
    // Every part beside main.js, so every part's import.meta.url is in dist/cli/ (see ownUrls).
    chunkNames: 'main-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: NOT_BUNDLED,
    // Bundled CommonJS packages (xml-js, ...) call require() for Node's own modules.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    plugins: [ownUrls],
    allowOverwrite: true,
    logLevel: 'warning',
  });
} catch {
  console.error('compile: bundling the binary failed (see above); dist/ is incomplete');
  process.exit(1);
}
console.log('compile: wrote dist/');
