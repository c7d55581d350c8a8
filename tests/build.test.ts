/**
 * The built site as a reader sees it: every page of spec §5 exists, and a real
 * HTML parser finds the right notices, in the right order, at the right local
 * times. Builds run with a fixed STATUS_NOW.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { InvalidInputError } from '../src/content/problems.ts';
import { renderHeadersFile } from '../src/outputs/headers.ts';
import { buildFixture, PROJECT_ROOT, SAMPLE_NOW, type Fixture } from './helpers/build-fixture.ts';

/** Every fixture this file builds, removed when its tests are done. */
const fixtures: Fixture[] = [];
after(() => {
  for (const fixture of fixtures) fixture.remove();
});
async function fixtureFor(options: Parameters<typeof buildFixture>[0]): Promise<Fixture> {
  const fixture = await buildFixture(options);
  fixtures.push(fixture);
  return fixture;
}

function page(site: string, url: string): Document {
  const file = join(site, url.endsWith('/') ? `${url}index.html` : url);
  assert.ok(existsSync(file), `${url} was not built`);
  return parseHTML(readFileSync(file, 'utf8')).document;
}

/** Text as a screen reader says it: decorative icons (aria-hidden) left out. */
function text(element: Element | null | undefined): string {
  if (!element) return '';
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}
const texts = (document: Document, selector: string) => [...document.querySelectorAll(selector)].map(text);

/** The seed's notices, newest first, as the month page must list them. */
const SEPTEMBER = [
  ['/2008/09/29/san-jose-pop-retrofit/', 'San Jose POP Retrofit'],
  ['/2008/09/26/dsl-subscriber-rebalancing/', 'DSL Subscriber Rebalancing'],
  ['/2008/09/24/imap-performance-problems-solved/', 'IMAP performance problems solved'],
  ['/2008/09/19/password-tool-updates/', 'Updates to password changing tool'],
  ['/2008/09/16/system-authentication-failure/', 'System Authentication Failure'],
  ['/2008/09/12/mail-service-interruption/', 'Mail Service Interuption'],
  ['/2008/09/10/web-cluster-mail-delivery-problem/', 'Intermittent mail delivery problem from Customer Web Cluster'],
  ['/2008/09/08/vpn-certificate-expiry/', 'VPN Concentrator Certificate Expiry'],
  ['/2008/09/05/upstream-routing-issue/', 'Upstream Routing Issue'],
  ['/2008/09/03/spamassassin-outage/', 'SpamAssassin Outage'],
] as const;

const SERVICE_IDS = ['backbone', 'transit', 'dsl', 'vpn', 'imap', 'webmail', 'spam-filtering', 'auth', 'account-tools', 'shell', 'web-hosting'];

describe('the sample site during the San Jose POP maintenance', () => {
  let site: string;
  before(async () => {
    site = (await fixtureFor({ from: PROJECT_ROOT, now: SAMPLE_NOW })).output;
  });

  it('has every page of the contract', () => {
    const urls = ['/', '/2008/09/', '/archive/', '/services/', '/404.html', ...SEPTEMBER.map(([url]) => url), ...SERVICE_IDS.map((id) => `/services/${id}/`)];
    for (const url of urls) page(site, url);
  });

  it('writes the deploy headers of every output as _headers, from the output registry', () => {
    assert.equal(readFileSync(join(site, '_headers'), 'utf8'), renderHeadersFile());
  });

  it('shows the maintenance in progress on the home page and the backbone is under maintenance', () => {
    const home = page(site, '/');
    assert.equal(text(home.querySelector('h1')), 'Maintenance in progress');
    assert.deepEqual(texts(home, '.maintenance-now .item-title'), ['San Jose POP Retrofit']);
    assert.match(text(home.querySelector('.maintenance-now .badge')), /In progress/);
    // One row per service (each row also holds its 90-day strip, a list of days).
    const rows = [...home.querySelectorAll('.services .service-list > li')];
    const backbone = rows.find((li) => text(li.querySelector('a')) === 'Backbone and POPs');
    assert.match(text(backbone), /Under maintenance/);
    const others = rows.filter((li) => li !== backbone);
    assert.equal(others.length, SERVICE_IDS.length - 1);
    for (const li of others) assert.match(text(li), /Operational/);
    assert.equal(home.querySelector('.banner time')?.getAttribute('datetime'), '2008-10-02T00:30:00-07:00');
  });

  it('shows it on the backbone service page too', () => {
    const backbone = page(site, '/services/backbone/');
    assert.match(text(backbone.querySelector('.state-now')), /Under maintenance/);
    assert.deepEqual(texts(backbone, '.state-now .item-title'), ['San Jose POP Retrofit']);
    assert.deepEqual(texts(backbone, '.history .item-title'), ['San Jose POP Retrofit']);
  });

  it('lists all ten notices in full on the month page, newest first, under "Month: September 2008"', () => {
    const month = page(site, '/2008/09/');
    assert.equal(text(month.querySelector('h1')), 'Month: September 2008');
    const articles = [...month.querySelectorAll('article')];
    assert.deepEqual(
      articles.map((article) => [article.querySelector('h2 a')?.getAttribute('href'), text(article.querySelector('h2'))]),
      SEPTEMBER.map(([url, title]) => [url, title]),
    );
    // In full: the body, not a summary.
    assert.match(text(articles[2]), /We believe we have solved the problem and have since implemented much more detailed monitoring/);
    assert.match(text(articles[1]), /Rebalancing completed\. Downtime for affected customers was under 5 minutes\./);
  });

  it('shows each notice with its window in Pacific time, the exact instant in <time>', () => {
    const sanJose = page(site, '/2008/09/29/san-jose-pop-retrofit/');
    assert.equal(text(sanJose.querySelector('h1')), 'San Jose POP Retrofit');
    const times = [...sanJose.querySelectorAll('.facts time')].map((t) => [t.getAttribute('datetime'), text(t)]);
    assert.deepEqual(times, [
      ['2008-10-02T00:01:00-07:00', 'Thu, Oct 2, 2008, 12:01 AM PDT'],
      ['2008-10-02T01:31:00-07:00', '1:31 AM PDT'],
    ]);
    assert.match(text(sanJose.querySelector('.byline')), /Posted by Jared and Nathan on Mon, Sep 29, 2008, 3:30 PM PDT/);
    assert.equal(sanJose.querySelector('.facts a[href="/services/backbone/"]')?.textContent, 'Backbone and POPs');
    assert.match(text(sanJose.querySelector('.facts')), /In progress/);

    const dsl = page(site, '/2008/09/26/dsl-subscriber-rebalancing/');
    // Newest first, the notice as first posted last; the start by the clock is
    // in the timeline too, and the written `completed` is not doubled (issue 11).
    assert.deepEqual(texts(dsl, '.timeline li'), [
      'Completed Tue, Sep 30, 2008, 12:09 AM PDT Rebalancing completed. Downtime for affected customers was under 5 minutes.',
      'In progress Tue, Sep 30, 2008, 12:01 AM PDT The maintenance has begun.',
      'Posted Fri, Sep 26, 2008, 3:10 PM PDT On Tuesday September 30 at 12:01 AM we will be moving several hundred DSL subscribers from one of our DSL aggregation routers to another, to balance network load. This move should take less than 5 minutes and will only cause a brief service interruption.',
    ]);
    assert.deepEqual(
      [...dsl.querySelectorAll('.timeline time')].map((time) => time.getAttribute('datetime')),
      ['2008-09-30T00:09:00-07:00', '2008-09-30T00:01:00-07:00', '2008-09-26T15:10:00-07:00'],
    );
  });

  it('lists the month with its count on the archive page', () => {
    const archive = page(site, '/archive/');
    assert.match(text(archive.querySelector('main')), /2008/);
    const link = archive.querySelector('a[href="/2008/09/"]');
    assert.equal(text(link?.closest('li')), 'September 2008 (10 notices)');
  });

  it('links every notice page to the services it affects, by name', () => {
    const auth = page(site, '/2008/09/16/system-authentication-failure/');
    assert.deepEqual(
      [...auth.querySelectorAll('.facts a[href^="/services/"]')].map((a) => a.getAttribute('href')),
      ['/services/auth/', '/services/shell/', '/services/imap/', '/services/webmail/'],
    );
  });
});

const CONFIG = `title: Fixture Status
url: https://status.example.net
timezone: America/Los_Angeles
services:
  - id: backbone
    name: Backbone
    group: Network
`;

const notice = (title: string, date: string, extra = '') => `---
title: ${title}
type: notice
date: ${date}
authors: [NOC]
${extra}---
${title} body.
`;

describe('month boundaries follow the site zone', () => {
  let site: string;
  before(async () => {
    const fixture = await fixtureFor({
      files: {
        'site.config.yaml': CONFIG,
        // 23:30 PDT on Sep 30 is 06:30 UTC on Oct 1: it belongs to September.
        'posts/2008/09/late-night.md': notice('Late night', '2008-09-30 23:30'),
        'posts/2008/10/next-morning.md': notice('Next morning', '2008-10-01 08:00'),
        'posts/2008/07/summer.md': notice('Summer', '2008-07-04 12:00'),
      },
      now: '2008-10-02 12:00',
    });
    site = fixture.output;
  });

  it('puts a notice published at 23:30 local on the last day in that month', () => {
    page(site, '/2008/09/30/late-night/');
    assert.deepEqual(texts(page(site, '/2008/09/'), 'article h2'), ['Late night']);
    assert.deepEqual(texts(page(site, '/2008/10/'), 'article h2'), ['Next morning']);
    assert.equal(existsSync(join(site, '2008/10/01/late-night')), false);
  });

  it('links each month to the previous and next months that have notices, skipping empty ones', () => {
    const september = page(site, '/2008/09/');
    const hrefs = [...september.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
    assert.ok(hrefs.includes('/2008/07/'), 'previous month with notices is July');
    assert.ok(hrefs.includes('/2008/10/'), 'next month is October');
    assert.ok(!hrefs.includes('/2008/08/'), 'no link to August, which has no notices');
    assert.equal(existsSync(join(site, '2008/08/index.html')), false, 'no page for a month without notices');
  });
});

describe('bad input', () => {
  it('reports every broken notice in one run and writes no output', async () => {
    const fixture = await fixtureFor({
      files: {
        'site.config.yaml': CONFIG,
        'posts/2008/09/good.md': notice('Good', '2008-09-10 10:00'),
        'posts/2008/09/typo.md': notice('Typo', '2008-09-11 10:00', 'servics: [backbone]\n'),
        'posts/2008/09/gap.md': notice('Gap', '2009-03-08 02:30'),
        'posts/2008/09/Bad Name.md': notice('Bad name', '2008-09-12 10:00'),
        'posts/2008/09/wrong-type.md': notice('Wrong type', '2008-09-13 10:00').replace('type: notice', 'type: outage'),
      },
      now: '2008-10-02 12:00',
      build: false,
    });
    const { root } = fixture;
    await assert.rejects(fixture.rebuild(), (error: unknown) => {
      assert.ok(error instanceof InvalidInputError);
      assert.deepEqual(
        error.problems.map((p) => `${p.file}:${p.line}`),
        ['posts/2008/09/Bad Name.md:1', 'posts/2008/09/gap.md:4', 'posts/2008/09/typo.md:6', 'posts/2008/09/wrong-type.md:3'],
      );
      return true;
    });
    assert.equal(existsSync(join(root, '_site')), false, 'no site is written');
    assert.deepEqual(readdirSync(root).filter((name) => name.startsWith('.site-staging')), [], 'no staging folder is left');
  });

  it('leaves the last good site exactly as it was', async () => {
    const fixture = await fixtureFor({
      files: { 'site.config.yaml': CONFIG, 'posts/2008/09/good.md': notice('Good', '2008-09-10 10:00') },
      now: '2008-10-02 12:00',
    });
    const before = fixture.snapshot();
    fixture.write('posts/2008/09/broken.md', notice('Broken', '2008-09-31 10:00'));
    await assert.rejects(fixture.rebuild(), InvalidInputError);
    assert.deepEqual(fixture.snapshot(), before);
  });
});
