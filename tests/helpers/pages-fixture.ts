/**
 * Sites for the page tests: the sample site at the README's "now" (the San Jose
 * POP maintenance in progress), and the same with a few more notices so every
 * part of the pages shows: an open incident with updates, upcoming and
 * cancelled maintenance, and a notice whose body uses more Markdown.
 */
import { buildFixture, PROJECT_ROOT, type Fixture } from './build-fixture.ts';

export const EXTRA_POSTS: Record<string, string> = {
  'posts/2008/10/imap-slow.md': `---
title: IMAP slow for some mailboxes
type: incident
date: 2008-10-01 23:55
window:
  start: 2008-10-01 23:40
services: [imap, webmail]
authors: [Don]
impact: minor
updates:
  - at: 2008-10-02 00:10
    status: identified
    body: A filer interface is flapping; we are moving traffic off it.
---
Some customers see slow mail in IMAP clients and **webmail**. Sending mail is not affected.
`,
  'posts/2008/10/webmail-upgrade.md': `---
title: Webmail upgrade
type: maintenance
date: 2008-10-01 09:00
window:
  start: 2008-10-03 01:00
  duration: 2h
services: [webmail]
authors: [Jared]
---
Webmail will be unavailable for up to two hours while we upgrade it.
`,
  'posts/2008/10/dsl-move-cancelled.md': `---
title: DSL router move
type: maintenance
date: 2008-10-01 08:00
window:
  start: 2008-10-04 00:01
  end: 2008-10-04 00:30
services: [dsl]
authors: [Nathan]
updates:
  - at: 2008-10-01 16:00
    status: cancelled
    body: Postponed; a new date will follow.
---
We will move DSL subscribers between aggregation routers.
`,
  'posts/2008/10/new-mail-settings.md': `---
title: New mail client settings
type: notice
date: 2008-10-01 10:00
authors: [NOC]
services: [imap]
---
From November, use these settings:

| setting | value |
|---|---|
| server | \`mail.example.net\` |
| port | 993 |

1. Open your mail client's account settings.
2. Change the server and port.

> Old settings keep working until December.

\`\`\`
imaps://mail.example.net:993
\`\`\`

See [the help pages](https://help.example.net/mail) for screenshots.
`,
};

/** Builds the sample site (optionally with EXTRA_POSTS) at `now`; the caller removes it. */
export function buildPagesSite(now: string, extra = false): Promise<Fixture> {
  return buildFixture({ from: PROJECT_ROOT, files: extra ? EXTRA_POSTS : {}, now });
}
