/**
 * Site configs, times and notices for tests: parsed with the real parsers,
 * failing loudly if invalid.
 */
import assert from 'node:assert/strict';
import { parseConfig, type SiteConfig } from '../../src/content/config.ts';
import { parseNotice } from '../../src/content/parse-notice.ts';
import type { Notice } from '../../src/content/notice.ts';
import { parseTime } from '../../src/time/time.ts';

/** The zone of every test site (configYaml's). */
export const ZONE = 'America/Los_Angeles';

/** A Los Angeles site whose catalog holds the given services (id, name, group). */
export function configYaml(services: [id: string, name: string, group: string][]): string {
  return `title: Example ISP Status
url: https://status.example.net
timezone: ${ZONE}
services:
${services.map(([id, name, group]) => `  - id: ${id}\n    name: ${name}\n    group: ${group}\n`).join('')}`;
}

export function testConfig(yaml: string): SiteConfig {
  const { config, problems } = parseConfig(yaml, 'site.config.yaml');
  assert.deepEqual(problems, []);
  return config!;
}

/** A written time (spec §2) as an instant: local to `zone` (default Los Angeles), or with its own offset. */
export function at(text: string, zone = ZONE): Date {
  const parsed = parseTime(text, zone);
  assert.ok(parsed.ok, `${text}: ${parsed.ok ? '' : parsed.error}`);
  return parsed.value;
}

/** A valid notice of `config` from its front matter (without the `---` lines), as `posts/<slug>.md`. */
export function validNotice(config: SiteConfig, frontMatter: string, slug = 'test-notice', body = 'Body.'): Notice {
  const { notice, problems } = parseNotice(`---\n${frontMatter.trim()}\n---\n${body}\n`, `posts/${slug}.md`, config);
  assert.deepEqual(problems, [], `fixture ${slug} must be valid`);
  return notice!;
}

/** A Europe/Berlin site with a target on `dsl` (99.95%) and none on `mail`: the availability report tests'. */
export const BERLIN_SLA_CONFIG = `title: Example ISP Status
url: https://status.example.net
timezone: Europe/Berlin
services:
  - id: dsl
    name: DSL
    group: Access
    sla: 99.95
  - id: mail
    name: Mail
    group: Hosted
`;
