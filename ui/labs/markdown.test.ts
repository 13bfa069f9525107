import { describe, expect, it } from 'vitest';
import { renderLabMarkdown, withoutLeadingHeading } from './markdown';

describe('renderLabMarkdown', () => {
  it('renders headings, lists, emphasis and code', () => {
    const html = renderLabMarkdown('## Step\n\n- **bold** and `code`');
    expect(html).toContain('<h2>Step</h2>');
    expect(html).toContain('<li><strong>bold</strong> and <code>code</code></li>');
  });

  it('shows raw HTML as text instead of passing it through', () => {
    const html = renderLabMarkdown('Hi <script>alert(1)</script> <b style="color:red">x</b>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b style');
    expect(html).toContain('&lt;script&gt;');
  });

  it('keeps http(s) and in-app links and unlinks anything else', () => {
    expect(renderLabMarkdown('[a](https://aws.amazon.com/kinesis/)')).toContain(
      '<a href="https://aws.amazon.com/kinesis/" rel="noopener noreferrer" target="_blank">a</a>',
    );
    expect(renderLabMarkdown('[b](#/calculators)')).toContain('<a href="#/calculators">b</a>');
    expect(renderLabMarkdown('[c](javascript:alert(1))')).not.toContain('<a');
  });

  it('does not load images', () => {
    const html = renderLabMarkdown('![a chart](https://example.com/x.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('a chart');
  });
});

describe('withoutLeadingHeading', () => {
  it('drops only a first heading', () => {
    expect(withoutLeadingHeading('## Title\n\nBody\n\n## Later')).toBe('Body\n\n## Later');
    expect(withoutLeadingHeading('Body first\n## Later')).toBe('Body first\n## Later');
  });
});
