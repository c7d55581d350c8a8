/**
 * The search box of `/history/` and `/archive/`. Search runs in the reader's
 * browser on the Pagefind index built with the site (`/pagefind/`, see
 * src/search-index.ts), so no request leaves the site. The form is hidden
 * until public/search.js shows it; without JavaScript the reader sees a link
 * to the archive in its place.
 */
import { assetPath } from '../../src/eleventy/fingerprint.ts';
import { html, type SafeHtml } from '../../src/html.ts';

export function searchBox(): SafeHtml {
  return html`<section class="search" aria-labelledby="search-heading">
<h2 id="search-heading">Search every notice</h2>
<p class="search-fallback">Search needs JavaScript. <a href="/archive/">Browse the archive by month</a> instead.</p>
<form class="search-form" role="search" hidden>
<label for="search-input">Words to look for</label>
<input id="search-input" type="search" name="q" autocomplete="off" spellcheck="false">
</form>
<p class="search-status" role="status" aria-live="polite"></p>
<ol class="search-results"></ol>
</section>
<script type="module" src="${assetPath('/search.js')}"></script>`;
}
