/** noticeboard page script (ES2020, no requests, pages work without it): reader's zone,
 * relative times, maintenance on the reader's clock, strip keys (arrows as drawn). */
(() => {
const d = document, root = d.documentElement, lang = root.lang, $ = (s) => [...d.querySelectorAll(s)];
const built = Date.parse(root.dataset.now), myTz = Intl.DateTimeFormat().resolvedOptions().timeZone;
const other = myTz !== root.dataset.tz;
let mine;
try { mine = other && localStorage.nbTimes == 'mine'; } catch {}
// words: src/i18n/script-strings.ts; tone icon: src/views.ts
const S = JSON.parse(d.body.dataset.strings || '{}'), say = (k, v = {}) => (S[k] || '').replace(/{(\w+)}/g, (m, n) => v[n] ?? m);
const LOOK = { scheduled: 'info ◷', 'in-progress': 'maintenance ▶', completed: 'ok ✔', operational: 'ok ✔',
  'under-maintenance': 'maintenance ■', 'degraded-performance': 'minor ▲', 'partial-outage': 'major ◆', 'major-outage': 'critical ✖' };
const STEPS = Object.keys(LOOK), RANK = STEPS.splice(3);
const paint = (el, state, words, toned = el) => {
  const [tone, icon] = LOOK[state].split(' ');
  toned.className = toned.className.replace(/tone-\S+/, 'tone-' + tone);
  el.firstElementChild.textContent = icon, (el.lastChild.textContent = ' ' + (words || say('state.' + state)));
};
const fmt = (o) => new Intl.DateTimeFormat(lang, { timeZone: myTz, ...o });
const full = fmt({ dateStyle: 'medium', timeStyle: 'short' }), zone = fmt({ timeZoneName: 'short' });
const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
const UNITS = { year: 31536e6, month: 2592e6, day: 864e5, hour: 36e5, minute: 6e4 };
const relative = (ms) => {
  for (const unit in UNITS) if (Math.abs(ms) >= UNITS[unit] || unit == 'minute') return rtf.format(Math.round(ms / UNITS[unit]), unit);
};
const times = $('time[datetime]').map((t) => {
  const x = { t, at: Date.parse(t.dateTime), site: t.textContent };
  if (t.closest('.asof') || Math.abs(x.at - Date.now()) < 6048e5) t.after(x.rel = d.createElement('span')), x.rel.className = 'rel';
  return x;
});

const tz = d.getElementById('tz'), said = tz && tz.textContent, label = d.createElement('span'), button = d.createElement('button');
const showTimes = () => {
  for (const x of times) x.t.textContent = mine ? full.format(x.at) + ' ' + zone.formatToParts(x.at).pop().value : x.site;
  label.textContent = (mine ? say('script.times_mine', { zone: myTz }) : said) + ' ';
  button.textContent = say(mine ? 'script.show_site' : 'script.show_mine');
};
if (tz && other) {
  button.onclick = () => {
    mine = !mine;
    try { localStorage.nbTimes = mine ? 'mine' : 'site'; } catch {}
    showTimes();
  };
  tz.replaceChildren(label, button);
  showTimes();
}

const move = (item, step) => { // home page: upcoming > in progress > gone
  const from = item && item.closest('.moves'), to = step < 2 && d.querySelector('.maintenance-now');
  if (!from || from == to) return;
  to ? to.querySelector('ul').append(item) : item.remove();
  for (const s of [from, to]) if (s) s.querySelector('.empty').hidden = !!s.querySelector('.notice-item');
};
const tick = () => {
  const now = Date.now();
  let changed;
  for (const x of times) if (x.rel) x.rel.textContent = ` (${relative(x.at - now)})`;
  if (!(now >= built)) return; // the clock is behind the build: trust the page
  for (const b of $('[data-window-start]')) {
    const s = b.dataset, step = now < Date.parse(s.windowStart) ? 0 : now < Date.parse(s.windowEnd) ? 1 : 2;
    if (step > STEPS.indexOf(s.state)) paint(b, (s.state = STEPS[step])), move(b.closest('.notice-item'), step);
  }
  for (const b of $('[data-maint]')) {
    const s = b.dataset, state = s.maint.split(' ').some((w) => {
      const [start, end] = w.split('/').map(Date.parse);
      return start <= now && now < end;
    }) ? 'under-maintenance' : s.base;
    if (state != s.state) paint(b, (s.state = state)), (changed = 1);
  }
  const banner = d.querySelector('.banner');
  if (banner && changed) {
    const worst = Math.max(...$('.services [data-state]').map((b) => RANK.indexOf(b.dataset.state)));
    paint(banner.firstElementChild, RANK[worst], worst < 2 && say('overall.' + RANK[worst]), banner);
  }
};

for (const strip of $('.strip')) {
  const days = [...strip.children], last = days.length - 1;
  days.forEach((li, i) => (li.tabIndex = i == last ? 0 : -1));
  strip.onkeydown = (e) => {
    const i = days.indexOf(e.target), cs = getComputedStyle(strip), r = cs.gridTemplateColumns.split(' ').length, x = cs.direction == 'rtl' ? -1 : 1;
    const next = days[{ ArrowLeft: i - x, ArrowRight: i + x, ArrowUp: i - r, ArrowDown: i + r, Home: 0, End: last }[e.key]];
    if (next) e.preventDefault(), (e.target.tabIndex = -1), (next.tabIndex = 0), next.focus();
  };
}
// caption: focused/hovered day
for (const type of 'focusin mouseover focusout mouseout'.split(' ')) d.addEventListener(type, (e) => {
  const li = e.target.closest('.strip li'), p = li && li.parentNode.nextElementSibling;
  if (p) type.endsWith('out') ? delete p.dataset.day : (p.dataset.day = li.textContent);
});

tick();
setInterval(tick, 3e4);
})();
