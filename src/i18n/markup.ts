/**
 * Messages with markup in their placeholders ("Status as of {time}" with a
 * `<time>` element): the message's own text is escaped, each `{name}` becomes
 * its value, escaped unless it is already SafeHtml.
 */
import { html, type HtmlValue, type SafeHtml } from '../pages/html.ts';
import type { Locale } from './locale.ts';

/** `text` with its placeholders filled from `values` (a placeholder without a value stays as written). */
export function fillHtml(text: string, values: Record<string, HtmlValue>): SafeHtml {
  const parts = text.split(/\{(\w+)\}/);
  return html`${parts.map((part, index) => (index % 2 === 0 ? part : part in values ? html`${values[part]}` : `{${part}}`))}`;
}

/** The message `key` of `locale` as markup, e.g. tHtml(locale, 'home.asof', { time: timeTag(…) }). */
export function tHtml(locale: Locale, key: string, values: Record<string, HtmlValue>): SafeHtml {
  return fillHtml(locale.t(key), values);
}
