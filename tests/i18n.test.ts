/**
 * Every page in the site's language (src/i18n/): the shipped locales are
 * complete, the config's `language` and `strings` are checked, and a fixture
 * site built in each shipped language shows no English UI string, carries
 * `lang`/`dir`, and writes times as its language does (across a DST change).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { localeProblems, readLocaleFile, shippedLocales, type Message } from '../src/i18n/catalog.ts';
import { createLocale } from '../src/i18n/locale.ts';
import { parseConfig } from '../src/content/config.ts';
import { buildFixture, type Fixture } from './helpers/build-fixture.ts';

import { I18N_NOW, I18N_POSTS, i18nConfig, SHIPPED } from './helpers/i18n-site.ts';

describe('the shipped locales', () => {
  it(`are ${SHIPPED.join(', ')}, each with every key of the English file and no other`, () => {
    assert.deepEqual(shippedLocales(), SHIPPED);
    const english = readLocaleFile('en');
    for (const id of SHIPPED) assert.deepEqual(localeProblems(readLocaleFile(id), english), [], id);
  });

  it('name a missing key, an extra key and a placeholder that differs', () => {
    const english = { a: 'A {time}', b: { one: '{count} b', other: '{count} bs' } };
    assert.deepEqual(localeProblems({ b: 'x', c: 'y' }, english), [
      'missing key `a`',
      '`b` must be plural forms, e.g. {one: …, other: …}',
      'key `c` is not in the English file',
    ]);
    assert.deepEqual(localeProblems({ a: 'A {zeit}', b: { other: '{count}' } }, english), ['`a` must use the placeholders {time}, not {zeit}']);
  });

  it('pick plural forms by Intl.PluralRules and the locale\'s digits', () => {
    const counts = (language: string) => [0, 1, 2, 3, 11, 100].map((n) => createLocale({ language }).count('count.notices', n));
    assert.deepEqual(counts('en'), ['0 notices', '1 notice', '2 notices', '3 notices', '11 notices', '100 notices']);
    assert.deepEqual(counts('de'), ['0 Meldungen', '1 Meldung', '2 Meldungen', '3 Meldungen', '11 Meldungen', '100 Meldungen']);
    assert.deepEqual(counts('ar'), ['لا إشعارات', 'إشعار واحد', 'إشعاران', '3 إشعارات', '11 إشعارًا', '100 إشعار']);
  });
});

describe('a locale formats as Intl and its messages say', () => {
  it('numbers, formatted once each, are what Intl.NumberFormat writes, -0 and fractions included', () => {
    for (const language of ['en', 'de', 'ar']) {
      const locale = createLocale({ language });
      const intl = new Intl.NumberFormat(language);
      for (const value of [0, -0, 7, 1234, 44640, 525600, -3, 2.5, 99.95, Number.MAX_SAFE_INTEGER + 2]) {
        assert.equal(locale.number(value), intl.format(value), `${language} ${value}`);
        assert.equal(locale.number(value), intl.format(value), `${language} ${value}, again`);
      }
    }
  });

  it('fill every placeholder with its value and keep one without a value as written', () => {
    const locale = createLocale({ language: 'en', strings: { 'home.asof': '{time} and {time}, {missing}' } });
    assert.equal(locale.t('home.asof', { time: 'now' }), 'now and now, {missing}');
    assert.equal(locale.t('home.asof', { time: 'later' }), 'later and later, {missing}');
    assert.equal(locale.t('nav.status'), createLocale({ language: 'en' }).message('nav.status'));
  });
});

describe('language and strings in site.config.yaml', () => {
  const problems = (text: string) => parseConfig(text, 'site.config.yaml').problems.map((p) => `${p.line}: ${p.message}`);

  it('take a region tag by its language, and refuse a language with no locale, listing the shipped ones', () => {
    assert.deepEqual(problems(i18nConfig('de-AT')), []);
    assert.equal(createLocale({ language: 'de-AT' }).id, 'de');
    assert.deepEqual(problems(i18nConfig('sv')), [
      `4: \`language\`: no locale is shipped for "sv"; shipped languages are ${SHIPPED.join(', ')} (docs/languages.md says how to add one)`,
    ]);
  });

  it('override single messages, and name an unknown key with the nearest one', () => {
    const config = parseConfig(i18nConfig('de', 'strings:\n  home.asof: "Lage: {time}"\n'), 'site.config.yaml').config!;
    assert.equal(createLocale(config).t('home.asof', { time: 'jetzt' }), 'Lage: jetzt');
    assert.deepEqual(problems(i18nConfig('de', 'strings:\n  home.asoff: "Lage: {time}"\n  home.recent: "Neu {time}"\n  clock: x\n')), [
      '6: `strings`: unknown message key `home.asoff` (did you mean `home.asof`?); the keys are those of src/i18n/locales/en.json',
      '7: `strings`: `home.recent` must use the placeholders (none), not {time}',
      '8: `strings`: unknown message key `clock`; the keys are those of src/i18n/locales/en.json',
    ]);
  });

  it('force a 12- or 24-hour clock with `clock`', () => {
    assert.deepEqual(problems(i18nConfig('de', 'clock: 13h\n')), ['5: `clock`: "13h" is not valid (did you mean `12h`?); use one of 12h, 24h']);
    const at = new Date('2026-03-29T12:05:00Z');
    assert.equal(createLocale({ language: 'de', clock: '12h' }).dates.time(at, 'Europe/Berlin'), '2:05 PM MESZ');
    assert.equal(createLocale({ language: 'en', clock: '24h' }).dates.time(at, 'America/Los_Angeles'), '05:05 PDT');
  });
});

/** Every text a reader can meet on a page: its text, its title, and the labels and tooltips of its elements. */
export function readerTexts(html: string): string {
  const { document } = parseHTML(html);
  const parts = [document.title, document.querySelector('main, body')?.textContent ?? '', document.querySelector('header')?.textContent ?? ''];
  for (const element of document.querySelectorAll('[aria-label], [title], meta[name="description"]')) {
    parts.push(element.getAttribute('aria-label') ?? '', element.getAttribute('title') ?? '', element.getAttribute('content') ?? '');
  }
  return parts.join('\n').replace(/\s+/g, ' ');
}

/**
 * The English UI's own words: each message's text between placeholders, where
 * it is a word or more of letters. Those a language writes the same way by
 * nature (names of formats, loanwords) are listed per language below.
 */
function englishFragments(): Map<string, string> {
  const fragments = new Map<string, string>();
  const english = readLocaleFile('en');
  for (const [key, message] of Object.entries(english)) {
    if (key.startsWith('meta.')) continue;
    for (const text of texts(message)) {
      for (const piece of text.split(/\{\w+\}/)) {
        const trimmed = piece.trim().replace(/^[\s,.;:()–←→✖]+|[\s,.;:()–←→✖]+$/g, '');
        if (/\p{L}{3}/u.test(trimmed)) fragments.set(trimmed, key);
      }
    }
  }
  return fragments;
}

const texts = (message: Message) => (typeof message === 'string' ? [message] : Object.values(message) as string[]);

/** English words that are also these languages' own words for the same thing. */
const SAME_BY_NATURE: Record<string, string[]> = {
  de: ['Status', 'Chat', 'Webhook', 'Filter'],
  fr: ['Services', 'Service', 'Incidents', 'Incident', 'incident', 'incidents', 'Maintenance', 'maintenance', 'Minutes', 'minutes', 'min', 'page', 'Type', 'Impact', 'Webhook'],
  es: ['Chat', 'Webhook', 'min'],
  nl: ['Status', 'Chat', 'Webhook', 'Update', 'Updates', 'Filter', 'Minuten', 'status', 'min'],
  ja: ['Webhook'],
  ar: ['Webhook'],
};

describe('a site built in each shipped language', () => {
  const sites = new Map<string, Fixture>();
  before(async () => {
    for (const language of SHIPPED) {
      sites.set(language, await buildFixture({ files: { 'site.config.yaml': i18nConfig(language), ...I18N_POSTS }, now: I18N_NOW }));
    }
  });
  after(() => {
    for (const site of sites.values()) site.remove();
  });

  const pages = (site: Fixture) => site.files().filter((path) => path.endsWith('.html') && !path.startsWith('/pagefind/'));

  for (const language of SHIPPED.filter((id) => id !== 'en')) {
    it(`${language}: no English UI string on any page`, () => {
      const site = sites.get(language)!;
      const own = new Set(SAME_BY_NATURE[language] ?? []);
      const fragments = [...englishFragments()].filter(([fragment]) => !own.has(fragment));
      const left: string[] = [];
      for (const path of pages(site)) {
        const text = readerTexts(site.read(path));
        for (const [fragment, key] of fragments) {
          const pattern = new RegExp(`(^|[^\\p{L}])${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
          if (pattern.test(text)) left.push(`${path}: "${fragment}" (${key})`);
        }
      }
      assert.deepEqual([...new Set(left)].slice(0, 40), []);
    });
  }

  it('every page says its language and direction', () => {
    for (const [language, site] of sites) {
      for (const path of pages(site)) {
        const root = parseHTML(site.read(path)).document.documentElement;
        assert.equal(root.getAttribute('lang'), language, path);
        assert.equal(root.getAttribute('dir'), language === 'ar' ? 'rtl' : 'ltr', `${language} ${path}`);
      }
    }
  });

  it('writes the maintenance window across the DST change as each language does', () => {
    const windows = Object.fromEntries(
      [...sites].map(([language, site]) => {
        const { document } = parseHTML(site.read('/2026/03/20/vdsl-wartung/index.html'));
        const window = document.querySelector('.facts div:nth-child(3) dd')!.textContent!.replace(/\s+/g, ' ').trim();
        return [language, window];
      }),
    );
    assert.deepEqual(windows, {
      en: 'Sun, Mar 29, 2026, 12:30 AM CET – 3:30 AM CEST (2 h)',
      de: 'So., 29. März 2026, 00:30 MEZ – 03:30 MESZ (2 Std.)',
      fr: 'dim. 29 mars 2026, 00:30 heure normale d’Europe centrale – 03:30 heure d’été d’Europe centrale (2 h)',
      es: 'dom, 29 mar 2026, 0:30 CET – 3:30 CEST (2 h)',
      nl: 'zo 29 mrt 2026, 00:30 CET – 03:30 CEST (2 u)',
      ja: '2026年3月29日(日) 0:30 中央ヨーロッパ標準時 – 3:30 中央ヨーロッパ夏時間 (2時間)',
      ar: 'الأحد، 29 مارس 2026، 12:30 ص توقيت وسط أوروبا الرسمي – 3:30 ص توقيت وسط أوروبا الصيفي (2 س)',
    });
  });

  it('feeds carry the language; the Statuspage API keeps its English words', () => {
    const site = sites.get('de')!;
    assert.match(site.read('/feed.xml'), /<language>de<\/language>/);
    assert.match(site.read('/atom.xml'), /xml:lang="de"/);
    assert.equal(JSON.parse(site.read('/feed.json')).language, 'de');
    const summary = JSON.parse(site.read('/api/v2/summary.json'));
    assert.equal(summary.status.description, 'Partial System Outage');
    assert.equal(summary.components.find((c: { name: string }) => c.name === 'IMAP').status, 'partial_outage');
  });

  it('the home page banner in each language', () => {
    const banners = Object.fromEntries(
      [...sites].map(([language, site]) => {
        const { document } = parseHTML(site.read('/index.html'));
        return [language, document.querySelector('.banner')!.textContent!.replace(/\s+/g, ' ').trim()];
      }),
    );
    assert.equal(banners.de, '◆ Teilausfall Stand: So., 29. März 2026, 12:00 MESZ');
    assert.equal(banners.en, '◆ Partial outage Status as of Sun, Mar 29, 2026, 12:00 PM CEST');
    for (const [language, banner] of Object.entries(banners)) console.log(`# ${language}: ${banner}`);
  });
});
