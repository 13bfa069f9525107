import { describe, expect, it } from 'vitest';
import { registeredLabs } from '../../labs/index.ts';
import type { AnyLabDefinition } from '../../labs/engine';
import { connectLabWorker, DeriveCancelled } from './derive-client';
import { createDeriveEngine } from './derive-engine';
import type { DeriveWorkerLike, FromDeriveWorker, ToDeriveWorker } from './derive-protocol';
import { labLoaders } from './lab-loaders';

const doubling = {
  id: 'doubling',
  derive: (workspace: { count: number }) => ({ doubled: workspace.count * 2 }),
  steps: [{ solution: [{ type: 'add', by: 2 }] }, { solution: [{ type: 'add', by: 3 }] }, { solution: [] }],
} as unknown as AnyLabDefinition;

/** The engine and the client joined as the page and the worker are, with the worker's turn under test control. */
function wired() {
  const sent: ToDeriveWorker[] = [];
  const received: FromDeriveWorker[] = [];
  let release: () => void = () => undefined;
  const worker: DeriveWorkerLike = {
    postMessage: (message) => {
      sent.push(message);
      void handle(message);
    },
    onmessage: null,
    terminate: () => undefined,
  };
  const handle = createDeriveEngine(
    { doubling: async () => doubling },
    (message) => {
      received.push(message);
      worker.onmessage?.({ data: message } as MessageEvent<FromDeriveWorker>);
    },
    () => new Promise<void>((resolve) => (release = resolve)),
  );
  const port = connectLabWorker(worker);
  return { ...port, sent, received, release: () => release() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the derive worker and its client', () => {
  it('answers a request with the lab’s facts', async () => {
    const { deriver, release } = wired();
    const answer = deriver('doubling', { count: 4 }, new AbortController().signal);
    await settle();
    release();
    await expect(answer).resolves.toEqual({ doubled: 8 });
  });

  it('calls off a superseded request before it starts, and rejects it on the page', async () => {
    const { deriver, received, release } = wired();
    const abort = new AbortController();
    const answer = deriver('doubling', { count: 4 }, abort.signal);
    await settle();
    abort.abort();
    await expect(answer).rejects.toBeInstanceOf(DeriveCancelled);
    release();
    await settle();
    expect(received).toEqual([{ type: 'cancelled', id: 1 }]);
  });

  it('answers a request for the scripted solutions up to a step', async () => {
    const { solutions, sent, release } = wired();
    const answer = solutions('doubling', 1, new AbortController().signal);
    await settle();
    release();
    await expect(answer).resolves.toEqual([[{ type: 'add', by: 2 }], [{ type: 'add', by: 3 }]]);
    expect(sent).toEqual([{ type: 'solutions', id: 1, labId: 'doubling', upTo: 1 }]);
  });

  it('calls off a superseded solutions request like a derive', async () => {
    const { solutions, received, release } = wired();
    const abort = new AbortController();
    const answer = solutions('doubling', 1, abort.signal);
    await settle();
    abort.abort();
    await expect(answer).rejects.toBeInstanceOf(DeriveCancelled);
    release();
    await settle();
    expect(received).toEqual([{ type: 'cancelled', id: 1 }]);
  });

  it('says which lab it does not know', async () => {
    const { deriver } = wired();
    await expect(deriver('nope', {}, new AbortController().signal)).rejects.toEqual({
      code: 'DeriveFailed',
      message: 'No lab "nope" is registered in the derive worker.',
    });
  });

  it('loads every registered lab by its id, and no other', async () => {
    expect(Object.keys(labLoaders).sort()).toEqual(registeredLabs.map((entry) => entry.lab.id).sort());
    for (const { lab } of registeredLabs) expect(await labLoaders[lab.id]!()).toBe(lab);
  });
});
