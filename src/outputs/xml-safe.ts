/**
 * Makes any text safe to hand to the `feed` package, whose XML writer (xml-js)
 * gets three things wrong for crafted input:
 *   - text nodes: it first turns every `&amp;` back into `&`, so a title that
 *     says "AT&amp;T" would come out as "AT&T";
 *   - CDATA: it splits only the first `]]>`, so a second one ends the section
 *     early and the document is no longer XML;
 *   - attributes: it escapes `"` and nothing else, so `<` stays raw, which XML
 *     forbids in an attribute value.
 * So before text goes in, each of these is replaced by a placeholder that only
 * we can produce (a Unicode noncharacter; `scrub` removes them all from input),
 * and `finishXml` turns the placeholders into the right markup afterwards.
 * Each helper is for one place in the document; using the wrong one is a bug.
 */
import { scrub } from './scrub.ts';

const AMP = '\uFDD0';
const LT = '\uFDD1';
const CDATA_END = '\uFDD2';

/** For an element's text content (the writer escapes `<` and `>` itself). */
export function xmlText(text: string): string {
  return scrub(text).replaceAll('&', AMP);
}

/** For a CDATA section. */
export function xmlCdata(text: string): string {
  return scrub(text).replaceAll(']]>', CDATA_END);
}

/** For an attribute value that the `feed` package passes through its own `&` escaping (category term/label). */
export function xmlEscapedAttribute(text: string): string {
  return scrub(text).replaceAll('<', LT);
}

/** For an attribute value written as given (an RSS category's domain). */
export function xmlAttribute(text: string): string {
  return scrub(text).replaceAll('&', AMP).replaceAll('<', LT);
}

/** The finished document: placeholders replaced by their markup, and a final newline. */
export function finishXml(xml: string): string {
  const out = xml.replaceAll(AMP, '&amp;').replaceAll(LT, '&lt;').replaceAll(CDATA_END, ']]]]><![CDATA[>');
  return out.endsWith('\n') ? out : `${out}\n`;
}
