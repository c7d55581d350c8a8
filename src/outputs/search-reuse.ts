/**
 * Reusing the search index of the site a build replaces. Most builds of a
 * status site change no notice: they run on a schedule so that windows open
 * and close on time (docs/deploying.md). Their search index would be the same
 * bytes (Pagefind writes the same files for the same documents), so a part
 * whose documents are the ones the published site's part was made from is
 * linked from there into the new site instead of being indexed again, the
 * bulk of such a build at 10,000 notices.
 *
 * What each part was made from is recorded beside the index, in
 * `pagefind/noticeboard-parts.json`: for each part's folder, a digest of
 * Pagefind's version, this module's format and every document (URL and HTML)
 * in the order they are added. Anything unexpected (no record, another
 * version, the part's entry or metadata file missing) means the part is
 * indexed as usual.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The record of the index's parts, in the index's folder. */
export const PARTS_RECORD = 'noticeboard-parts.json';

/** Changed whenever the files a part keeps or their layout change, so no older build's part is taken. */
const RECORD_FORMAT = 1;

/** Part folder (relative to the index's folder, `.` for part 1) -> digest of what it was made from. */
export type PartsRecord = Record<string, string>;

/**
 * Pagefind's version, read from its package once. It exports neither its
 * package.json nor a `require` entry, so the file is looked for in the
 * folders Node would resolve `pagefind` from (`import.meta.resolve` would
 * do, but only from Node 20.6).
 */
let pagefind: string | undefined;
function pagefindVersion(): string {
  if (pagefind === undefined) {
    const folders = createRequire(import.meta.url).resolve.paths('pagefind') ?? [];
    const manifest = folders.map((folder) => join(folder, 'pagefind', 'package.json')).find((file) => existsSync(file));
    if (!manifest) throw new Error('search index: the pagefind package is not installed');
    pagefind = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  }
  return pagefind;
}

/**
 * The digest of a part, fed its documents (URL and HTML) in the order they
 * are added to it, chunk by chunk, for `language` and this Pagefind.
 */
export function partDigest(language: string): { add(documents: readonly { url: string; content: string }[]): void; digest(): string } {
  // SHA-1 as for the notices' texts (load-notices.ts): it tells an edit, not an attack.
  const hash = createHash('sha1').update(`noticeboard search part ${RECORD_FORMAT}\0pagefind ${pagefindVersion()}\0${language}\0`);
  return {
    add: (documents) => void hash.update(documents.map(({ url, content }) => `${url}\0${content}\0`).join('')),
    digest: () => hash.digest('base64url'),
  };
}

/** The record beside the index in `indexDir`; empty when there is none or it cannot be read. */
export function readPartsRecord(indexDir: string): PartsRecord {
  try {
    const record: unknown = JSON.parse(readFileSync(join(indexDir, PARTS_RECORD), 'utf8'));
    if (record && typeof record === 'object' && !Array.isArray(record)) {
      return Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    }
  } catch {
    // No record (a first build, a site from before it was written) or a damaged one: nothing is reused.
  }
  return {};
}

export function writePartsRecord(indexDir: string, record: PartsRecord): void {
  mkdirSync(indexDir, { recursive: true });
  writeFileSync(join(indexDir, PARTS_RECORD), `${JSON.stringify(record, null, 2)}\n`);
}

/**
 * Puts the files of the part in `from` into `to` (a new, empty folder), as
 * hard links where the file system allows (the old site is deleted after the
 * swap; the new one keeps its links), else as copies. Other parts' folders
 * (`skip`) and the record are left out. Resolves false, with `to` to be
 * indexed afresh, when the part does not look complete or any of it fails.
 * Asynchronous, so the links (10,000 files at 10,000 notices) are made beside
 * the pages' rendering rather than before it.
 */
export async function linkPart(from: string, to: string, skip: (name: string) => boolean): Promise<boolean> {
  if (!looksComplete(from)) return false;
  const made: string[] = [];
  try {
    await linkFolder(from, to, (name) => name === PARTS_RECORD || skip(name), made);
    return true;
  } catch {
    // Only what was made here goes: another part may be written into a folder inside `to` meanwhile.
    for (const path of made.reverse()) rmSync(path, { recursive: true, force: true });
    return false;
  }
}

/** Whether the part in `folder` has its entry file and the metadata file it names (a hand-damaged site may not). */
function looksComplete(folder: string): boolean {
  try {
    const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { hash?: unknown }> };
    const languages = Object.values(entry.languages ?? {});
    return languages.length > 0 && languages.every(({ hash }) => typeof hash === 'string' && existsSync(join(folder, `pagefind.${hash}.pf_meta`)));
  } catch {
    return false;
  }
}

async function linkFolder(from: string, to: string, skip: (name: string) => boolean, made: string[]): Promise<void> {
  await mkdir(to, { recursive: true });
  const entries = (await readdir(from, { withFileTypes: true })).filter((entry) => !skip(entry.name));
  // Every link settles before a failure is reported, so none is made after the cleanup.
  const results = await Promise.allSettled(
    entries.map(async (entry) => {
      const source = join(from, entry.name);
      const target = join(to, entry.name);
      made.push(target);
      if (entry.isDirectory()) await linkFolder(source, target, () => false, made);
      else if (entry.isFile()) await link(source, target).catch(() => copyFile(source, target));
    }),
  );
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}
