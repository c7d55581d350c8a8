/**
 * The words of the benchmark's synthetic archive (bench/lib/corpus.ts): the
 * service catalog, authors, places, title patterns, sentences, list items,
 * links and update texts the generator picks from.
 */
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

export const AUTHORS = ['Jared', 'Nathan', 'Don', 'Augie', 'William', 'Maria', 'Priya', 'Tomás', 'NOC'];
export const PLACES = ['San Jose', 'Palo Alto', 'Oakland', 'Fremont', 'Santa Cruz', 'Sacramento', 'Los Angeles', 'Seattle'];

export const INCIDENT_TITLES: ((service: string, place: string) => string)[] = [
  (s) => `${s} outage`,
  (s) => `${s} slow for some customers`,
  (s, p) => `${s} problems in ${p}`,
  (s) => `Intermittent ${s} errors`,
  (s, p) => `Fiber cut affecting ${s} near ${p}`,
  (s) => `${s}: degraded performance`,
  (s) => `Power event affecting ${s}`,
  (s, p) => `Router failure in ${p}: ${s} affected`,
];
export const MAINTENANCE_TITLES: ((service: string, place: string) => string)[] = [
  (s) => `Scheduled ${s} maintenance`,
  (s, p) => `${p} POP retrofit`,
  (s) => `${s} software upgrade`,
  (s) => `${s} hardware replacement`,
  (s, p) => `Core router upgrade in ${p}`,
  (s) => `${s} rebalancing`,
];
export const NOTICE_TITLES: ((place: string) => string)[] = [
  () => 'New mail server addresses',
  () => 'Updates to the password changing tool',
  (p) => `New point of presence in ${p}`,
  () => 'Phishing e-mails pretending to be from us',
  () => 'Holiday support hours',
  () => 'Changes to our acceptable use policy',
  (p) => `Faster plans now available in ${p}`,
];

export const SENTENCES = [
  'Some customers may have noticed timeouts or other errors while trying to check their mail.',
  'Our engineers identified a failing line card in one of the aggregation routers and replaced it.',
  'Traffic was routed away from the affected site while the work was carried out.',
  'We apologize for any inconvenience this may have caused.',
  'The total downtime for the service was around fifteen minutes.',
  'We will be investigating the problem further with our vendor during business hours.',
  'No mail was lost during this period, and queued messages have since been delivered.',
  'This work will enhance the redundancy and capacity of the network to accommodate our growth.',
  'During the window you may see longer routes to Internet hosts than normal.',
  'If you are still seeing problems, please note the time and the error message and contact support.',
  'The periodic nature of the problem made it difficult to troubleshoot.',
  'We have since implemented much more detailed monitoring of the cluster.',
  'Customers on the affected equipment will see a brief interruption of a few minutes.',
  'All other services are unaffected and continue to operate normally.',
  'The upstream provider has confirmed the fault and dispatched a repair crew.',
  'Please restart your modem if your connection does not come back on its own.',
  'Our status page and the support line will carry further updates as we have them.',
  'We moved several hundred subscribers from one aggregation router to another to balance load.',
  'The new hardware has twice the capacity of the equipment it replaces.',
  'Authentication requests were failing intermittently because of a database lock.',
];
export const LIST_ITEMS = [
  'Check that your mail client uses port 587 with authentication',
  'Restart the modem and wait two minutes',
  'Clear the browser cache and sign in again',
  'Confirm that the DSL light on the modem is steady',
  'Use the secondary DNS server while the primary is restored',
  'Make sure your password was changed in every mail client',
  'Note the time of the failure and the exact error message',
];
export const LINKS = [
  '[our support pages](https://support.example.net/)',
  '[the maintenance calendar](https://status.example.net/maintenance.ics)',
  '[the network map](https://www.example.net/network/)',
  '[this article](https://support.example.net/kb/1234)',
  'https://www.example.net/contact',
];
export const UPDATE_SENTENCES: Record<string, string[]> = {
  investigating: ['We are investigating reports of problems.', 'Engineers are looking into the cause.'],
  identified: ['The cause has been identified and a fix is under way.', 'A failed interface was found; we are replacing it.'],
  monitoring: ['A fix is in place and we are monitoring the results.', 'Service is recovering; we are watching closely.'],
  resolved: ['The problem is resolved and service is back to normal.', 'All customers are back online.'],
  update: ['More details will follow.', 'The vendor has shipped a replacement part.', 'We have posted a follow-up note below.'],
  scheduled: ['This work is still scheduled as planned.'],
  'in-progress': ['The work has begun.'],
  completed: ['The work completed successfully; downtime was under five minutes.', 'Maintenance completed without problems.'],
  cancelled: ['This maintenance has been cancelled and will be rescheduled.'],
};
