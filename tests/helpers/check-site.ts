/**
 * Checks every feed, calendar and JSON file of a built site with tools this
 * project did not write, and with nothing outside the repository: xmllint
 * (Debian libxml2-utils) for well-formed XML, the structural rules of RSS 2.0
 * and Atom (RFC 4287) read from a real XML DOM, Debian's python3-vobject for
 * strict RFC 5545 validation of calendars, ical.js for a second calendar
 * reading, and JSON.parse. When a tool is missing this throws, saying what to
 * install, so the test FAILS rather than skips.
 *
 * (`../shared/validators/check-site` holds grammar-based validators the team
 * cross-checks with by hand; the tests must not depend on that folder.)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { DOMParser } from 'linkedom';

const INSTALL_HINT =
  'install the Debian packages the checks need: `apt-get install -y libxml2-utils python3-vobject` (or `npm run test:setup`)';

/** Throws with an install hint unless xmllint and python3-vobject are present. */
export function assertValidatorTools(): void {
  const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (xmllint.error || xmllint.status !== 0) throw new Error(`xmllint is missing: ${INSTALL_HINT}`);
  const vobject = spawnSync('/usr/bin/python3', ['-c', 'import vobject'], { encoding: 'utf8' });
  if (vobject.error || vobject.status !== 0) throw new Error(`python3-vobject is missing: ${INSTALL_HINT}`);
}

export interface CheckSiteResult {
  /** Files checked. */
  checked: number;
  /** One line per failure: `path: what is wrong`. */
  failures: string[];
}

/** Validates every .xml, .ics and .json file under `dir`; the caller asserts on the result. */
export function runCheckSite(dir: string): CheckSiteResult {
  assertValidatorTools();
  const files = walk(dir).filter((file) => /\.(xml|ics|json)$/.test(file));
  const failures: string[] = [];
  const calendars = files.filter((file) => file.endsWith('.ics'));
  for (const file of files) {
    if (file.endsWith('.json')) failures.push(...checkJson(file));
    else if (file.endsWith('.xml')) failures.push(...checkXml(file));
  }
  failures.push(...checkCalendars(calendars));
  return { checked: files.length, failures };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function checkJson(file: string): string[] {
  try {
    JSON.parse(readFileSync(file, 'utf8'));
    return [];
  } catch (error) {
    return [`${file}: ${(error as Error).message}`];
  }
}

function checkXml(file: string): string[] {
  const lint = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
  if (lint.status !== 0) return [`${file}: not well-formed XML: ${lint.stderr.trim().split('\n')[0]}`];
  const document = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/xml');
  const root = document.documentElement as unknown as Element | null;
  if (root?.localName === 'feed') return atomProblems(root).map((problem) => `${file}: ${problem}`);
  if (root?.localName === 'rss') return rssProblems(root).map((problem) => `${file}: ${problem}`);
  return [];
}

const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** RFC 3339 date-time with seconds and a zone (RFC 4287 §3.3). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** RFC 822 as RSS uses it, four-digit year allowed (RSS 2.0 "pubDate"). */
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}(:\d{2})? (GMT|UT|Z|[+-]\d{4}|[A-Z]{3})$/;

const children = (element: Element, name: string) => [...element.children].filter((child) => child.localName === name);

/** The element rules of RFC 4287 that a grammar would check, for a feed and its entries. */
function atomProblems(feed: Element): string[] {
  const problems: string[] = [];
  if (feed.getAttribute('xmlns') !== ATOM_NS) problems.push(`<feed> is not in the Atom namespace ${ATOM_NS}`);
  const entries = children(feed, 'entry');
  const feedHasAuthor = children(feed, 'author').length > 0;
  problems.push(...atomContainerProblems(feed, 'feed'));
  entries.forEach((entry, index) => {
    problems.push(...atomContainerProblems(entry, `entry ${index + 1}`));
    if (!feedHasAuthor && children(entry, 'author').length === 0) problems.push(`entry ${index + 1} has no author and the feed has none`);
    const content = children(entry, 'content')[0];
    if (!content && !children(entry, 'link').some((link) => (link.getAttribute('rel') ?? 'alternate') === 'alternate')) {
      problems.push(`entry ${index + 1} has neither content nor an alternate link`);
    }
  });
  return problems;
}

function atomContainerProblems(element: Element, what: string): string[] {
  const problems: string[] = [];
  for (const name of ['id', 'title', 'updated']) {
    const count = children(element, name).length;
    if (count !== 1) problems.push(`${what} has ${count} <${name}> elements; exactly one is required`);
  }
  for (const name of ['updated', 'published']) {
    for (const date of children(element, name)) {
      if (!RFC3339.test(date.textContent ?? '')) problems.push(`${what} <${name}> "${date.textContent}" is not an RFC 3339 date-time`);
    }
  }
  for (const name of ['title', 'summary', 'content', 'subtitle', 'rights']) {
    for (const text of children(element, name)) {
      const type = text.getAttribute('type');
      if (type !== null && name !== 'content' && !['text', 'html', 'xhtml'].includes(type)) {
        problems.push(`${what} <${name}> has type "${type}"; Atom text types are text, html and xhtml`);
      }
    }
  }
  for (const link of children(element, 'link')) {
    if (!link.getAttribute('href')) problems.push(`${what} has a <link> without href`);
  }
  return problems;
}

function rssProblems(rss: Element): string[] {
  const problems: string[] = [];
  if (rss.getAttribute('version') !== '2.0') problems.push('<rss> version is not 2.0');
  const channels = children(rss, 'channel');
  if (channels.length !== 1) return [...problems, `<rss> has ${channels.length} <channel> elements; exactly one is required`];
  const channel = channels[0]!;
  for (const name of ['title', 'link', 'description']) {
    if (children(channel, name).length !== 1) problems.push(`<channel> needs exactly one <${name}>`);
  }
  children(channel, 'item').forEach((item, index) => {
    if (children(item, 'title').length === 0 && children(item, 'description').length === 0) {
      problems.push(`item ${index + 1} has neither <title> nor <description>`);
    }
    for (const date of children(item, 'pubDate')) {
      if (!RFC822.test(date.textContent ?? '')) problems.push(`item ${index + 1} <pubDate> "${date.textContent}" is not an RFC 822 date`);
    }
  });
  for (const date of [...children(channel, 'pubDate'), ...children(channel, 'lastBuildDate')]) {
    if (!RFC822.test(date.textContent ?? '')) problems.push(`<channel> <${date.localName}> "${date.textContent}" is not an RFC 822 date`);
  }
  return problems;
}

/** Strict validation by python3-vobject (one process for every file), CRLF endings, and an ical.js reading. */
const VOBJECT_CHECK = `
import sys, vobject
for path in sys.argv[1:]:
    try:
        calendar = vobject.readOne(open(path, encoding='utf-8', newline='').read(), validate=True)
        calendar.validate(raiseException=True, complainUnrecognized=False)
    except Exception as error:
        print(f'{path}: python3-vobject: {type(error).__name__}: {str(error)[:200]}')
`;

function checkCalendars(files: string[]): string[] {
  if (files.length === 0) return [];
  const problems: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (/(^|[^\r])\n/.test(text)) problems.push(`${file}: lines must end with CRLF (RFC 5545 §3.1)`);
    try {
      ICAL.parse(text);
    } catch (error) {
      problems.push(`${file}: ical.js: ${(error as Error).message}`);
    }
  }
  const run = spawnSync('/usr/bin/python3', ['-c', VOBJECT_CHECK, ...files], { encoding: 'utf8' });
  if (run.error || run.status !== 0) problems.push(`python3-vobject did not run: ${run.error?.message ?? run.stderr}`);
  problems.push(...run.stdout.split('\n').filter(Boolean));
  return problems;
}
