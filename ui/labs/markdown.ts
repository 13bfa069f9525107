/**
 * Lab instructions from markdown to HTML with `marked`. The markdown is our own, bundled with the app, but
 * the renderer still refuses anything a lab author could slip past a reviewer: raw HTML is shown as text,
 * images are not loaded (the app is offline and the CSP allows none from outside), and links keep only
 * `http(s)` or in-app `#/` targets. No inline styles or scripts can come out of it.
 */
import { Marked, type Tokens } from 'marked';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const safeHref = (href: string): string | null => (/^(https?:\/\/|#\/)/i.test(href) ? href : null);

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(text);
    },
    image({ text }: Tokens.Image): string {
      return escapeHtml(text);
    },
    link({ href, tokens }: Tokens.Link): string {
      const inner = this.parser.parseInline(tokens);
      const target = safeHref(href);
      if (target === null) return inner;
      const external = !target.startsWith('#');
      return `<a href="${escapeHtml(target)}"${external ? ' rel="noopener noreferrer" target="_blank"' : ''}>${inner}</a>`;
    },
  },
});

/** Renders trusted lab markdown to HTML with raw HTML escaped, images dropped and unsafe links unlinked. */
export function renderLabMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

/** The markdown without its first heading, when the page already shows that title as its own heading. */
export function withoutLeadingHeading(markdown: string): string {
  return markdown.replace(/^\s*#{1,6} [^\n]*\n+/, '');
}
