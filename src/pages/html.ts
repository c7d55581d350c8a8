/**
 * Escaping by default for page templates: every value interpolated into `html`
 * is escaped unless it is already SafeHtml (made by `html` itself, or `trusted`
 * for markdown-it's output, which escapes its own text).
 *
 * Both paths also drop the characters no output may carry (control
 * characters, noncharacters: see outputs/scrub.ts), the same way the feeds,
 * calendars and API do, so no page holds a code point HTML forbids.
 */
import { scrub } from '../outputs/scrub.ts';

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most values (dates, ids, labels) have nothing to escape: skip the copy.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (char) => ESCAPES[char]!) : text;
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(scrub(String(value)));
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
