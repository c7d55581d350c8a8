/**
 * The search box of `/history/` and `/archive/`. Search runs in the reader's
 * browser on the Pagefind index built with the site (`/pagefind/`, see
 * src/outputs/search-index.ts), so no request leaves the site. The form is hidden
 * until public/search.js shows it; without JavaScript the reader sees a link
 * to the archive in its place. An archive indexed in parts (over 2,000
 * notices, src/model/search-parts.ts) tells the script how many there are.
 */
import type { SiteModel } from '../../model/model.ts';
import { html, type SafeHtml } from '../html.ts';

export function searchBox({ locale: { t }, theme, searchParts }: Pick<SiteModel, 'locale' | 'theme' | 'searchParts'>): SafeHtml {
  const parts = searchParts.length > 1 ? html` data-parts="${searchParts.length}"` : '';
  return html`<section class="search" aria-labelledby="search-heading">
<h2 id="search-heading">${t('search.heading')}</h2>
<p class="search-fallback">${t('search.fallback')} <a href="/archive/">${t('search.fallback_link')}</a> ${t('search.fallback_after')}</p>
<form class="search-form" role="search"${parts} hidden>
<label for="search-input">${t('search.label')}</label>
<input id="search-input" type="search" name="q" autocomplete="off" spellcheck="false">
</form>
<p class="search-status" role="status" aria-live="polite"></p>
<ol class="search-results"></ol>
</section>
<script type="module" src="${theme.asset('/search.js')}"></script>`;
}
