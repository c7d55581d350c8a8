/**
 * Keys of site.config.yaml and of a notice's front matter that changed name or
 * meaning between versions: where the validator would otherwise say "unknown
 * key" (or that a value is not valid), it names the change and the fix
 * instead, so an upgrade that breaks a file says how to mend it. Add an
 * entry with every release that renames, moves or changes a key (and say the
 * same in CHANGELOG.md). A key with an entry here is looked up by
 * where it is written, list positions as `[]`: `logo`, `updates[].state`.
 */
import { keyName, type KeyPath } from './yaml-source.ts';

export type ChangedKeyDocument = 'config' | 'notice';

export interface ChangedKey {
  document: ChangedKeyDocument;
  /** Where the key is written, e.g. `logo` or `updates[].state`. */
  key: string;
  /** The version whose validator changed, e.g. `0.2.0`. */
  since: string;
  /**
   * `unknown`: the key is no longer (or never was) one at that place, so its
   * unknown-key problem is replaced; `invalid`: the key stays but its values
   * changed, so a value problem gets the note added.
   */
  when: 'unknown' | 'invalid';
  /** What changed, in a few words: "moved under `branding`". */
  change: string;
  /** What to write instead. */
  fix: string;
}

const movedUnderBranding = (key: string, example: string): ChangedKey => ({
  document: 'config',
  key,
  since: '0.2.0',
  when: 'unknown',
  change: 'moved under `branding`',
  fix: `write it indented under a \`branding:\` key, e.g. \`branding: { ${key}: ${example} }\` (docs/customising.md)`,
});

export const CHANGED_KEYS: readonly ChangedKey[] = [
  // 0.2.0 groups the site's look under `branding`; these are the first guesses at its keys.
  movedUnderBranding('logo', '/logo.svg'),
  movedUnderBranding('favicon', '/favicon.png'),
  movedUnderBranding('accent', '"#0a5d8f"'),
  movedUnderBranding('accent_dark', '"#6cb6ff"'),
  {
    document: 'config',
    key: 'theme',
    since: '0.2.0',
    when: 'unknown',
    change: 'is not a key: the site\'s colours are set under `branding`',
    fix: 'write `branding: { accent: "#0a5d8f" }` (and `accent_dark` for the dark scheme); a stylesheet of your own goes in public/ (docs/customising.md)',
  },
];

/** The entries for one kind of file. */
export function changedKeysOf(document: ChangedKeyDocument, entries: readonly ChangedKey[] = CHANGED_KEYS): ChangedKey[] {
  return entries.filter((entry) => entry.document === document);
}

/** The entry for the key at `path`, if it changed in the way `when` says. */
export function changedKey(entries: readonly ChangedKey[], path: KeyPath, when: ChangedKey['when']): ChangedKey | undefined {
  if (entries.length === 0) return undefined;
  const written = keyName(path.map((part) => (typeof part === 'number' ? -1 : part))).replaceAll('[-1]', '[]');
  return entries.find((entry) => entry.when === when && entry.key === written);
}

/** "`logo`: moved under `branding` since 0.2.0; write it ..." */
export function changedKeyMessage(entry: ChangedKey, path: KeyPath): string {
  return `\`${keyName(path)}\` ${entry.change} since ${entry.since}; ${entry.fix}`;
}
