/**
 * A site for the ingest tests: a catalog of mail and access services, rules
 * for the payload fixtures in tests/fixtures/ingest/, and `ingest()` running
 * the real command (`npm run ingest`'s entry point) in it, at a fixed now.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './build-fixture.ts';

export const INGEST_NOW = '2008-10-02T00:30-07:00';
export const PAYLOADS = join(PROJECT_ROOT, 'tests', 'fixtures', 'ingest');

export function ingestConfig(extra = ''): string {
  return `title: Example ISP Network Status
url: https://status.example.net
timezone: America/Los_Angeles
services:
  - {id: imap, name: "Mail: IMAP and POP", group: Mail}
  - {id: webmail, name: Webmail, group: Mail}
  - {id: dsl, name: DSL access, group: Access}
embed:
  origins: [https://www.example.net]
ingest:
${extra}  rules:
    - matchers: ['service="imap"']
      services: [imap]
    - matchers: ['service="webmail"']
      services: [webmail]
    - matchers: ['monitor="Webmail"']
      services: [webmail]
    - matchers: ['service="dsl"', 'severity=~"error|critical"']
      services: [dsl]
    - matchers: ['group="mail"', 'endpoint="imap"']
      services: [imap]
`;
}

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run ingest -- FORMAT payload` in `root`; `payload` is a fixture name, or `{ stdin }` text. */
export function ingest(root: string, format: string, payload?: string | { stdin: string }, now = INGEST_NOW): CommandResult {
  const args = [join(PROJECT_ROOT, 'src', 'cli', 'ingest.ts'), format];
  if (typeof payload === 'string') args.push(join(PAYLOADS, payload));
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    encoding: 'utf8',
    input: typeof payload === 'object' ? payload.stdin : '',
    env: { ...process.env, STATUS_NOW: now },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
