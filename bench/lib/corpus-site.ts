/**
 * The synthetic ISP the corpus is written for: its zone, its catalog of 12
 * services in 4 groups, and its site config.
 */

export const BENCH_ZONE = 'America/Los_Angeles';
export const BENCH_FEED_ITEMS = 50;

export const SERVICES = [
  { id: 'backbone', name: 'Backbone and POPs', group: 'Network', description: 'Core routers and the points of presence that carry customer traffic' },
  { id: 'transit', name: 'Upstream transit', group: 'Network', description: 'Connections to upstream providers' },
  { id: 'peering', name: 'Peering', group: 'Network', description: 'Private and exchange peering sessions' },
  { id: 'dsl', name: 'DSL access', group: 'Access', description: 'DSL aggregation routers and subscriber lines' },
  { id: 'fiber', name: 'Fiber access', group: 'Access', description: 'FTTH OLTs and the fiber plant' },
  { id: 'wireless', name: 'Fixed wireless', group: 'Access', description: 'Tower sites and customer radios' },
  { id: 'imap', name: 'Mail: IMAP and POP', group: 'Mail', description: 'Mailbox access served by the mail cluster' },
  { id: 'smtp', name: 'Outgoing mail', group: 'Mail', description: 'Authenticated SMTP relays' },
  { id: 'webmail', name: 'Webmail', group: 'Mail', description: 'Browser-based mail' },
  { id: 'web-hosting', name: 'Web hosting', group: 'Hosting', description: 'Customer web cluster' },
  { id: 'shell', name: 'Shell servers', group: 'Hosting', description: 'Customer shell login servers' },
  { id: 'dns', name: 'DNS', group: 'Hosting', description: 'Recursive and authoritative name servers' },
] as const;

/** The site config of the synthetic ISP: 12 services in 4 groups. */
export function corpusConfig(): string {
  const lines = [
    'title: Bench ISP Network Status',
    'url: https://status.bench.example',
    `timezone: ${BENCH_ZONE}`,
    'language: en',
    'description: Planned maintenance, incidents and notices (synthetic benchmark archive)',
    `feed_items: ${BENCH_FEED_ITEMS}`,
    'services:',
  ];
  for (const service of SERVICES) {
    lines.push(`  - id: ${service.id}`, `    name: ${JSON.stringify(service.name)}`, `    group: ${service.group}`, `    description: ${JSON.stringify(service.description)}`);
  }
  return `${lines.join('\n')}\n`;
}
