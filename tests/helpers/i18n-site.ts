/** A fixture site for the i18n tests (tests/i18n*.test.ts): two services, three notices, Europe/Berlin. */

export const SHIPPED = ['ar', 'de', 'en', 'es', 'fr', 'ja', 'nl'];

/** Europe/Berlin: summer time starts on 2026-03-29 at 02:00 (01:00 UTC). */
export const I18N_NOW = '2026-03-29T12:00+02:00';

export function i18nConfig(language: string, extra = ''): string {
  return `title: Beispiel
url: https://status.example.net
timezone: Europe/Berlin
language: ${language}
${extra}services:
  - id: imap
    name: IMAP
    group: E-Mail
  - id: vdsl
    name: VDSL
    group: DSL
`;
}

/** Notices whose own words are no language's: the UI around them is all a page's English could be. */
export const I18N_POSTS: Record<string, string> = {
  // Before the change: 00:30 CET (23:30 UTC), ends 03:30 CEST (01:30 UTC).
  'posts/2026/03/vdsl-wartung.md': `---
title: VDSL 2026-03
type: maintenance
date: 2026-03-20 10:00
window: {start: 2026-03-29 00:30, end: 2026-03-29 03:30}
services: [vdsl]
authors: [NOC]
updates:
  - at: 2026-03-29 03:30
    status: completed
    body: "VDSL: OK."
---
VDSL: 00:30–03:30.
`,
  'posts/2026/03/imap-503.md': `---
title: IMAP 503
type: incident
date: 2026-03-29 09:00
window: {start: 2026-03-29 08:50}
services: [imap]
impact: major
authors: [NOC]
updates:
  - at: 2026-03-29 09:15
    status: identified
    body: "imap-03: 503."
---
IMAP: 503.
`,
  'posts/2026/02/info.md': `---
title: "IPv6: 2001:db8::/32"
type: notice
date: 2026-02-10 12:00
authors: [NOC]
---
2001:db8::/32.
`,
};
