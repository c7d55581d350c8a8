/** Site configs for tests: parsed with the real parser, failing loudly if invalid. */
import assert from 'node:assert/strict';
import { parseConfig, type SiteConfig } from '../../src/config.ts';

/** A Los Angeles site whose catalog holds the given services (id, name, group). */
export function configYaml(services: [id: string, name: string, group: string][]): string {
  return `title: Example ISP Status
url: https://status.example.net
timezone: America/Los_Angeles
services:
${services.map(([id, name, group]) => `  - id: ${id}\n    name: ${name}\n    group: ${group}\n`).join('')}`;
}

export function testConfig(yaml: string): SiteConfig {
  const { config, problems } = parseConfig(yaml, 'site.config.yaml');
  assert.deepEqual(problems, []);
  return config!;
}
