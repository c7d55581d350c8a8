/**
 * Markdown for notice bodies and updates: CommonMark via markdown-it. Raw HTML
 * is shown as text unless the site turns it on (`allow_html`), so a stray
 * `<script>` in a notice can never run on the status page.
 */
import MarkdownIt from 'markdown-it';

export interface MarkdownRenderer {
  toHtml(markdown: string): string;
  /** The first paragraph as plain text: the default summary of a notice. */
  firstParagraphText(markdown: string): string;
}

export function createMarkdown(options: { allowHtml: boolean }): MarkdownRenderer {
  const md = new MarkdownIt({ html: options.allowHtml, linkify: true });
  return {
    toHtml: (markdown) => md.render(markdown),
    firstParagraphText(markdown) {
      const tokens = md.parse(markdown, {});
      const start = tokens.findIndex((token) => token.type === 'paragraph_open');
      const inline = start >= 0 ? tokens[start + 1] : undefined;
      if (!inline?.children) return '';
      return inline.children
        .map((child) => (child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : child.content))
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
    },
  };
}
