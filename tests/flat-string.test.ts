/**
 * flatString (src/content/flat-string.ts) only changes how a kept string is
 * held in memory, never its text: the Markdown renderer's HTML and the notice
 * list lines made with it read exactly as before.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { flatString } from '../src/content/flat-string.ts';
import { createMarkdown } from '../src/content/markdown.ts';

describe('flatString', () => {
  it('gives back the same text, joined pieces, empty, two-byte and astral text alike', () => {
    let rope = '';
    for (let i = 0; i < 200; i++) rope += `<p>piece ${i} – “quoted” 🙂</p>\n`;
    const copy = rope.split('').join('');
    for (const text of [rope, '', 'a', 'plain', '→ ←', '\u{1F642}', '\n\n']) {
      const before = text.length;
      assert.equal(flatString(text), text);
      assert.equal(flatString(text).length, before);
    }
    assert.equal(flatString(rope), copy);
  });

  it('leaves the Markdown renderer giving markdown-it’s HTML', () => {
    const source = 'Hello **world** and `code`.\n\n- one\n- two <b>raw</b>\n\nA [link](https://status.example/) – done. 🙂\n';
    const markdown = createMarkdown({ allowHtml: false });
    const expected = new MarkdownIt({ html: false, linkify: true }).render(source);
    assert.equal(markdown.toHtml(source), expected);
    assert.equal(markdown.render(source).html, expected);
    assert.equal(markdown.render(source).firstParagraph, 'Hello world and code.');
  });
});
