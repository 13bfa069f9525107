import { describe, expect, it } from 'vitest';
import { ConsoleClient, type WorkerLike } from './console-client.svelte.ts';
import type { ConsoleView } from './console-view.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

function fakeWorker() {
  const sent: ToWorker[] = [];
  const worker: WorkerLike & { sent: ToWorker[]; emit(message: FromWorker): void } = {
    sent,
    onmessage: null,
    postMessage: (message) => sent.push(message),
    terminate: () => undefined,
    emit(message) {
      this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
    },
  };
  return worker;
}

describe('ConsoleClient', () => {
  it('acknowledges a frame only when the next animation frame runs', () => {
    const worker = fakeWorker();
    const frames: (() => void)[] = [];
    const client = new ConsoleClient(worker, (callback) => frames.push(callback));
    const view = { scenarioName: 'x' } as ConsoleView;
    worker.emit({ type: 'frame', view });
    expect(client.view).toBe(view);
    expect(worker.sent).toEqual([]);
    frames[0]!();
    expect(worker.sent).toEqual([{ type: 'frameShown' }]);
  });

  it('keeps refused scenarios’ problems and answers object reads by request id', async () => {
    const worker = fakeWorker();
    const client = new ConsoleClient(worker, () => undefined);
    client.start('Custom', { seed: 1 });
    worker.emit({
      type: 'scenarioRejected',
      errors: [{ code: 'InvalidScenario', path: '$.durationSeconds', message: 'required' }],
    });
    expect(client.rejected.map((e) => e.path)).toEqual(['$.durationSeconds']);

    const read = client.loadObject('b', 'k');
    const request = worker.sent.at(-1) as Extract<ToWorker, { type: 'objectBody' }>;
    expect(request).toMatchObject({ type: 'objectBody', bucket: 'b', key: 'k' });
    worker.emit({
      type: 'objectBody',
      requestId: request.requestId,
      result: { ok: false, message: 'NoSuchKey' },
    });
    await expect(read).rejects.toThrow('NoSuchKey');
  });
});
