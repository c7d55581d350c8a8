/**
 * Markdown for notice bodies and updates: CommonMark via markdown-it. Raw HTML
 * is shown as text unless the site turns it on (`allow_html`), so a stray
 * `<script>` in a notice can never run on the status page.
 */
import MarkdownIt from 'markdown-it';
import { flatString } from './flat-string.ts';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

export interface MarkdownRenderer {
  toHtml(markdown: string): string;
  /** The HTML and the first paragraph as plain text (the default summary of a notice), from a single parse. */
  render(markdown: string): { html: string; firstParagraph: string };
}

export function createMarkdown(options: { allowHtml: boolean }): MarkdownRenderer {
  const md = new MarkdownIt({ html: options.allowHtml, linkify: true });
  // The HTML is kept for the whole build and used on several pages and outputs: flat (see flat-string.ts).
  const render = (markdown: string) => {
    const env = {};
    const tokens = md.parse(markdown, env);
    return { html: flatString(md.renderer.render(tokens, md.options, env)), firstParagraph: firstParagraph(tokens) };
  };
  return {
    toHtml: (markdown) => flatString(md.render(markdown)),
    render,
  };
}

function firstParagraph(tokens: readonly Token[]): string {
  const start = tokens.findIndex((token) => token.type === 'paragraph_open');
  const inline = start >= 0 ? tokens[start + 1] : undefined;
  if (!inline?.children) return '';
  return inline.children
    .map((child) => (child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : child.content))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
