import { describe, expect, it } from 'vitest';
import { catalogueEntry } from '../../../labs/catalogue';
import { findLab } from '../../../labs';
import { DeriveCancelled } from '../derive-client';
import { inProcessSummarizer, type ProgressSummarizer } from '../progress-summary';
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

const summarizeHere = inProcessSummarizer(findLab);

describe('AgendaProgress', () => {
  it('says a lab with nothing saved is not started without asking for a summary', () => {
    const progress = new AgendaProgress(() => Promise.reject(new Error('must not summarize')));
    expect(progress.of(entry, undefined)).toEqual({
      status: 'not-started',
      label: 'Not started',
      solutionsUsed: 0,
    });
  });

  it('says it is checking until the summarizer answers, then shows the engine’s reading, asking once', async () => {
    const asked: unknown[] = [];
    const progress = new AgendaProgress((labId, saved, options) => {
      asked.push(saved);
      expect(options).toEqual({ supersedes: 'agenda:data-bus' });
      return summarizeHere(labId, saved);
    });
    expect(progress.of(entry, atIntro)).toEqual({
      status: 'checking',
      label: 'Checking progress…',
      solutionsUsed: 0,
    });
    expect(progress.of(entry, atIntro).status).toBe('checking');
    await settle();
    expect(progress.of(entry, atIntro)).toEqual({
      status: 'not-started',
      label: 'Not started',
      solutionsUsed: 0,
    });
    const damaged = { ...atIntro, phase: 'flying' };
    expect(progress.of(entry, damaged).status).toBe('checking');
    await settle();
    expect(progress.of(entry, damaged)).toMatchObject({
      status: 'damaged',
      label: 'Saved progress damaged',
      problem: expect.stringContaining('"phase" must be one of'),
    });
    expect(asked).toEqual([atIntro, damaged]);
  });

  it('says the progress was not read, and why, when it could not be summarized, keeping the saved file', async () => {
    const saved = structuredClone(atIntro);
    const progress = new AgendaProgress(async () => {
      throw { code: 'DeriveFailed', message: 'Failed to fetch dynamically imported module' };
    });
    progress.of(entry, saved);
    await settle();
    expect(progress.of(entry, saved)).toEqual({
      status: 'unread',
      label: 'Progress not read',
      solutionsUsed: 0,
      problem:
        'Failed to fetch dynamically imported module Your saved progress is kept; reload the page to check it again.',
    });
    expect(saved).toEqual(atIntro);
  });

  it('keeps saying it is checking when an older request is called off for a newer one', async () => {
    const answers: ((outcome: 'cancel' | 'answer') => void)[] = [];
    const summarize: ProgressSummarizer = (labId, saved) =>
      new Promise((resolve, reject) =>
        answers.push((outcome) =>
          outcome === 'cancel' ? reject(new DeriveCancelled()) : resolve(summarizeHere(labId, saved)),
        ),
      );
    const progress = new AgendaProgress(summarize);
    progress.of(entry, atIntro);
    const newer = { ...atIntro };
    progress.of(entry, newer);
    answers[0]!('cancel');
    await settle();
    expect(progress.of(entry, newer).status).toBe('checking');
    answers[1]!('answer');
    await settle();
    await settle();
    expect(progress.of(entry, newer).status).toBe('not-started');
  });
});
