/**
 * The `yaml` package, loaded the first time something needs it.
 *
 * A valid site is read by js-yaml alone (fast-yaml.ts): `yaml`, which keeps
 * every node's position, is needed only to name a problem's line and by the
 * authoring commands that edit YAML text. Loading it at start-up was about a
 * quarter of the code a build loaded before its first notice, so every user goes
 * through here (and imports only its types statically), and the bundle
 * (scripts/compile.mjs) never holds it.
 */
import { createRequire } from 'node:module';

let loaded: typeof import('yaml') | undefined;

export function yamlLib(): typeof import('yaml') {
  return (loaded ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}
