import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agenda } from './agenda.ts';
import {
  catalogue,
  catalogueEntry,
  createLabLoader,
  cataloguedLab,
  cataloguedLabs,
  loadLab,
} from './catalogue.ts';
import { agendaLabs, registeredLabs } from './index.ts';

describe('the light lab catalogue', () => {
  it('lists exactly the registered labs, in folder order', () => {
    expect(catalogue.map(({ id, folder }) => `${folder} ${id}`)).toEqual(
      registeredLabs.map(({ folder, lab }) => `${folder} ${lab.id}`),
    );
  });

  it('gives each lab the duration its definition gives', () => {
    for (const { lab } of registeredLabs) {
      expect(catalogueEntry(lab.id)?.estimatedMinutes, `labs/catalogue.ts, ${lab.id}`).toBe(
        lab.estimatedMinutes,
      );
    }
  });

  it('loads each lab’s own registered definition', async () => {
    for (const { lab } of registeredLabs) expect(await loadLab(lab.id)).toBe(lab);
  });

  it('lists the agenda as the registry does: titles, sessions and availability', () => {
    expect(
      cataloguedLabs().map(({ id, title, session, available }) => ({ id, title, session, available })),
    ).toEqual(agendaLabs().map(({ id, title, session, available }) => ({ id, title, session, available })));
  });

  it('titles each built lab as its definition does, so the window title is the same before and after loading', () => {
    for (const { lab } of registeredLabs) expect(cataloguedLab(lab.id)?.title, lab.id).toBe(lab.title);
  });

  it('marks a planned lab that is not built as unavailable, with no duration and nothing to load', async () => {
    const planned = agenda.flatMap((item) => (item.kind === 'session' ? item.labs : []));
    const unbuilt = planned.find((lab) => !catalogueEntry(lab.id))!;
    expect(cataloguedLab(unbuilt.id)).toMatchObject({ available: false, estimatedMinutes: null });
    await expect(loadLab(unbuilt.id)).rejects.toThrow(`No lab "${unbuilt.id}" is built`);
    expect(cataloguedLab('no-such-lab')).toBeUndefined();
  });

  it('imports no lab definition, engine code or simulation except through its loaders', () => {
    // The agenda's first screen includes this file; a static import of a lab would pull every lab and the
    // simulation back into it (the size budget in test/e2e/first-load.spec.ts would then fail too).
    const text = readFileSync(new URL('./catalogue.ts', import.meta.url), 'utf8');
    const staticImports = [...text.matchAll(/^import\s+(type\s+)?[^'"]*from\s*'([^']+)'/gm)].map(
      ([, typeOnly, path]) => `${typeOnly ? 'type ' : ''}${path}`,
    );
    expect(staticImports).toEqual(['./agenda.ts', 'type ./engine/types.ts']);
    const agendaImports = readFileSync(new URL('./agenda.ts', import.meta.url), 'utf8').match(/^import .*/gm);
    expect(agendaImports).toBeNull();
  });
});

describe('createLabLoader', () => {
  const lab = registeredLabs[0]!.lab;

  it('loads a lab once and shares it', async () => {
    let calls = 0;
    const load = createLabLoader([
      { id: lab.id, folder: 'x', estimatedMinutes: 1, load: async () => (calls++, lab) },
    ]);
    expect(await Promise.all([load(lab.id), load(lab.id)])).toEqual([lab, lab]);
    expect(await load(lab.id)).toBe(lab);
    expect(calls).toBe(1);
  });

  it('forgets a failed load, so trying again fetches again', async () => {
    let calls = 0;
    const load = createLabLoader([
      {
        id: lab.id,
        folder: 'x',
        estimatedMinutes: 1,
        load: async () => {
          calls += 1;
          if (calls === 1) throw new TypeError('Failed to fetch dynamically imported module');
          return lab;
        },
      },
    ]);
    await expect(load(lab.id)).rejects.toThrow('Failed to fetch');
    expect(await load(lab.id)).toBe(lab);
    expect(calls).toBe(2);
  });
});
