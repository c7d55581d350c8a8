/**
 * SafeHtml from another copy of the engine's html module: the `noticeboard`
 * binary is a bundle with its own copy, and a site's part file may import
 * `html` from the package, so markup made by one copy must not be escaped by
 * the other (src/pages/html.ts, SAFE).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { html, isSafeHtml, SafeHtml } from '../src/pages/html.ts';

/** What the other copy's SafeHtml is to this one: another class, marked the same way. */
class OtherCopysSafeHtml {
  constructor(readonly value: string) {}
}
Object.defineProperty(OtherCopysSafeHtml.prototype, Symbol.for('noticeboard.SafeHtml'), { value: true });

describe('SafeHtml across copies of the module', () => {
  it('keeps markup from another copy as markup, and still escapes everything else', () => {
    const foreign = new OtherCopysSafeHtml('<b>bold</b>');
    assert.equal(isSafeHtml(foreign), true);
    assert.equal(html`<p>${foreign as unknown as SafeHtml}</p>`.value, '<p><b>bold</b></p>');
    assert.equal(html`<p>${[foreign as unknown as SafeHtml, '<i>']}</p>`.value, '<p><b>bold</b>&lt;i&gt;</p>');
  });

  it('does not take a look-alike object without the mark for markup', () => {
    const lookAlike = { value: '<script>alert(1)</script>', toString: () => '<script>alert(1)</script>' };
    assert.equal(isSafeHtml(lookAlike), false);
    assert.equal(html`${lookAlike as unknown as string}`.value, '&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
