/**
 * The messages the page scripts (public/time.js, public/search.js) show, as
 * JSON in `<body data-strings>` of every page (not on `<html>`: `<meta charset>` must come in the first 1024 bytes): data, not code, so the pages'
 * CSP (no inline script) has nothing to allow.
 */
import type { Locale } from './locale.ts';

const SCRIPT_KEYS = ['script.times_mine', 'script.show_site', 'script.show_mine', 'search.none', 'search.count', 'search.first'] as const;
const STATES = ['scheduled', 'in-progress', 'completed', 'operational', 'under-maintenance', 'degraded-performance', 'partial-outage', 'major-outage'] as const;
const OVERALL = ['operational', 'under-maintenance'] as const;

/** The same on every page of a build: made once per locale (a build's own object). */
export function scriptStrings(locale: Locale): string {
  let text = byLocale.get(locale);
  if (text === undefined) byLocale.set(locale, (text = makeScriptStrings(locale)));
  return text;
}

const byLocale = new WeakMap<Locale, string>();

function makeScriptStrings(locale: Locale): string {
  const strings: Record<string, unknown> = {};
  for (const key of SCRIPT_KEYS) strings[key] = locale.message(key);
  for (const state of STATES) strings[`state.${state}`] = locale.t(`state.${state}`);
  for (const state of OVERALL) strings[`overall.${state}`] = locale.t(`overall.${state}`);
  return JSON.stringify(strings);
}
