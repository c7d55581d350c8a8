/**
 * Which pages a rebuild under `npm start` renders (src/model/changed-pages.ts,
 * notice-changes.ts), on models built in memory: only those an edit can
 * change, and all of them whenever what every page shows may have changed.
 * (tests/preview.test.ts checks the same through `npm start` itself: the
 * output folder is then a clean start's, file for file.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig, type SiteConfig } from '../src/content/config.ts';
import type { Notice } from '../src/content/notice.ts';
import { parseNotice } from '../src/content/parse-notice.ts';
import { buildModel, type SiteModel } from '../src/model/model.ts';
import { plainTheme } from '../src/model/theme.ts';
import { availabilityOf } from '../src/model/views.ts';
import { renderStatuspage, STATUSPAGE_PATHS } from '../src/outputs/statuspage.ts';

const CONFIG = `title: Example ISP status
url: https://status.example.net
timezone: Europe/Berlin
services:
  - id: dns
    name: DNS
  - id: mail
    name: Mail
  - id: web
    name: Web hosting
  - id: quiet
    name: A service without notices
`;

const NOW = new Date('2025-06-30T12:00:00Z');
/** Enough for numbered history pages (50 a page) of the whole list and of each type. */
const COUNT = 160;
const SERVICES = [['dns'], ['mail'], ['dns', 'web'], ['web']];

function config(text = CONFIG): SiteConfig {
  const { config, problems } = parseConfig(text, 'site.config.yaml');
  assert.deepEqual(problems, []);
  return config!;
}

/** Notice `i`, a day after the one before; `change` edits its front matter. */
function notice(site: SiteConfig, i: number, change: (front: string) => string = (front) => front): Notice {
  const day = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const services = SERVICES[i % SERVICES.length]!;
  const type = i % 3 === 0 ? 'incident' : 'notice';
  const window = type === 'incident' ? `window:\n  start: ${day} 10:00\n  end: ${day} 11:00\n` : '';
  const front = change(`title: "Notice ${i}"\ntype: ${type}\ndate: ${day} 10:00\nservices: [${services.join(', ')}]\nauthors: [NOC]\n${window}`);
  const { notice, problems } = parseNotice(`---\n${front}---\nWhat happened to notice ${i}.\n`, `posts/${day.slice(0, 4)}/${day.slice(5, 7)}/notice-${i}.md`, site);
  assert.deepEqual(problems, []);
  return notice!;
}

/** The site's notices as the parse cache keeps them: the same objects while their files are unchanged. */
function notices(site: SiteConfig): Notice[] {
  return Array.from({ length: COUNT }, (_, i) => notice(site, i));
}

const urls = (pages: { url: string }[]) => pages.map((page) => page.url).sort();
const ids = (model: SiteModel) => ({ feeds: model.feedServices.map((service) => service.id), availability: model.availabilityPages.map((report) => report.serviceId) });

/** The history pages of `model` that list the notice at `url`. */
const historyListing = (model: SiteModel, url: string) => urls(model.history.pages.filter((page) => page.notices.some((view) => view.url === url)));

function assertEverything(model: SiteModel, what: string): void {
  assert.equal(model.noticePages, model.notices, what);
  assert.equal(model.historyPages, model.history.pages, what);
  assert.equal(model.feedServices, model.services, what);
  assert.equal(model.availabilityPages, model.availability.services, what);
}

describe('the pages a rebuild renders', () => {
  const site = config();
  const all = notices(site);
  const first = buildModel(site, all, NOW, { includeDrafts: true });

  it('renders everything in a build, and in a rebuild after nothing changed only the feeds of a service without notices', () => {
    assertEverything(first, 'a first build');
    assert.ok(first.history.pages.some((page) => page.number > 1), 'the history has numbered pages');
    const again = buildModel(site, all, NOW, { includeDrafts: true, previous: first });
    assert.deepEqual([again.noticePages, again.monthPages, again.serviceYearPages, again.historyPages].map((list) => list.length), [0, 0, 0, 0]);
    // An empty feed shows the site's newest change, which any notice can move: always rendered (it costs nothing).
    assert.deepEqual(ids(again), { feeds: ['quiet'], availability: [] });
    assert.equal(again.notices[5], first.notices[5], 'an unchanged notice keeps its view');
  });

  it('after a title is edited: that notice, the pages listing it, and its service’s feeds and availability', () => {
    const edited = all.map((source, i) => (i === 41 ? notice(site, i, (front) => front.replace('"Notice 41"', '"Notice 41, edited"')) : source));
    const model = buildModel(site, edited, NOW, { includeDrafts: true, previous: first });
    const url = edited[41]!.url;
    assert.deepEqual(urls(model.noticePages), [url]);
    assert.deepEqual(urls(model.historyPages), historyListing(model, url));
    assert.equal(model.historyPages.length, 3, 'all, notices, mail');
    assert.deepEqual(ids(model), { feeds: ['mail', 'quiet'], availability: ['mail'] });
  });

  it('after a notice’s services change: the feeds and availability of the services before and after, and every history page (their counts changed)', () => {
    const edited = all.map((source, i) => (i === 41 ? notice(site, i, (front) => front.replace('services: [mail]', 'services: [web]')) : source));
    const model = buildModel(site, edited, NOW, { includeDrafts: true, previous: first });
    assert.equal(model.historyPages, model.history.pages);
    assert.deepEqual(ids(model), { feeds: ['mail', 'web', 'quiet'], availability: ['mail', 'web'] });
    assert.deepEqual(urls(model.serviceYearPages), ['/services/mail/2025/', '/services/web/2025/']);
  });

  it('after a notice is added or deleted: its services’ feeds and availability, and the pages that list it or listed it', () => {
    const added = buildModel(site, [...all, notice(site, COUNT)], NOW, { includeDrafts: true, previous: first });
    assert.deepEqual(urls(added.noticePages), [notice(site, COUNT).url]);
    assert.deepEqual(ids(added), { feeds: ['dns', 'quiet'], availability: ['dns'] });
    const deleted = buildModel(site, all.filter((_, i) => i !== 2), NOW, { includeDrafts: true, previous: first });
    assert.deepEqual(urls(deleted.noticePages), []);
    assert.deepEqual(ids(deleted), { feeds: ['dns', 'web', 'quiet'], availability: ['dns', 'web'] });
    assert.ok(deleted.monthPages.some((month) => month.url === '/2025/01/'), 'the month that listed it');
  });

  it('renders every availability page when "now" moved, and every page when the config or the part overrides may differ', () => {
    const later = buildModel(site, all, new Date(NOW.getTime() + 60_000), { includeDrafts: true, previous: first });
    assert.equal(later.availabilityPages, later.availability.services);
    assert.notEqual(later.notices[5], first.notices[5], 'a view is made again at another "now"');
    const renamed = config(CONFIG.replace('Example ISP status', 'Example ISP'));
    assertEverything(buildModel(renamed, all, NOW, { includeDrafts: true, previous: first }), 'another config');
    const theme = { ...plainTheme(), parts: { footer: () => 'ours' } };
    assertEverything(buildModel(site, all, NOW, { includeDrafts: true, previous: first, theme }), 'a part override');
  });

  it('reuses across a rebuild only what gives a fresh build’s bytes: the API’s instants of each notice, the availability’s days and the unchanged services’ strips', () => {
    const api = (model: SiteModel) => STATUSPAGE_PATHS.map((path) => renderStatuspage(model, path));
    // A later end moves its components' updated_at; a notice before all others moves the origin and the days.
    const endMoved = all.map((source, i) => (i === 42 ? notice(site, i, (front) => front.replace(/end: (\S+) 11:00/, 'end: $1 18:00')) : source));
    const earlier = notice(site, -60); // an incident two months before the first
    for (const [what, edited] of [['an end moved', endMoved], ['an earlier notice added', [...all, earlier]]] as const) {
      const rebuilt = buildModel(site, edited, NOW, { includeDrafts: true, previous: first });
      const fresh = buildModel(site, edited, NOW, { includeDrafts: true });
      assert.deepEqual(api(rebuilt), api(fresh), what);
      assert.notDeepEqual(api(rebuilt), api(first), `${what}: the API shows it`);
      assert.deepEqual(rebuilt.availability.services, fresh.availability.services, what);
    }
    // The 90-day strips: the unchanged services' are carried over from the first build (the very same), the edited one's worked out again.
    const strips = (model: SiteModel) => model.services.map((service) => availabilityOf(model, service));
    const firstStrips = strips(first);
    const rebuilt = buildModel(site, endMoved, NOW, { includeDrafts: true, previous: first });
    const fresh = buildModel(site, endMoved, NOW, { includeDrafts: true });
    assert.deepEqual(strips(rebuilt), strips(fresh), 'the strips after an end moved');
    const edited = new Set(endMoved[42]!.services);
    rebuilt.services.forEach((service, i) => assert.equal(availabilityOf(rebuilt, service) === firstStrips[i], !edited.has(service.id), service.id));
    const later = buildModel(site, endMoved, new Date(NOW.getTime() + 86_400_000), { includeDrafts: true, previous: rebuilt });
    assert.deepEqual(strips(later), strips(buildModel(site, endMoved, new Date(NOW.getTime() + 86_400_000), { includeDrafts: true })), 'a day later');
    // The rebuild over the same days took the first build's grid: a quiet day of the edited notice's service is the very same.
    const web = (model: SiteModel) => model.availability.byService.get('web')!.days[0];
    assert.equal(web(buildModel(site, endMoved, NOW, { includeDrafts: true, previous: first })), web(first));
  });
});
