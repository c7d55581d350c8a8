/**
 * Issue 11, item 4: control characters and noncharacters pasted into a notice
 * or the catalog never reach a page. Pages drop them through the same scrub
 * the feeds use (src/html.ts calls src/outputs/scrub.ts), so every page of a
 * site whose title, body, summary, update and service name hold U+0007,
 * U+000B and friends passes the Nu Html Checker, and the text around them
 * reads as written.
 *
 * Needs Java and the npm package vnu-jar; without them the test fails saying
 * to run `npm run test:setup`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { vnuJar } from './helpers/browser.ts';
import { buildFixture, type Fixture } from './helpers/build-fixture.ts';

/** As YAML double-quoted escapes: BEL, VT, FF, ESC, DEL, a noncharacter and U+FFFE. */
const YAML_CONTROLS = '\\a\\v\\f\\e\\x7F\\uFDD0\\uFFFE';
/** The same, raw, for the Markdown body. */
const RAW_CONTROLS = '\u0007\u000B\u000C\u001B\u007F\uFDD0\uFFFE';

const FILES = {
  'site.config.yaml': `title: "Example${YAML_CONTROLS} ISP Status"
url: https://status.example.net
timezone: America/Los_Angeles
services:
  - id: imap
    name: "IMAP${YAML_CONTROLS} mail"
    group: Mail
`,
  'posts/2008/10/bell.md': `---
title: "Mail${YAML_CONTROLS} slow"
type: incident
date: 2008-10-01 09:00
window:
  start: 2008-10-01 08:45
services: [imap]
authors: ["Don${YAML_CONTROLS}"]
summary: "Slow${YAML_CONTROLS} mail."
updates:
  - at: 2008-10-01 09:30
    status: identified
    body: "A filer${YAML_CONTROLS} is slow."
---
Some${RAW_CONTROLS} customers see slow mail.
`,
};

describe('pages never carry a forbidden code point', () => {
  let build: Fixture;
  before(async () => {
    build = await buildFixture({ files: FILES, now: '2008-10-01 10:00' });
  });
  after(() => build?.remove());

  it('every page passes the Nu Html Checker', () => {
    const jar = vnuJar();
    const run = spawnSync('java', ['-jar', jar, '--format', 'json', '--skip-non-html', build.output], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error) throw run.error;
    const report = JSON.parse(run.stderr || run.stdout) as { messages: { type: string; url?: string; message: string }[] };
    const errors = report.messages.filter((message) => message.type === 'error' || message.type === 'non-document-error');
    assert.deepEqual(
      errors.map((message) => `${message.url?.replace(`file:${build.output}`, '')}: ${message.message}`),
      [],
    );
  });

  it('the text around them reads as written', () => {
    const { document } = parseHTML(build.read('/2008/10/01/bell/index.html'));
    assert.equal(document.querySelector('h1')?.textContent, 'Mail slow');
    // The timeline runs newest first: the update, then the notice as first posted.
    assert.match(document.querySelector('.timeline li.posted .body')?.textContent ?? '', /Some customers see slow mail\./);
    assert.match(document.querySelector('.timeline li:not(.posted) .body')?.textContent ?? '', /A filer is slow\./);
    assert.match(document.querySelector('.facts')?.textContent ?? '', /IMAP mail/);
    assert.equal(document.querySelector('title')?.textContent, 'Mail slow · Example ISP Status');
    const home = parseHTML(build.read('/index.html')).document;
    // The home page leads with an open incident's newest update.
    assert.match(home.querySelector('.open-incidents .latest .body')?.textContent ?? '', /^\s*A filer is slow\.\s*$/);
  });
});
