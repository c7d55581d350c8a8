/**
 * Escaping by default for page templates: every value interpolated into `html`
 * is escaped unless it is already SafeHtml (made by `html` itself, or `trusted`
 * for markdown-it's output, which escapes its own text).
 *
 * Both paths also drop the characters no output may carry (control
 * characters, noncharacters: see outputs/scrub.ts), the same way the feeds,
 * calendars and API do, so no page holds a code point HTML forbids.
 */
import { MAYBE_CHANGED_CHARACTERS, scrub } from '../outputs/scrub.ts';

/**
 * Marks SafeHtml made by any copy of this module. There can be two in one
 * process: the `noticeboard` binary is a bundle with its own copy, and a site's
 * part file may import `html` from the package; `instanceof` tells only one
 * copy's SafeHtml, so markup from the other would be escaped (see isSafeHtml).
 */
const SAFE = Symbol.for('noticeboard.SafeHtml');

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}
Object.defineProperty(SafeHtml.prototype, SAFE, { value: true });

/** Whether `value` is SafeHtml, made by this copy of the module or another (see SAFE). */
export function isSafeHtml(value: unknown): value is SafeHtml {
  return value instanceof SafeHtml || (typeof value === 'object' && value !== null && (value as Partial<Record<symbol, unknown>>)[SAFE] === true);
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most values (dates, ids, labels) have nothing to escape: skip the copy.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (char) => ESCAPES[char]!) : text;
}

/**
 * What either scrub or escapeHtml may change: scrub's characters and
 * escapeHtml's SPECIAL in one class. A value with none of them (most: ids,
 * dates, labels) is written as it is after one test instead of two.
 */
const SCRUBBED_OR_ESCAPED = new RegExp(`[&<>"'${MAYBE_CHANGED_CHARACTERS}]`);

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object' && isSafeHtml(value)) return value.value;
  const text = String(value);
  return SCRUBBED_OR_ESCAPED.test(text) ? escapeHtml(scrub(text)) : text;
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1]!;
  });
  return new SafeHtml(out);
}

/** Marks HTML that is safe by construction (rendered Markdown). Never pass user text here. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(scrub(markup));
}
