/**
 * A site's static files: the engine's public/ with the site's own public/ laid
 * over it (a file of the same path replaces the engine's; any other is added),
 * and fingerprinted names for stylesheets and scripts.
 *
 * Every stylesheet and script is also written as `name.<hash>.ext`, the hash
 * taken from its content, and pages link to that name (`asset('/style.css')`).
 * A changed file gets a new name, so servers can cache these for a year as
 * immutable (deploy/nginx.conf) while pages, feeds and the API stay on short,
 * revalidated caching. The plain copies (`/style.css`) are written too, for
 * anything that links to them directly.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, posix } from 'node:path';
import { createRequire } from 'node:module';

/** Which files get a fingerprinted copy. */
const FINGERPRINTED_EXTENSIONS = ['.css', '.js'];
/** Hex digits of the SHA-256 of the content kept in the name; deploy/nginx.conf matches exactly this many. */
const HASH_LENGTH = 10;
/** A fingerprinted URL or file name, e.g. `/style.0123456789.css`. */
export const FINGERPRINTED_NAME = new RegExp(
  `\\.[0-9a-f]{${HASH_LENGTH}}(?:${FINGERPRINTED_EXTENSIONS.map((ext) => ext.replace('.', '\\.')).join('|')})$`,
);

/** `style.css` + content -> `style.<hash>.css` (works on paths and URLs alike). */
export function fingerprintedName(name: string, content: Buffer | string): string {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, HASH_LENGTH);
  const ext = extname(name);
  return `${name.slice(0, -ext.length)}.${hash}${ext}`;
}

export class SiteAssets {
  /** Fingerprinted URLs by site path, for one build: `forget()` clears them when a rebuild starts. */
  readonly #hashed = new Map<string, string>();
  /** Whether a site path exists, for one build like #hashed: every page asks (the site's own stylesheet). */
  readonly #present = new Map<string, boolean>();
  /** Image sizes by site path, for one build like #hashed. */
  readonly #sizes = new Map<string, { width: number; height: number } | undefined>();

  /** `dirs`: folders of static files, later ones overriding earlier ones (the engine's, then the site's). */
  constructor(readonly dirs: readonly string[]) {}

  /** Every static file by site path ('/style.css') -> the file it comes from; a later folder wins. */
  files(): Map<string, string> {
    const files = new Map<string, string>();
    for (const dir of this.dirs) if (existsSync(dir)) for (const path of listFiles(dir)) files.set(`/${path}`, join(dir, ...path.split('/')));
    return files;
  }

  /**
   * The fingerprinted URL of a stylesheet or script: `asset('/style.css')` gives
   * `/style.<hash>.css`. Computed once per file and build (every page asks).
   * Throws when the file is missing or is not a kind that gets fingerprinted,
   * so a typo fails the build.
   */
  asset(url: string): string {
    const cached = this.#hashed.get(url);
    if (cached !== undefined) return cached;
    if (!url.startsWith('/')) throw new Error(`asset: "${url}" must be site-relative, starting with "/"`);
    if (!FINGERPRINTED_EXTENSIONS.includes(posix.extname(url))) {
      throw new Error(`asset: "${url}" is not fingerprinted; only ${FINGERPRINTED_EXTENSIONS.join(', ')} files are`);
    }
    const file = this.#fileOf(url);
    if (!file) throw new Error(`asset: "${url}" does not exist (looked in ${this.dirs.join(', ')})`);
    const hashed = fingerprintedName(url, readFileSync(file));
    this.#hashed.set(url, hashed);
    return hashed;
  }

  /** The file a site path comes from: in the last folder that has it (the site's own over the engine's). */
  #fileOf(url: string): string | undefined {
    return [...this.dirs].reverse().map((dir) => join(dir, ...url.slice(1).split('/'))).find((path) => existsSync(path));
  }

  has(url: string): boolean {
    let present = this.#present.get(url);
    if (present === undefined) {
      present = this.#fileOf(url) !== undefined;
      this.#present.set(url, present);
    }
    return present;
  }

  /**
   * The size of the image at `url` (in the last folder that has it), read
   * from the file's header by image-size; undefined when the file is missing
   * or not an image it can read, so the page just leaves the size out.
   */
  imageSize(url: string): { width: number; height: number } | undefined {
    if (!this.#sizes.has(url)) {
      const file = this.#fileOf(url);
      let size: { width: number; height: number } | undefined;
      try {
        const read = file ? imageSizeLib().imageSize(readFileSync(file)) : undefined;
        // An SVG's size comes from its viewBox or width and height, which may have decimals.
        if (read && read.width > 0 && read.height > 0) size = { width: Math.round(read.width), height: Math.round(read.height) };
      } catch {
        size = undefined;
      }
      this.#sizes.set(url, size);
    }
    return this.#sizes.get(url);
  }

  /** The text of the file at `url` in the last folder (the site's own), if it has one. */
  ownText(url: string): string | undefined {
    const own = this.dirs.at(-1);
    const path = own && join(own, ...url.slice(1).split('/'));
    return path && existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  }

  /** Every file to write: site path -> source file, the fingerprinted copies included. */
  outputs(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [url, file] of this.files()) {
      out.set(url, file);
      if (FINGERPRINTED_EXTENSIONS.includes(posix.extname(url))) out.set(fingerprintedName(url, readFileSync(file)), file);
    }
    return out;
  }

  /** Copies every file of `outputs()` into `outputDir`, making each folder once. */
  writeInto(outputDir: string): void {
    const made = new Set<string>();
    for (const [url, source] of this.outputs()) {
      const target = join(outputDir, ...url.slice(1).split('/'));
      const dir = dirname(target);
      if (!made.has(dir)) mkdirSync(dir, { recursive: true });
      made.add(dir);
      copyFileSync(source, target);
    }
  }

  forget(): void {
    this.#hashed.clear();
    this.#present.clear();
    this.#sizes.clear();
  }
}

/**
 * image-size, loaded the first time an image is measured: only a site with a
 * logo needs it, and a build's start-up should not compile it.
 */
let loadedImageSize: typeof import('image-size') | undefined;
function imageSizeLib(): typeof import('image-size') {
  return (loadedImageSize ??= createRequire(import.meta.url)('image-size') as typeof import('image-size'));
}

/** Every file under `dir` (dot files left out), as '/'-separated paths relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => posix.join(...join(entry.parentPath, entry.name).slice(dir.length + 1).split(/[\\/]/)))
    .filter((path) => !path.split('/').some((segment) => segment.startsWith('.')))
    .sort();
}
