import { describe, expect, it } from 'vitest';
import { catalogueEntry } from '../../../labs/catalogue';
import { findLab } from '../../../labs';
import type { AnyLabDefinition } from '../../../labs/engine/types';
import { AgendaProgress } from './agenda-progress.svelte';

const entry = catalogueEntry('data-bus')!;
const lab = findLab('data-bus')!;
const atIntro = {
  format: 'bdlab-lab-progress',
  version: 1,
  labId: 'data-bus',
  phase: 'intro',
  stepIndex: 0,
  actionsByStep: lab.steps.map(() => []),
  hintsUsed: lab.steps.map(() => 0),
  assistedSteps: [],
  startedAt: null,
  completedAt: null,
  stepStartedAt: lab.steps.map(() => null),
  stepCompletedAt: lab.steps.map(() => null),
  workspace: lab.initialWorkspace,
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AgendaProgress', () => {
  it('says a lab with nothing saved is not started without loading it', () => {
    const progress = new AgendaProgress(() => Promise.reject(new Error('must not load')));
    expect(progress.of(entry, undefined)).toEqual({
      status: 'not-started',
      label: 'Not started',
      solutionsUsed: 0,
    });
  });

  it('reads saved progress once the lab has loaded, through the engine, as the lab page would', async () => {
    const loaded: string[] = [];
    const progress = new AgendaProgress(async (id) => (loaded.push(id), lab));
    expect(progress.of(entry, atIntro).status).toBe('reading');
    expect(progress.of(entry, atIntro).label).toBe('Reading progress…');
    await settle();
    expect(progress.of(entry, atIntro)).toEqual({
      status: 'not-started',
      label: 'Not started',
      solutionsUsed: 0,
    });
    const damaged = { ...atIntro, phase: 'flying' };
    expect(progress.of(entry, damaged)).toMatchObject({
      status: 'damaged',
      label: 'Saved progress damaged',
      problem: expect.stringContaining('"phase" must be one of'),
    });
    expect(loaded).toEqual(['data-bus']);
  });

  it('says the progress was not read, and why, when the lab cannot load', async () => {
    const progress = new AgendaProgress(async (): Promise<AnyLabDefinition> => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    progress.of(entry, atIntro);
    await settle();
    expect(progress.of(entry, atIntro)).toEqual({
      status: 'unread',
      label: 'Progress not read',
      solutionsUsed: 0,
      problem: 'Failed to fetch dynamically imported module',
    });
  });
});
