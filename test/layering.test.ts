import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering the README describes, checked on the files themselves (the ESLint rule says the same
 * while editing; this test also catches imports ESLint does not parse, such as dynamic `import()`).
 */
const root = resolve(import.meta.dirname, '..');
const forbidden: Record<string, readonly string[]> = {
  sim: ['ui', 'labs', 'electron', 'bin'],
  labs: ['ui', 'electron', 'bin'],
  ui: ['electron', 'bin'],
  electron: ['ui', 'labs', 'bin'],
  bin: ['ui', 'electron'],
};
const sourceFile = /\.(ts|mts|js|mjs|svelte)$/;
const importSpecifier =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

function filesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (sourceFile.test(name)) out.push(path);
    }
  };
  try {
    walk(join(root, folder));
  } catch {
    return [];
  }
  return out;
}

/** The top-level folder a relative import lands in, or undefined for packages and node: built-ins. */
function targetLayer(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = relative(root, resolve(dirname(fromFile), specifier));
  return target.split(sep)[0];
}

/** Every cross-layer import that the layering forbids, as `file → specifier`. */
function layeringViolations(layer: string, files: string[]): string[] {
  const banned = forbidden[layer] ?? [];
  const violations: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(importSpecifier)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? '';
      const target = targetLayer(file, specifier);
      if (target && banned.includes(target)) violations.push(`${relative(root, file)} → ${specifier}`);
    }
  }
  return violations;
}

describe('layering', () => {
  for (const layer of Object.keys(forbidden)) {
    it(`${layer}/ imports none of ${forbidden[layer]?.join(', ')}`, () => {
      expect(layeringViolations(layer, filesUnder(layer))).toEqual([]);
    });
  }

  it('detects a forbidden import, static or dynamic', () => {
    const probe = join(root, 'sim', 'probe.ts');
    const fake = (text: string) => {
      const matches = [...text.matchAll(importSpecifier)].map((m) =>
        targetLayer(probe, m[1] ?? m[2] ?? m[3] ?? ''),
      );
      return matches;
    };
    expect(fake("import { x } from '../ui/App.svelte';")).toEqual(['ui']);
    expect(fake("const m = await import('../electron/main.ts');")).toEqual(['electron']);
    expect(fake("import '../labs/index.ts';")).toEqual(['labs']);
    expect(fake("import { z } from './core/units.ts';")).toEqual(['sim']);
  });
});
