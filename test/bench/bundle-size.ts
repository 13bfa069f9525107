/**
 * What the web build makes a browser download: the scripts the first screen needs (the page's module
 * script and the chunks it preloads) and all JavaScript in the build, raw and gzipped. Shared by
 * `npm run bench` (which builds and reports) and the end-to-end first-load test (which enforces the budget
 * on what the agenda actually fetched).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The agenda's initial JavaScript may be at most this many gzipped bytes (150 kB, as Vite reports kB). */
export const AGENDA_INITIAL_JS_BUDGET_GZIP_BYTES = 150_000;

/** Gzipped size in bytes, at the level Vite's build report uses. */
export function gzipBytes(content: Uint8Array): number {
  return gzipSync(content, { level: 9 }).length;
}

/** Raw and gzipped bytes of some files. */
export interface SizeTotal {
  readonly files: readonly string[];
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

function total(distDir: string, files: readonly string[]): SizeTotal {
  let rawBytes = 0;
  let gzipped = 0;
  for (const file of files) {
    const content = readFileSync(join(distDir, file));
    rawBytes += content.length;
    gzipped += gzipBytes(content);
  }
  return { files, rawBytes, gzipBytes: gzipped };
}

/** The scripts `index.html` loads before anything else runs: its module scripts and module preloads. */
export function initialScriptFiles(indexHtml: string): string[] {
  const files: string[] = [];
  for (const tag of indexHtml.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModule = /^<script\b/.test(tag) && /\btype="module"/.test(tag);
    const isPreload = /^<link\b/.test(tag) && /\brel="modulepreload"/.test(tag);
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isModule || isPreload) && url) files.push(url.replace(/^\.\//, ''));
  }
  return files;
}

/** The figures of one build in `distDir`. */
export interface BundleFigures {
  /** The entry script `index.html` loads. */
  readonly entry: SizeTotal;
  /** The entry and every chunk the page preloads: the JavaScript of the first screen. */
  readonly initial: SizeTotal;
  /** Every JavaScript file of the build (the simulation worker included). */
  readonly allJs: SizeTotal;
  /** The largest chunk and its raw size. */
  readonly largest: { readonly file: string; readonly rawBytes: number };
}

/** Measures a finished web build. */
export function measureBuild(distDir: string): BundleFigures {
  const initialFiles = initialScriptFiles(readFileSync(join(distDir, 'index.html'), 'utf8'));
  if (initialFiles.length === 0) throw new Error(`${distDir}/index.html loads no module script.`);
  const jsFiles = readdirSync(join(distDir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`);
  const allJs = total(distDir, jsFiles);
  const largest = jsFiles
    .map((file) => ({ file, rawBytes: readFileSync(join(distDir, file)).length }))
    .reduce((a, b) => (b.rawBytes > a.rawBytes ? b : a));
  return {
    entry: total(distDir, initialFiles.slice(0, 1)),
    initial: total(distDir, initialFiles),
    allJs,
    largest,
  };
}
