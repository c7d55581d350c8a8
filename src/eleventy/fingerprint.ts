/**
 * Fingerprinted asset names: every stylesheet and script in `public/` is also
 * written to the output as `name.<hash>.ext`, the hash taken from its content,
 * and pages link to that name through `assetPath()`. A changed file gets a new
 * name, so servers can cache these for a year as immutable (deploy/nginx.conf)
 * while pages, feeds and the API stay on short, revalidated caching.
 *
 * The plain copies (`/style.css`) are still passed through by `.eleventy.ts`
 * for anything that links to them directly; pages use the hashed ones.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, posix, relative, resolve, sep } from 'node:path';
import type { EleventyConfig } from './eleventy-config.ts';

/** Which files in `public/` get a fingerprinted copy. */
const FINGERPRINTED_EXTENSIONS = ['.css', '.js'];
/** Hex digits of the SHA-256 of the content kept in the name; deploy/nginx.conf matches exactly this many. */
const HASH_LENGTH = 10;
/** A fingerprinted URL or file name, e.g. `/style.0123456789.css`. */
export const FINGERPRINTED_NAME = new RegExp(
  `\\.[0-9a-f]{${HASH_LENGTH}}(?:${FINGERPRINTED_EXTENSIONS.map((ext) => ext.replace('.', '\\.')).join('|')})$`,
);

/**
 * The folder the assets come from: `public/` in the working directory, the
 * same folder `.eleventy.ts` passes through (Eleventy resolves passthrough
 * paths against the working directory, also when buildSite() builds a fixture).
 */
function publicDir(): string {
  return resolve('public');
}

/** Fingerprinted URLs by file, for one build: cleared when a build starts (see the plugin). */
const memo = new Map<string, string>();

/**
 * The fingerprinted URL of an asset in `public/`: `assetPath('/style.css')`
 * gives `/style.<hash>.css`. Computed once per file and build (every page asks),
 * so `npm start` picks up an edited stylesheet on its next rebuild. Throws when
 * the file is missing or is not a kind that gets fingerprinted, so a typo
 * fails the build.
 */
export function assetPath(url: string): string {
  if (!url.startsWith('/')) throw new Error(`assetPath: "${url}" must be site-relative, starting with "/"`);
  if (!FINGERPRINTED_EXTENSIONS.includes(posix.extname(url))) {
    throw new Error(`assetPath: "${url}" is not fingerprinted; only ${FINGERPRINTED_EXTENSIONS.join(', ')} files are`);
  }
  const file = join(publicDir(), ...url.slice(1).split('/'));
  const cached = memo.get(file);
  if (cached !== undefined) return cached;
  let content;
  try {
    content = readFileSync(file);
  } catch {
    throw new Error(`assetPath: "${url}" does not exist (looked for ${file})`);
  }
  const hashed = fingerprintedName(url, content);
  memo.set(file, hashed);
  return hashed;
}

/** `style.css` + content -> `style.<hash>.css` (works on paths and URLs alike). */
export function fingerprintedName(name: string, content: Buffer | string): string {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, HASH_LENGTH);
  const ext = extname(name);
  return `${name.slice(0, -ext.length)}.${hash}${ext}`;
}

/** Every fingerprintable file under `dir`, as paths relative to it. */
function listAssets(dir: string, prefix = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = prefix ? join(prefix, entry.name) : entry.name;
    if (entry.isDirectory()) found.push(...listAssets(dir, path));
    else if (FINGERPRINTED_EXTENSIONS.includes(extname(entry.name))) found.push(path);
  }
  return found;
}

/** Writes `name.<hash>.ext` copies of the assets in `public/` into `outputDir`; returns their URLs. */
function writeFingerprintedAssets(outputDir: string): string[] {
  const sourceDir = publicDir();
  if (!existsSync(sourceDir)) return [];
  return listAssets(sourceDir).map((path) => {
    const target = join(outputDir, fingerprintedName(path, readFileSync(join(sourceDir, path))));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(sourceDir, path), target);
    return `/${relative(outputDir, target).split(sep).join('/')}`;
  });
}

/**
 * The Eleventy plugin: forgets the names when a build (or a rebuild under
 * `npm start`) starts, and after it writes the fingerprinted copies into the
 * output folder, which during `npm run build` is the staging folder, so they
 * are published with the pages that link them.
 */
export function fingerprintPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on('eleventy.before', () => memo.clear());
  eleventyConfig.on('eleventy.after', (event: EleventyAfterEvent) => {
    if (event.outputMode !== undefined && event.outputMode !== 'fs') return;
    const output = event.directories?.output ?? event.dir?.output;
    if (!output) throw new Error('fingerprint: Eleventy did not say where the output folder is');
    writeFingerprintedAssets(resolve(output));
  });
}

/** The part of Eleventy's `eleventy.after` argument used here. */
interface EleventyAfterEvent {
  directories?: { output?: string };
  dir?: { output?: string };
  outputMode?: string;
}
