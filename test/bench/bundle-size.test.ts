import { describe, expect, it } from 'vitest';
import { initialScriptFiles } from './bundle-size.ts';

describe('initialScriptFiles', () => {
  it('takes the module script and the module preloads, not stylesheets or classic scripts', () => {
    const html = `<!doctype html><head>
      <script type="module" crossorigin src="./assets/index-a1.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/runtime-b2.js">
      <link rel="stylesheet" crossorigin href="./assets/index-c3.css">
      <script src="./legacy.js"></script>
    </head>`;
    expect(initialScriptFiles(html)).toEqual(['assets/index-a1.js', 'assets/runtime-b2.js']);
  });

  it('finds nothing in a page without module scripts', () => {
    expect(initialScriptFiles('<html><body><p>no scripts</p></body></html>')).toEqual([]);
  });
});
