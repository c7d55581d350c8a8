// The search box of /history/ and /archive/: shows the form (hidden without
// JavaScript, where a link to the archive stands instead) and searches the
// Pagefind index built with the site, in the browser. Everything it loads
// comes from /pagefind/ on this site; results show title, date, type and an
// excerpt with the matched words marked.
const form = document.querySelector('.search-form');
const input = document.getElementById('search-input');
const status = document.querySelector('.search-status');
const list = document.querySelector('.search-results');
const MAX_RESULTS = 10;
// The page's messages, in its language (src/i18n/script-strings.ts).
const strings = JSON.parse(document.body.dataset.strings || '{}');
const fill = (text, values) => String(text ?? '').replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole);
const plurals = new Intl.PluralRules(document.documentElement.lang);
const numbers = new Intl.NumberFormat(document.documentElement.lang);
const say = (key, values = {}) => {
  const message = strings[key];
  const text = typeof message === 'object' && message ? (message[plurals.select(values.count)] ?? message.other) : message;
  return fill(text, { ...values, count: values.count === undefined ? undefined : numbers.format(values.count) });
};

// A large archive's index is in parts (pagefind/, pagefind/part-2/, ...), all searched as one.
const PARTS = Number(form?.dataset.parts ?? 1);
const OPTIONS = { excerptLength: 24 };

let engine;
function load() {
  // The index sits at the site's root, next to this script.
  engine ??= import(new URL('pagefind/pagefind.js', import.meta.url).href).then(async (pagefind) => {
    await pagefind.options(OPTIONS);
    const merged = [];
    for (let part = 2; part <= PARTS; part++) merged.push(pagefind.mergeIndex(new URL(`pagefind/part-${part}/`, import.meta.url).href, OPTIONS));
    await Promise.all(merged);
    return pagefind;
  });
  return engine;
}

function item(data) {
  const li = document.createElement('li');
  const title = document.createElement('a');
  title.href = data.url;
  title.textContent = data.meta.title || data.url;
  const meta = document.createElement('p');
  meta.className = 'item-meta';
  meta.textContent = [data.meta.type, data.meta.date].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'summary';
  // Pagefind's excerpt is the indexed text, escaped, with <mark> around the matches.
  excerpt.innerHTML = data.excerpt;
  const heading = document.createElement('p');
  heading.className = 'item-title';
  heading.append(title);
  li.append(heading, meta, excerpt);
  return li;
}

let latest = 0;
async function run(query) {
  const mine = ++latest;
  if (!query.trim()) {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  const pagefind = await load();
  const search = await pagefind.debouncedSearch(query, {}, 150);
  // A newer query superseded this one (debouncedSearch returns null then).
  if (search === null || mine !== latest) return;
  const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
  if (mine !== latest) return;
  list.replaceChildren(...results.map(item));
  const count = search.results.length;
  status.textContent =
    count === 0 ? say('search.none', { query }) : `${say('search.count', { count })}${count > MAX_RESULTS ? say('search.first', { max: numbers.format(MAX_RESULTS) }) : ''}.`;
}

if (form && input && status && list) {
  form.hidden = false;
  document.querySelector('.search-fallback')?.setAttribute('hidden', '');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(input.value);
  });
  input.addEventListener('input', () => run(input.value));
  input.addEventListener('focus', () => load(), { once: true });
}
