/**
 * Text that every machine-readable output can carry. XML 1.0 forbids most C0
 * control characters (even escaped), iCalendar forbids every control character
 * but tab in a value (RFC 5545 §3.3.11), and JSON readers choke on lone
 * surrogates; a stray one pasted into a notice must not break a feed or a
 * calendar for every subscriber. So they are removed, never emitted.
 *
 * Removed: C0 controls other than tab and line feed, DEL, C1 controls, lone
 * surrogates, and the Unicode noncharacters (U+FDD0-U+FDEF, U+xFFFE/U+xFFFF).
 * Carriage returns become line feeds (CRLF -> LF), which is what XML parsers
 * report anyway. Everything else, emoji, right-to-left text and bidi marks
 * included, passes unchanged.
 *
 * The noncharacters are removed for a second reason: src/outputs/xml-safe.ts
 * uses U+FDD0-U+FDD5 as private placeholders while the `feed` package writes XML.
 */
const REMOVED =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDFFF]|[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu;

/**
 * Every UTF-16 unit that can start something `scrub` changes: carriage
 * returns, the controls, any surrogate (an emoji's too, and the astral
 * noncharacters), U+FDD0-U+FDEF, U+FFFE and U+FFFF. Text without one, which is
 * nearly all text, is returned as it is, without the slower full pass (and
 * pages/html.ts writes such a value as it is after one test).
 */
export const MAYBE_CHANGED_CHARACTERS = String.raw`\u0000-\u0008\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF`;
const MAYBE_CHANGED = new RegExp(`[${MAYBE_CHANGED_CHARACTERS}]`);

/** `text` without the characters no output may carry. */
export function scrub(text: string): string {
  if (!MAYBE_CHANGED.test(text)) return text;
  return text.replace(/\r\n?/g, '\n').replace(REMOVED, '');
}

/** A copy of a JSON-ready value with every string (keys included) scrubbed. */
export function scrubDeep<T>(value: T): T {
  if (typeof value === 'string') return scrub(value) as T;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [scrub(key), scrubDeep(item)])) as T;
  }
  return value;
}

/** Whether `text` still holds a character `scrub` removes (for tests and assertions). */
export function hasUnsafeCharacters(text: string): boolean {
  REMOVED.lastIndex = 0;
  const found = REMOVED.test(text.replace(/\r\n/g, '\n').replace(/\r/g, '\n'));
  REMOVED.lastIndex = 0;
  return found;
}
