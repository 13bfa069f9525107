import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consumerKinds, scenarioComponents } from './index.ts';

const sim = resolve(import.meta.dirname, '..');

/** The sim/ folders a framework folder's non-test files import from. */
function foldersImportedBy(folder: string): string[] {
  const found = new Set<string>();
  for (const name of readdirSync(join(sim, folder))) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts') || name.startsWith('test-support')) continue;
    const text = readFileSync(join(sim, folder, name), 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
      const target = relative(sim, resolve(dirname(join(sim, folder, name)), m[1]!)).split('/')[0]!;
      if (target !== folder) found.add(target);
    }
  }
  return [...found].sort();
}

describe('the composition root', () => {
  it('lists every scenario field once, in the order the components start', () => {
    expect(scenarioComponents.map((c) => c.field)).toEqual([
      'arrivals',
      'era',
      'startTime',
      'level',
      'kinesis',
      'streams',
      's3',
      'firehose',
      'producers',
      'consumers',
      'actions',
      'cost',
    ]);
  });

  it('registers every consumer type', () => {
    expect(consumerKinds.map((k) => k.type)).toEqual(['kcl', 'lambda', 'spark']);
  });

  it('is the only place the frameworks meet the services: sim/scenario imports only sim/core', () => {
    expect(foldersImportedBy('scenario')).toEqual(['core']);
  });

  it('keeps the consumer framework to the core, the format and the Kinesis API it reads through', () => {
    expect(foldersImportedBy('consumers')).toEqual(['core', 'kinesis', 'scenario']);
  });

  it('keeps the folders of sim/ free of import cycles, so every service can be read and tested below the root', () => {
    const folders = readdirSync(sim, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const imports = new Map(folders.map((folder) => [folder, foldersImportedBy(folder)]));
    const cycles: string[] = [];
    const visit = (folder: string, path: readonly string[]): void => {
      if (path.includes(folder)) {
        cycles.push([...path.slice(path.indexOf(folder)), folder].join(' → '));
        return;
      }
      for (const next of imports.get(folder) ?? []) visit(next, [...path, folder]);
    };
    for (const folder of folders) visit(folder, []);
    expect(cycles).toEqual([]);
  });
});
