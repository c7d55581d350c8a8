/*
 * noticeboard embed.js: a banner for the operator's own pages while something
 * is wrong. Load it from the status site:
 *   <script src="https://status.example.net/embed.js" async></script>
 * It reads /api/v2/summary.json from the origin it was loaded from and, when
 * the status is not "none" or maintenance is in progress, puts a dismissible
 * banner at the top of <body>. Text goes in with textContent only, styles
 * through the CSSOM (allowed under a style-src without 'unsafe-inline'), and
 * any failure (status site down, bad JSON) leaves the page exactly as it was.
 * See docs/embed.md.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src || !window.fetch) return;
  var base;
  try {
    base = new URL(script.src, document.baseURI);
  } catch (e) {
    return;
  }
  var COLOURS = { minor: '#7d4e00', major: '#953800', critical: '#a40e26', maintenance: '#0550ae' };
  var KEY = 'noticeboard-embed-dismissed';

  function text(value) {
    return typeof value === 'string' ? value : '';
  }

  function show(summary) {
    var status = summary && summary.status ? summary.status : {};
    var indicator = text(status.indicator);
    var incidents = Array.isArray(summary.incidents) ? summary.incidents : [];
    var maintenance = (Array.isArray(summary.scheduled_maintenances) ? summary.scheduled_maintenances : []).filter(function (m) {
      return m && m.status === 'in_progress';
    });
    if ((indicator === 'none' || !indicator) && !incidents.length && !maintenance.length) return;
    var first = incidents[0] || maintenance[0];
    // What this banner says, so a dismissed banner comes back when something new is wrong.
    var signature = indicator + ' ' + incidents.concat(maintenance).map(function (n) { return text(n && n.id) + text(n && n.updated_at); }).join(' ');
    try {
      if (window.sessionStorage.getItem(KEY) === signature) return;
    } catch (e) { /* storage blocked: show it every time */ }

    var banner = document.createElement('div');
    banner.setAttribute('role', 'region');
    banner.setAttribute('aria-label', 'Service status');
    banner.className = 'noticeboard-banner';
    var s = banner.style;
    s.display = 'flex'; s.flexWrap = 'wrap'; s.alignItems = 'center'; s.gap = '.25rem 1rem';
    s.padding = '.6rem 1rem'; s.margin = '0'; s.color = '#fff'; s.font = '15px/1.4 system-ui, sans-serif';
    s.background = COLOURS[indicator] || (maintenance.length ? COLOURS.maintenance : COLOURS.major);

    var message = document.createElement('p');
    message.style.margin = '0';
    message.style.flex = '1 1 20rem';
    var strong = document.createElement('strong');
    strong.textContent = text(status.description) || 'Service status';
    message.appendChild(strong);
    if (first && text(first.name)) message.appendChild(document.createTextNode(': ' + text(first.name)));
    var more = incidents.length + maintenance.length - 1;
    if (more > 0) message.appendChild(document.createTextNode(' (and ' + more + ' more)'));

    var link = document.createElement('a');
    link.href = new URL('/', base).href;
    link.textContent = 'Status page';
    link.style.color = '#fff';
    link.style.fontWeight = '600';
    var pageName = summary.page && text(summary.page.name);
    if (pageName) link.title = pageName;

    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = '\u00d7';
    close.setAttribute('aria-label', 'Dismiss the status banner');
    var c = close.style;
    c.font = 'inherit'; c.fontSize = '1.25rem'; c.lineHeight = '1'; c.color = '#fff'; c.background = 'transparent';
    c.border = '1px solid rgba(255,255,255,.6)'; c.borderRadius = '4px'; c.padding = '0 .45rem'; c.cursor = 'pointer';
    close.addEventListener('click', function () {
      banner.remove();
      try { window.sessionStorage.setItem(KEY, signature); } catch (e) { /* nothing to remember it in */ }
    });

    banner.appendChild(message);
    banner.appendChild(link);
    banner.appendChild(close);
    document.body.insertBefore(banner, document.body.firstChild);
  }

  fetch(new URL('/api/v2/summary.json', base).href, { credentials: 'omit', cache: 'no-cache' })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (summary) {
      if (!summary || typeof summary !== 'object') return;
      if (document.body) show(summary);
      else document.addEventListener('DOMContentLoaded', function () { show(summary); });
    })
    .catch(function () { /* the status site is unreachable: say nothing */ });
})();
