import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type * as ProgressModule from '../../labs/engine/progress.ts';
import { catalogueEntry } from '../../labs/catalogue';
import { findLab } from '../../labs';
import { createDefaultDocument } from '../../sim/persist';
import { AgendaProgress } from './agenda/agenda-progress.svelte';
import { connectLabWorker } from './derive-client';
import type { DeriveWorkerLike, FromDeriveWorker, ToDeriveWorker } from './derive-protocol';
import { progressAJumpReplaces, progressAtStep } from './jump';
import { summarizeProgress } from './progress-summary';
import { progressCsv, progressJson, readProgressFile } from './progress-transfer';

/**
 * Restoring saved progress checks every step recorded as done again (a simulation in most labs), so the
 * page never restores: the agenda's badges, the CSV export, the import's comparison and the presenter's
 * jump ask the derive worker for summaries. Here restoring throws unless the (fake) worker is answering,
 * and each of them still works.
 */
const guard = vi.hoisted(() => ({ inWorker: false }));

vi.mock('../../labs/engine/progress.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof ProgressModule>();
  return {
    ...actual,
    restoreProgress: (...args: Parameters<typeof actual.restoreProgress>) => {
      if (!guard.inWorker) throw new Error('Saved progress was restored on the page, not in the worker.');
      return actual.restoreProgress(...args);
    },
  };
});

/** A derive worker that answers summaries a turn later, restoring with the guard lifted, as a worker would. */
function fakeWorker(): { worker: DeriveWorkerLike; asked: string[] } {
  const asked: string[] = [];
  const worker: DeriveWorkerLike = {
    postMessage: (message: ToDeriveWorker) => {
      if (message.type !== 'summarize') return;
      asked.push(message.labId);
      setTimeout(() => {
        guard.inWorker = true;
        let answer: FromDeriveWorker;
        try {
          answer = {
            type: 'summarized',
            id: message.id,
            summary: summarizeProgress(findLab(message.labId)!, message.saved),
          };
        } finally {
          guard.inWorker = false;
        }
        worker.onmessage?.({ data: answer } as MessageEvent<FromDeriveWorker>);
      }, 0);
    },
    onmessage: null,
    terminate: () => undefined,
  };
  return { worker, asked };
}

const dataBus = findLab('data-bus')!;
/** Data bus saved at step 3, steps 1 and 2 done: restoring checks both again. */
const saved = JSON.parse(JSON.stringify(progressAtStep(dataBus, 2, 1_000))) as unknown;
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('progress summaries on the page', () => {
  it('cannot restore on the page here (the guard holds)', () => {
    expect(() => summarizeProgress(dataBus, saved)).toThrow('restored on the page');
  });

  it('the agenda shows Checking progress… and then the worker’s summary', async () => {
    const { worker, asked } = fakeWorker();
    const agenda = new AgendaProgress(connectLabWorker(worker).summarize);
    const entry = catalogueEntry('data-bus')!;
    expect(agenda.of(entry, saved).label).toBe('Checking progress…');
    await settle();
    expect(agenda.of(entry, saved)).toEqual({
      status: 'in-progress',
      label: 'In progress: step 3 of 4',
      solutionsUsed: 2,
    });
    expect(asked).toEqual(['data-bus']);
  });

  it('the CSV export and the import’s comparison use the worker’s summaries', async () => {
    const { worker, asked } = fakeWorker();
    const { summarize } = connectLabWorker(worker);
    const csv = await progressCsv({ 'data-bus': saved }, 'Ada', summarize);
    expect(csv.split('\r\n')[1]).toBe('Ada,data-bus,The data bus,1,in-progress,2,4,0,2,0');
    const file = progressJson({ ...createDefaultDocument(), progress: { labs: { 'data-bus': saved } } });
    const read = await readProgressFile('p.json', file, { 'data-bus': saved }, summarize);
    expect(read.ok && read.value.changes).toEqual([
      {
        labId: 'data-bus',
        title: 'The data bus',
        current: 'In progress: step 3 of 4',
        incoming: 'In progress: step 3 of 4',
      },
    ]);
    expect(asked).toEqual(['data-bus', 'data-bus', 'data-bus']);
  });

  it('the presenter’s jump says what it replaces from the worker’s summary', async () => {
    const { worker } = fakeWorker();
    const { summarize } = connectLabWorker(worker);
    await expect(progressAJumpReplaces('data-bus', saved, summarize)).resolves.toBe(
      'In progress: step 3 of 4',
    );
    await expect(progressAJumpReplaces('data-bus', undefined, summarize)).resolves.toBeNull();
  });

  it('no page code calls the in-place summary or restore: only the worker and headless tools do', () => {
    const ui = join(import.meta.dirname, '..');
    const allowed = new Set(['labs/progress-summary.ts', 'labs/derive-engine.ts']);
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|svelte)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
          const name = relative(ui, path).split('\\').join('/');
          if (allowed.has(name)) continue;
          if (/\b(summarizeProgress|restoreProgress)\b/.test(readFileSync(path, 'utf8')))
            offenders.push(name);
        }
      }
    };
    walk(ui);
    expect(offenders).toEqual([]);
  });
});
