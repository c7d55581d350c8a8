/**
 * Spec §1, §3 and §6: every validation rule, one failing case each. Each test
 * pins the reported line and checks that the message names the key and what
 * would be valid.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { parseConfig, type SiteConfig } from '../src/content/config.ts';
import { loadNotices } from '../src/content/load-notices.ts';
import { parseNotice } from '../src/content/parse-notice.ts';
import type { Problem } from '../src/content/problems.ts';
import { configYaml, testConfig } from './helpers/config.ts';

const CONFIG = configYaml([
  ['backbone', 'Backbone', 'Core'],
  ['dsl', 'DSL access', 'Access'],
  ['imap', 'IMAP mail', 'Mail'],
]);

const siteConfig = (): SiteConfig => testConfig(CONFIG);

const FILE = 'posts/2008/09/dsl-rebalancing.md';

function check(text: string, file = FILE) {
  return parseNotice(text, file, siteConfig());
}

/** The single problem `text` has; fails if it has none or several, or still yields a notice. */
function onlyProblem(text: string, file = FILE): Problem {
  const { notice, problems } = check(text, file);
  assert.equal(notice, undefined, 'an invalid notice must not come back');
  assert.equal(problems.length, 1, `expected one problem, got:\n${problems.map((p) => `${p.line}: ${p.message}`).join('\n')}`);
  assert.equal(problems[0]!.file, file);
  return problems[0]!;
}

function assertProblem(problem: Problem, line: number, ...patterns: RegExp[]) {
  assert.equal(problem.line, line, `line of: ${problem.message}`);
  for (const pattern of patterns) assert.match(problem.message, pattern);
}

describe('valid notices', () => {
  it('the spec example is valid', () => {
    const { notice, problems } = check(`---
title: DSL Subscriber Rebalancing
type: maintenance
date: 2008-09-26 15:10
window:
  start: 2008-09-30 00:01
  duration: 5m
services: [dsl]
authors: [Jared, Nathan]
impact: minor
updates:
  - at: 2008-09-30 00:09
    status: completed
    body: Rebalancing completed. Downtime for affected customers was under 5 minutes.
---
On Tuesday September 30 at 12:01 AM we will be moving several hundred DSL
subscribers from one of our DSL aggregation routers to another ...
`);
    assert.deepEqual(problems, []);
    assert.ok(notice);
    assert.equal(notice.slug, 'dsl-rebalancing');
    assert.equal(notice.url, '/2008/09/26/dsl-rebalancing/');
    assert.deepEqual(notice.authors, ['Jared', 'Nathan']);
    assert.equal(notice.window!.start.toISOString(), '2008-09-30T07:01:00.000Z');
    assert.equal(notice.window!.end!.toISOString(), '2008-09-30T07:06:00.000Z');
    assert.equal(notice.updates[0]!.status, 'completed');
    assert.equal(notice.draft, false);
  });

  it('authors as a single string becomes a one-name list', () => {
    const { notice, problems } = check(`---
title: New mail server names
type: notice
date: 2008-09-26 15:10
authors: Jared
---
Body.
`);
    assert.deepEqual(problems, []);
    assert.deepEqual(notice!.authors, ['Jared']);
  });

  it('defaults: impact by type, update status `update`, draft false', () => {
    const { notice, problems } = check(`---
title: Backbone flap
type: incident
date: 2008-09-26 15:10
authors: [Nathan]
services: [backbone]
window:
  start: 2008-09-26 15:00
updates:
  - at: 2008-09-26 15:30
    body: Still looking.
---
Body.
`);
    assert.deepEqual(problems, []);
    assert.equal(notice!.impact, 'major');
    assert.equal(notice!.updates[0]!.status, 'update');
    assert.equal(notice!.window!.end, undefined);
  });

  it('a maintenance may give `end` instead of `duration`; an update may be at `date` exactly', () => {
    const { notice, problems } = check(`---
title: IMAP upgrade
type: maintenance
date: 2008-09-26 15:10
authors: [Jared]
services: [imap]
window:
  start: 2008-09-30 00:00
  end: 2008-09-30 02:00
updates:
  - at: 2008-09-26 15:10
    status: scheduled
    body: Scheduled.
---
Body.
`);
    assert.deepEqual(problems, []);
    assert.equal(notice!.window!.end!.toISOString(), '2008-09-30T09:00:00.000Z');
  });
});

describe('required keys', () => {
  // The opening `---` is line 1; keys start on line 2.
  for (const key of ['title', 'type', 'date', 'authors'] as const) {
    it(`missing \`${key}\``, () => {
      const lines = ['title: Backbone flap', 'type: notice', 'date: 2008-09-26 15:10', 'authors: [Jared]'].filter(
        (line) => !line.startsWith(`${key}:`),
      );
      const problem = onlyProblem(`---\n${lines.join('\n')}\n---\nBody.\n`);
      assertProblem(problem, 2, new RegExp(`missing required key \`${key}\``));
    });
  }

  it('`authors` as an empty list', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: notice
date: 2008-09-26 15:10
authors: []
---
`);
    assertProblem(problem, 5, /^`authors`: give at least one name$/);
  });

  for (const type of ['incident', 'maintenance'] as const) {
    it(`\`services\` missing on ${type}`, () => {
      const problem = onlyProblem(`---
title: Backbone flap
type: ${type}
date: 2008-09-26 15:10
authors: [Jared]
window:
  start: 2008-09-30 00:01
  duration: 5m
---
`);
      assertProblem(problem, 3, /missing required key `services`/, new RegExp(`an? ${type} names the services it affects`));
    });

    it(`\`window\` missing on ${type}`, () => {
      const problem = onlyProblem(`---
title: Backbone flap
type: ${type}
date: 2008-09-26 15:10
authors: [Jared]
services: [backbone]
---
`);
      assertProblem(problem, 3, /missing required key `window`/, /`window\.start` and `window\.end` or `window\.duration`/);
    });
  }

  it('`services` as an empty list', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: incident
date: 2008-09-26 15:10
authors: [Jared]
services: []
window:
  start: 2008-09-26 15:00
---
`);
    assertProblem(problem, 6, /`services`: must name at least one service/);
  });
});

describe('wrongly typed values say what would be valid', () => {
  it('`date` as a number', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: notice
date: 1222466400
authors: [Jared]
---
`);
    assertProblem(problem, 4, /`date`: expected a time like 2008-09-30 00:01, got 1222466400/);
  });

  it('`services` as a single string', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: notice
date: 2008-09-26 15:10
authors: [Jared]
services: dsl
---
`);
    assertProblem(problem, 6, /`services`: expected a list of service ids, e\.g\. \[dsl, imap\], got "dsl"/);
  });

  it('`window` not a mapping', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: incident
date: 2008-09-26 15:10
authors: [Jared]
services: [backbone]
window: 2008-09-26 15:00
---
`);
    assertProblem(problem, 7, /expected a mapping of keys in `window` \(start, end, duration\)/);
  });
});

describe('title', () => {
  it('over 200 characters', () => {
    const problem = onlyProblem(`---
title: ${'x'.repeat(201)}
type: notice
date: 2008-09-26 15:10
authors: [Jared]
---
`);
    assertProblem(problem, 2, /`title`: must be at most 200 characters/);
  });

  it('exactly 200 characters is fine', () => {
    const { problems } = check(`---
title: ${'x'.repeat(200)}
type: notice
date: 2008-09-26 15:10
authors: [Jared]
---
`);
    assert.deepEqual(problems, []);
  });

  it('on several lines', () => {
    const problem = onlyProblem(`---
title: |
  Backbone
  flap
type: notice
date: 2008-09-26 15:10
authors: [Jared]
---
`);
    assertProblem(problem, 2, /`title`: must be one line of plain text/);
  });
});

describe('type', () => {
  it('a misspelt type suggests the nearest one and lists the valid ones', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: incidnet
date: 2008-09-26 15:10
authors: [Jared]
---
`);
    assertProblem(
      problem,
      3,
      /`type`: "incidnet" is not valid/,
      /did you mean `incident`\?/,
      /use one of incident, maintenance, notice/,
    );
  });
});

describe('unknown keys and services', () => {
  it('`servics` -> did you mean `services`, at the line of the key', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: notice
date: 2008-09-26 15:10
authors: [Jared]
servics: [dsl]
---
`);
    assertProblem(problem, 6, /unknown key `servics`/, /did you mean `services`\?/, /valid keys are title, type, date, authors, services/);
  });

  it('an unknown service id names the nearest known id', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: incident
date: 2008-09-26 15:10
authors: [Jared]
services:
  - backbone
  - imapp
window:
  start: 2008-09-26 15:00
---
`);
    assertProblem(problem, 8, /`services`: unknown service `imapp`/, /did you mean `imap`\?/, /known services are backbone, dsl, imap/);
  });

  it('an unknown key inside `window` suggests the nearest one', () => {
    const { notice, problems } = check(`---
title: DSL rebalancing
type: maintenance
date: 2008-09-26 15:10
authors: [Jared]
services: [dsl]
window:
  strat: 2008-09-30 00:01
  duration: 5m
---
`);
    assert.equal(notice, undefined);
    const unknown = problems.find((p) => p.message.includes('`strat`'));
    assert.ok(unknown, JSON.stringify(problems));
    assertProblem(unknown, 8, /unknown key `strat` in `window`/, /did you mean `start`\?/, /valid keys are start, end, duration/);
    // The real start is then missing too, reported at the `window` key.
    const missing = problems.find((p) => p.message.includes('window.start'));
    assert.ok(missing, JSON.stringify(problems));
    assertProblem(missing, 7, /missing required key `window\.start`/);
    assert.equal(problems.length, 2);
  });
});

describe('window', () => {
  it('not allowed on a notice', () => {
    const problem = onlyProblem(`---
title: New mail server names
type: notice
date: 2008-09-26 15:10
authors: [Jared]
window:
  start: 2008-09-30 00:01
  duration: 5m
---
`);
    assertProblem(problem, 6, /key `window` is not allowed on a notice of type `notice`/, /use type `incident` or `maintenance`/);
  });

  it('both `end` and `duration`', () => {
    const problem = onlyProblem(`---
title: DSL rebalancing
type: maintenance
date: 2008-09-26 15:10
authors: [Jared]
services: [dsl]
window:
  start: 2008-09-30 00:01
  end: 2008-09-30 00:06
  duration: 5m
---
`);
    assertProblem(problem, 10, /`window` has both `end` and `duration`/, /keep one of them/);
  });

  it('a maintenance without `end` or `duration`', () => {
    const problem = onlyProblem(`---
title: DSL rebalancing
type: maintenance
date: 2008-09-26 15:10
authors: [Jared]
services: [dsl]
window:
  start: 2008-09-30 00:01
---
`);
    assertProblem(problem, 7, /maintenance needs a planned end/, /`window\.end` or `window\.duration`/);
  });

  it('an incident without `end` or `duration` is valid (ongoing)', () => {
    const { problems } = check(`---
title: Backbone flap
type: incident
date: 2008-09-26 15:10
authors: [Jared]
services: [backbone]
window:
  start: 2008-09-26 15:00
---
`);
    assert.deepEqual(problems, []);
  });

  it('`end` before `start`', () => {
    const problem = onlyProblem(`---
title: DSL rebalancing
type: maintenance
date: 2008-09-26 15:10
authors: [Jared]
services: [dsl]
window:
  start: 2008-09-30 00:01
  end: 2008-09-29 23:00
---
`);
    assertProblem(
      problem,
      9,
      /`window\.end` \(Mon, Sep 29, 2008, 11:00 PM PDT\) must be after `window\.start` \(Tue, Sep 30, 2008, 12:01 AM PDT\)/,
    );
  });

  it('`end` equal to `start`', () => {
    const problem = onlyProblem(`---
title: DSL rebalancing
type: maintenance
date: 2008-09-26 15:10
authors: [Jared]
services: [dsl]
window:
  start: 2008-09-30 00:01
  end: 2008-09-30 00:01
---
`);
    assertProblem(problem, 9, /`window\.end` .* must be after `window\.start`/);
  });

  it('a duration without a unit', () => {
    const problem = onlyProblem(`---
title: DSL rebalancing
type: maintenance
date: 2008-09-26 15:10
authors: [Jared]
services: [dsl]
window:
  start: 2008-09-30 00:01
  duration: 90
---
`);
    assertProblem(problem, 9, /`window\.duration`: "90" is not a duration/, /5m, 90m, 2h, 1h30m or 3d/);
  });

  it('a time in the fall-back hour inside `window`', () => {
    const problem = onlyProblem(`---
title: DSL rebalancing
type: maintenance
date: 2008-09-26 15:10
authors: [Jared]
services: [dsl]
window:
  start: 2008-11-02 01:30
  duration: 1h
---
`);
    assertProblem(problem, 8, /`window\.start`: "2008-11-02 01:30" happens twice/, /-07:00" \(PDT\)/, /-08:00" \(PST\)/);
  });
});

describe('updates', () => {
  it('a status of the wrong type', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: incident
date: 2008-09-26 15:10
authors: [Jared]
services: [backbone]
window:
  start: 2008-09-26 15:00
updates:
  - at: 2008-09-26 16:00
    status: completed
    body: Done.
---
`);
    assertProblem(
      problem,
      11,
      /`updates\[0\]\.status`: "completed" is not a status for an? incident/,
      /use one of investigating, identified, monitoring, resolved, update/,
    );
  });

  it('a status unknown to every type suggests the nearest', () => {
    const problem = onlyProblem(`---
title: DSL rebalancing
type: maintenance
date: 2008-09-26 15:10
authors: [Jared]
services: [dsl]
window:
  start: 2008-09-30 00:01
  duration: 5m
updates:
  - at: 2008-09-30 00:09
    status: complete
    body: Done.
---
`);
    assertProblem(problem, 12, /`updates\[0\]\.status`: "complete" is not valid/, /did you mean `completed`\?/);
  });

  it('an update on a notice may only be `update`', () => {
    const problem = onlyProblem(`---
title: New mail server names
type: notice
date: 2008-09-26 15:10
authors: [Jared]
updates:
  - at: 2008-09-27 10:00
    status: resolved
    body: Done.
---
`);
    assertProblem(problem, 8, /`updates\[0\]\.status`: "resolved" is not a status for a notice; use one of update/);
  });

  it('`at` before `date`', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: incident
date: 2008-09-26 15:10
authors: [Jared]
services: [backbone]
window:
  start: 2008-09-26 15:00
updates:
  - at: 2008-09-26 16:00
    status: identified
    body: Found it.
  - at: 2008-09-26 15:00
    status: monitoring
    body: Early.
---
`);
    assertProblem(
      problem,
      13,
      /`updates\[1\]\.at` \(Fri, Sep 26, 2008, 3:00 PM PDT\) is before the notice's `date` \(Fri, Sep 26, 2008, 3:10 PM PDT\)/,
      /at or after/,
    );
  });

  it('missing `body`', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: incident
date: 2008-09-26 15:10
authors: [Jared]
services: [backbone]
window:
  start: 2008-09-26 15:00
updates:
  - at: 2008-09-26 16:00
    status: identified
---
`);
    assertProblem(problem, 10, /missing required key `updates\[0\]\.body`/);
  });

  it('`updates` not a list', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: incident
date: 2008-09-26 15:10
authors: [Jared]
services: [backbone]
window:
  start: 2008-09-26 15:00
updates: fixed now
---
`);
    assertProblem(problem, 9, /`updates`: expected a list of updates, each with at, status and body/);
  });
});

describe('summary', () => {
  it('must be one line', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: notice
date: 2008-09-26 15:10
authors: [Jared]
summary: |
  First line.
  Second line.
---
`);
    assertProblem(problem, 6, /`summary`: must be one line of plain text/);
  });

  it('defaults to the first paragraph of the body as text', () => {
    const { notice } = check(`---
title: Backbone flap
type: notice
date: 2008-09-26 15:10
authors: [Jared]
---
The **core router** in San Jose
is flapping.

Second paragraph.
`);
    assert.equal(notice!.summary, 'The core router in San Jose is flapping.');
  });
});

describe('unknown keys inside updates', () => {
  it('a misspelt key in an update suggests the nearest', () => {
    const { notice, problems } = check(`---
title: Backbone flap
type: incident
date: 2008-09-26 15:10
authors: [Jared]
services: [backbone]
window:
  start: 2008-09-26 15:00
updates:
  - at: 2008-09-26 16:00
    stauts: identified
    body: Found it.
---
`);
    assert.equal(notice, undefined);
    assert.equal(problems.length, 1);
    assertProblem(problems[0]!, 11, /unknown key `stauts` in `updates\[0\]`/, /did you mean `status`\?/, /valid keys are at, status, body/);
  });
});

describe('impact and draft', () => {
  it('an invalid impact lists the valid ones', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: incident
date: 2008-09-26 15:10
authors: [Jared]
services: [backbone]
impact: severe
window:
  start: 2008-09-26 15:00
---
`);
    assertProblem(problem, 7, /`impact`: "severe" is not valid/, /use one of none, minor, major, critical/);
  });

  it('draft must be a boolean', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: notice
date: 2008-09-26 15:10
authors: [Jared]
draft: yes
---
`);
    // YAML 1.2: `yes` is a string, not true.
    assertProblem(problem, 6, /^`draft`: write true or false, not "yes"$/);
  });

  it('draft: true is accepted', () => {
    const { notice, problems } = check(`---
title: Backbone flap
type: notice
date: 2008-09-26 15:10
authors: [Jared]
draft: true
---
`);
    assert.deepEqual(problems, []);
    assert.equal(notice!.draft, true);
  });
});

describe('file and front matter', () => {
  const VALID = `---
title: Backbone flap
type: notice
date: 2008-09-26 15:10
authors: [Jared]
---
Body.
`;

  it('a file name that is not a slug is an error at line 1 naming a valid slug', () => {
    const problem = onlyProblem(VALID, 'posts/2008/09/San Jose.md');
    assertProblem(problem, 1, /file name "San Jose\.md" is not a valid slug/, /lowercase a-z, 0-9 and - only/, /e\.g\. "san-jose\.md"/);
  });

  it('underscores and capitals in file names are refused too', () => {
    assertProblem(onlyProblem(VALID, 'posts/2008/09/DSL_Work.md'), 1, /e\.g\. "dsl-work\.md"/);
  });

  it('no front matter', () => {
    const problem = onlyProblem('Just a body, no keys.\n');
    assertProblem(problem, 1, /no front matter/, /starts with a `---` line/);
  });

  it('an empty file', () => {
    assertProblem(onlyProblem(''), 1, /no front matter/);
  });

  it('a YAML syntax error reports its line', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: notice
date: 2008-09-26 15:10
authors: [Jared
---
`);
    assertProblem(problem, 5, /^YAML syntax: /);
  });

  it('a YAML syntax error further down reports that line', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: notice
date: 2008-09-26 15:10
authors: [Jared]
summary: "unterminated
---
`);
    assert.match(problem.message, /a quoted value is not closed/);
    assert.equal(problem.line, 6, 'the line where the quote opens');
  });

  it('an unclosed quote high in the front matter is reported at its line, not where YAML gave up', () => {
    for (const [line, text] of [
      [2, 'title: "Backbone flap'],
      [2, "title: 'Backbone flap''s end"],
      [3, 'authors:\n  - "Jared'],
    ] as const) {
      const lines = text.split('\n');
      const body = ['title: Backbone flap', 'type: notice', 'date: 2008-09-26 15:10', 'authors: [Jared]'].filter((entry) => !lines.some((own) => own.startsWith(entry.split(':')[0]!)));
      const problem = onlyProblem(`---\n${[...lines, ...body].join('\n')}\nsummary: "a \\" quote" and 'it''s' closed\nimpact: none\n---\nBody.\n`);
      assert.match(problem.message, /a quoted value is not closed/, text);
      assert.equal(problem.line, line, text);
    }
  });

  it('a duplicate key names the key, at the line of the repeat', () => {
    const problem = onlyProblem(`---
title: Backbone flap
type: notice
date: 2008-09-26 15:10
authors: [Jared]
title: Backbone flap again
---
`);
    assertProblem(problem, 6, /duplicate key `title`/, /only once/);
  });

  it('a duplicate key inside `window`', () => {
    const problem = onlyProblem(`---
title: DSL rebalancing
type: maintenance
date: 2008-09-26 15:10
authors: [Jared]
services: [dsl]
window:
  start: 2008-09-30 00:01
  start: 2008-09-30 00:02
  duration: 5m
---
`);
    assertProblem(problem, 9, /duplicate key `start`/);
  });

  it('front matter that is not a mapping', () => {
    const problem = onlyProblem(`---
- title
- type
---
`);
    assertProblem(problem, 2, /expected a mapping of keys/, /title, type, date, authors/);
  });

  it('aliases that would expand without bound are a problem, not a crash', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const problem = onlyProblem(`---\ntitle: Bomb\ntype: notice\ndate: 2008-09-26 15:10\nauthors: [Jared]\n${levels.join('\n')}\n---\n`);
    assertProblem(problem, 1, /front matter could not be read/, /Excessive alias count/);
  });
});

describe('several problems in one file', () => {
  it('are all reported in one result', () => {
    const { notice, problems } = check(`---
title: Backbone flap
type: incident
date: 2008-09-26
authors: [Jared]
servics: [backbone]
impact: severe
window:
  start: 2008-09-26 15:00
  duration: 90
updates:
  - at: 2008-09-26 16:00
    status: completed
    body: Done.
---
`);
    assert.equal(notice, undefined);
    const byLine = [...problems].sort((a, b) => a.line - b.line).map((p) => [p.line, p.message.split(/[:;(]/)[0]]);
    assert.deepEqual(byLine, [
      [3, 'missing required key `services`'],
      [4, '`date`'],
      [6, 'unknown key `servics` '],
      [7, '`impact`'],
      [10, '`window.duration`'],
      [13, '`updates[0].status`'],
    ]);
  });

  it('a bad file name is reported together with the content problems', () => {
    const { problems } = check(
      `---
title: Backbone flap
type: notice
date: 2008-09-26 15:10
authors: []
draft: no
---
`,
      'posts/2008/09/Backbone Flap.md',
    );
    assert.deepEqual(
      problems.map((p) => p.line).sort((a, b) => a - b),
      [1, 5, 6],
    );
  });
});

describe('URL collisions across files', () => {
  it('two notices with the same URL are an error naming both files', () => {
    const root = mkdtempSync(join(tmpdir(), 'noticeboard-collision-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      };
      const notice = (date: string) => `---
title: Backbone flap
type: notice
date: ${date}
authors: [Jared]
---
Body.
`;
      // Same slug, same local day (Sep 30 in Los Angeles, Oct 1 in UTC for the second).
      write('posts/2008/09/backbone-flap.md', notice('2008-09-30 08:00'));
      write('posts/2008/10/backbone-flap.md', notice('2008-09-30 23:30'));
      // Same slug, different day: no collision.
      write('posts/2008/11/backbone-flap.md', notice('2008-11-05 08:00'));
      // Not notices: skipped, never collide.
      write('posts/2008/09/_backbone-flap.md', notice('2008-09-30 08:00'));
      write('posts/.drafts/backbone-flap.md', notice('2008-09-30 08:00'));

      const { notices, problems, files } = loadNotices(join(root, 'posts'), siteConfig(), root);
      assert.equal(files, 3);
      assert.equal(notices.length, 3);
      assert.deepEqual(problems, [
        {
          file: 'posts/2008/10/backbone-flap.md',
          line: 1,
          message:
            'this notice would have the same URL /2008/09/30/backbone-flap/ as posts/2008/09/backbone-flap.md; rename one of the files',
        },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('site configuration', () => {
  const SERVICES = `services:
  - id: dsl
    name: DSL access
    group: Access
`;

  function onlyConfigProblem(text: string): Problem {
    const { config, problems } = parseConfig(text, 'site.config.yaml');
    assert.equal(config, undefined);
    assert.equal(problems.length, 1, `expected one problem, got:\n${problems.map((p) => `${p.line}: ${p.message}`).join('\n')}`);
    assert.equal(problems[0]!.file, 'site.config.yaml');
    return problems[0]!;
  }

  it('the example config is valid, with defaults and the trailing slash dropped', () => {
    const { config, problems } = parseConfig(
      `title: Example ISP Status
url: https://status.example.net/
timezone: America/Los_Angeles
${SERVICES}`,
      'site.config.yaml',
    );
    assert.deepEqual(problems, []);
    assert.equal(config!.url, 'https://status.example.net');
    assert.equal(config!.feed_items, 50);
    assert.equal(config!.language, 'en');
    assert.equal(config!.allow_html, false);
    assert.deepEqual(config!.services, [{ id: 'dsl', name: 'DSL access', group: 'Access', description: '', retired: false }]);
  });

  it('missing url', () => {
    const problem = onlyConfigProblem(`title: Example ISP Status
timezone: America/Los_Angeles
${SERVICES}`);
    assertProblem(problem, 1, /missing required key `url`/);
  });

  it('a url that is not absolute', () => {
    const problem = onlyConfigProblem(`title: Example ISP Status
url: status.example.net
timezone: America/Los_Angeles
${SERVICES}`);
    assertProblem(problem, 2, /`url`: must be an absolute http\(s\) URL, e\.g\. https:\/\/status\.example\.net/);
  });

  it('a url that is not http(s)', () => {
    const problem = onlyConfigProblem(`title: Example ISP Status
url: ftp://status.example.net
timezone: America/Los_Angeles
${SERVICES}`);
    assertProblem(problem, 2, /`url`: must be an absolute http\(s\) URL/);
  });

  it('a time zone that is not an IANA name', () => {
    for (const zone of ['America/Springfield', 'PDT', 'Pacific Time']) {
      const problem = onlyConfigProblem(`title: Example ISP Status
url: https://status.example.net
timezone: ${zone}
${SERVICES}`);
      assertProblem(problem, 3, /`timezone`: must be an IANA time zone name, e\.g\. America\/Los_Angeles/);
    }
  });

  it('a service id listed twice', () => {
    const problem = onlyConfigProblem(`title: Example ISP Status
url: https://status.example.net
timezone: America/Los_Angeles
services:
  - id: dsl
    name: DSL access
    group: Access
  - id: dsl
    name: DSL again
    group: Access
`);
    assertProblem(problem, 8, /service id `dsl` is listed twice; ids must be unique/);
  });

  it('a service id that is not a slug', () => {
    const problem = onlyConfigProblem(`title: Example ISP Status
url: https://status.example.net
timezone: America/Los_Angeles
services:
  - id: San Jose
    name: San Jose POP
    group: Access
`);
    assertProblem(problem, 5, /`services\[0\]\.id`: must be a slug: lowercase a-z, 0-9 and - only/);
  });

  it('an unknown key inside a service suggests the nearest, and the missing key is reported too', () => {
    const { config, problems } = parseConfig(
      `title: Example ISP Status
url: https://status.example.net
timezone: America/Los_Angeles
services:
  - id: dsl
    name: DSL access
    gruop: Access
`,
      'site.config.yaml',
    );
    assert.equal(config, undefined);
    // `group` is optional (a service without one is listed ungrouped), so only the typo is a problem.
    assert.equal(problems.length, 1);
    assertProblem(problems[0]!, 7, /unknown key `gruop` in `services\[0\]`/, /did you mean `group`\?/);
  });

  it('an unknown config key suggests the nearest', () => {
    const problem = onlyConfigProblem(`title: Example ISP Status
url: https://status.example.net
timezone: America/Los_Angeles
timezon: America/Los_Angeles
${SERVICES}`);
    assertProblem(problem, 4, /unknown key `timezon`/, /did you mean `timezone`\?/, /valid keys are title, url, timezone/);
  });

  it('feed_items below 1', () => {
    const problem = onlyConfigProblem(`title: Example ISP Status
url: https://status.example.net
timezone: America/Los_Angeles
feed_items: 0
${SERVICES}`);
    assertProblem(problem, 4, /`feed_items`/, /whole number from 1 to 1000/);
  });

  it('feed_items not a whole number', () => {
    for (const value of ['2.5', 'ten', '-3']) {
      const problem = onlyConfigProblem(`title: Example ISP Status
url: https://status.example.net
timezone: America/Los_Angeles
feed_items: ${value}
${SERVICES}`);
      assertProblem(problem, 4, /`feed_items`/, /whole number from 1 to 1000/);
    }
  });

  it('a language that is not a language tag', () => {
    const problem = onlyConfigProblem(`title: Example ISP Status
url: https://status.example.net
timezone: America/Los_Angeles
language: English
${SERVICES}`);
    assertProblem(problem, 4, /`language`: must be a language tag, e\.g\. en or en-US/);
  });

  it('no services', () => {
    const problem = onlyConfigProblem(`title: Example ISP Status
url: https://status.example.net
timezone: America/Los_Angeles
services: []
`);
    assertProblem(problem, 4, /`services`: must list at least one service/);
  });

  it('every config problem is reported in one result', () => {
    const { config, problems } = parseConfig(
      `title: Example ISP Status
url: status.example.net
timezone: Mars/Olympus_Mons
feed_items: 0
servics: []
services:
  - id: dsl
    name: DSL access
    group: Access
  - id: dsl
    name: DSL again
    group: Access
  - id: Mail
    name: Mail
    group: Mail
`,
      'site.config.yaml',
    );
    assert.equal(config, undefined);
    assert.deepEqual(
      problems.map((p) => p.line).sort((a, b) => a - b),
      [2, 3, 4, 5, 10, 13],
    );
  });
});
