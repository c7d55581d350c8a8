/**
 * Which services an alert affects: every rule of `ingest.rules` whose matchers
 * all hold for the alert's labels adds its services (catalog order kept as
 * the rules list them). An alert no rule matches is an error naming its
 * labels, so nobody gets a notice that affects nothing.
 */
import type { Alert } from './alert.ts';
import type { IngestRule } from './config.ts';
import { matches } from './matchers.ts';

export function servicesFor(alert: Alert, rules: readonly IngestRule[]): { services: string[] } | { error: string } {
  const services: string[] = [];
  for (const rule of rules) {
    if (!rule.matchers.every((matcher) => matches(matcher, alert.labels))) continue;
    for (const id of rule.services) if (!services.includes(id)) services.push(id);
  }
  if (services.length) return { services };
  const labels = Object.entries(alert.labels)
    .map(([name, value]) => `${name}="${value}"`)
    .join(', ');
  const hint = rules.length ? `none of the ${rules.length} rule(s) in ingest.rules matches` : 'site.config.yaml has no ingest.rules';
  return { error: `${alert.source} alert ${alert.id} with labels {${labels}}: ${hint}; add a rule with matchers for these labels and the services they affect` };
}
