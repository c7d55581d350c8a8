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
 *
 * The package also types every Atom entry's title and summary as HTML in
 * CDATA, so a reader shows "AT&amp;T" for "AT&T" once the title is escaped as
 * HTML. `atomText` marks such a value as plain text instead, and `finishXml`
 * writes it as `type="text"` with ordinary XML escaping.
 */
import { scrub } from './scrub.ts';

const AMP = '\uFDD0';
const LT = '\uFDD1';
const CDATA_END = '\uFDD2';
const GT = '\uFDD3';
/** Brackets a plain-text value in the CDATA the package writes for an Atom title or summary. */
const TEXT_MARK = '\uFDD4';
/** Brackets the number of a stand-in for a CDATA value (see cdataStandIn). */
const STAND_IN = '\uFDD5';
const ATOM_TEXT = new RegExp(`type="html"><!\\[CDATA\\[${TEXT_MARK}([^${TEXT_MARK}]*)${TEXT_MARK}\\]\\]>`, 'g');

/** For an element's text content (the writer escapes `<` and `>` itself). */
export function xmlText(text: string): string {
  return scrub(text).replaceAll('&', AMP);
}

/** For a CDATA section. */
export function xmlCdata(text: string): string {
  return scrubbedXmlCdata(scrub(text));
}

/**
 * xmlCdata of text `scrub` has already been through (a feed entry's content,
 * common.ts's noticeHtml): the same result without a second pass over a whole
 * notice's HTML, since scrub changes nothing in its own output.
 */
export function scrubbedXmlCdata(scrubbed: string): string {
  return scrubbed.replaceAll(']]>', CDATA_END);
}

/** For an attribute value that the `feed` package passes through its own `&` escaping (category term/label). */
export function xmlEscapedAttribute(text: string): string {
  return scrub(text).replaceAll('<', LT);
}

/** For an attribute value written as given (an RSS category's domain). */
export function xmlAttribute(text: string): string {
  return scrub(text).replaceAll('&', AMP).replaceAll('<', LT);
}

/** For an Atom entry's title or summary: plain text, written as `type="text"` (the package would write HTML in CDATA). */
export function atomText(text: string): string {
  return `${TEXT_MARK}${scrub(text).replaceAll('&', AMP).replaceAll('<', LT).replaceAll('>', GT)}${TEXT_MARK}`;
}

/**
 * Stands in for a large CDATA value (an entry's content) while the package
 * writes the document, for `finishXml` to put back. The package's XML writer
 * (xml-js) joins every level of the document with Array.prototype.join, so
 * the whole feed was copied once per level, and in V8 each string over 128 KB
 * is a fresh allocation in its large-object space, whose pages are touched
 * for the first time as it is filled (milliseconds each on a sandboxed
 * machine): with the content in it, that was most of a feed's cost. Without
 * it, the document the package writes stays small.
 */
export function cdataStandIn(index: number): string {
  return `${STAND_IN}${index}${STAND_IN}`;
}

/** Placeholders replaced by their markup. */
function markup(xml: string): string {
  return xml
    .replace(ATOM_TEXT, 'type="text">$1')
    .replaceAll(GT, '&gt;')
    .replaceAll(AMP, '&amp;')
    .replaceAll(LT, '&lt;')
    .replaceAll(CDATA_END, ']]]]><![CDATA[>');
}

/**
 * The finished document: placeholders replaced by their markup, stand-ins by
 * `cdata` (their values, made with xmlCdata), and a final newline. Each piece
 * is finished on its own (no placeholder's markup spans a stand-in) and the
 * pieces are concatenated, so the whole document is copied only once, when
 * it is written.
 */
export function finishXml(xml: string, cdata: readonly string[] = []): string {
  // The pieces alternate: text, a stand-in's number, text, …
  const pieces = xml.split(STAND_IN);
  let out = markup(pieces[0]!);
  for (let index = 1; index < pieces.length; index += 2) out += markup(cdata[Number(pieces[index])]!) + markup(pieces[index + 1]!);
  // Asked of the last piece (markup keeps a final newline): asking the whole would copy it here.
  const last = pieces.length > 1 && pieces.at(-1) === '' ? cdata[Number(pieces.at(-2))]! : pieces.at(-1)!;
  return last.endsWith('\n') ? out : `${out}\n`;
}
