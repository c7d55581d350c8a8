// /history/: the filters and the pager are links to static pages, so they work
// without this script. With it, following one fetches that page (from this
// site only) and swaps its list in place, so a filter applies at once, without
// a page load; the address bar, the Back button and focus follow.
const RESULTS = 'history-results';

async function show(href, push) {
  const response = await fetch(href, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${href}: ${response.status}`);
  const next = new DOMParser().parseFromString(await response.text(), 'text/html');
  const incoming = next.getElementById(RESULTS);
  const results = document.getElementById(RESULTS);
  if (!incoming || !results) throw new Error(`${href}: no list`);
  results.replaceWith(incoming);
  document.title = next.title;
  // The filters say which one is current: take them from the new page too.
  const nav = document.querySelector('.history-filters');
  const incomingNav = next.querySelector('.history-filters');
  if (nav && incomingNav) nav.replaceWith(incomingNav);
  if (push) history.pushState({ history: true }, '', href);
  const heading = incoming.querySelector('h2');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
}

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (!link.closest('.history-filters, #history-results .pager')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) return;
  event.preventDefault();
  // Should the fetch fail, go there the ordinary way.
  show(url.pathname, true).catch(() => location.assign(url.href));
});

window.addEventListener('popstate', () => {
  show(location.pathname, false).catch(() => location.reload());
});
