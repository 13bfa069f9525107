import { openStreamingSession, validateScenario } from '../../../sim/run/index.ts';
import { describe, expect, it } from 'vitest';
import { inProcessWorker } from '../shell/in-process.ts';
import type { HostTimers } from '../shell/worker-host.ts';
import { StaleRequestError } from '../shell/worker-port.svelte.ts';
import { StreamingConsoleClient, type StreamingWorker } from './console-client.svelte.ts';
import { ConsoleEngine } from './console-engine.ts';
import type { ConsoleView } from './console-view.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { findBuiltIn } from './scenarios.ts';

function fakeWorker() {
  const sent: ToWorker[] = [];
  const worker: StreamingWorker & { sent: ToWorker[]; emit(message: FromWorker): void } = {
    sent,
    onmessage: null,
    postMessage: (message) => sent.push(message),
    terminate: () => undefined,
    emit(message) {
      this.onmessage?.({ data: message });
    },
  };
  return worker;
}

/** Timers that never fire: the clock moves only by `step`. */
const stillTimers: HostTimers = { now: () => 0, setTimeout: () => 0, clearTimeout: () => undefined };

describe('StreamingConsoleClient', () => {
  it('acknowledges a frame only when the next animation frame runs', () => {
    const worker = fakeWorker();
    const frames: (() => void)[] = [];
    const client = new StreamingConsoleClient(worker, (callback) => frames.push(callback));
    const view = { scenarioName: 'x' } as ConsoleView;
    worker.emit({ type: 'frame', view });
    expect(client.view).toBe(view);
    expect(worker.sent).toEqual([]);
    frames[0]!();
    expect(worker.sent).toEqual([{ type: 'frameShown' }]);
  });

  it('keeps refused scenarios’ problems and answers object reads by request id', async () => {
    const worker = fakeWorker();
    const client = new StreamingConsoleClient(worker, () => undefined);
    client.start('Custom', { seed: 1 });
    worker.emit({
      type: 'rejected',
      errors: [{ code: 'InvalidScenario', path: '$.durationSeconds', message: 'required' }],
    });
    expect(client.rejected.map((e) => e.path)).toEqual(['$.durationSeconds']);

    const read = client.loadObject('b', 'k');
    const request = worker.sent.at(-1) as Extract<ToWorker, { type: 'request' }>;
    expect(request).toMatchObject({
      type: 'request',
      request: { type: 'objectBody', bucket: 'b', key: 'k' },
    });
    worker.emit({
      type: 'answer',
      requestId: request.requestId,
      result: { ok: true, value: { ok: false, message: 'NoSuchKey' } },
    });
    await expect(read).rejects.toThrow('NoSuchKey');
  });

  it('cancels an object read when another object is opened before it arrives', async () => {
    const worker = fakeWorker();
    const client = new StreamingConsoleClient(worker, () => undefined);
    const first = client.loadObject('b', 'old');
    const second = client.loadObject('b', 'new');
    await expect(first).rejects.toBeInstanceOf(StaleRequestError);
    const [firstRequest, cancel, secondRequest] = worker.sent as Extract<ToWorker, { requestId: number }>[];
    expect(cancel).toEqual({ type: 'cancel', requestId: firstRequest!.requestId });
    // A late answer to the cancelled read changes nothing; the newer read still gets its own.
    const body = { kind: 'text', text: 'hello' } as never;
    worker.emit({
      type: 'answer',
      requestId: firstRequest!.requestId,
      result: { ok: true, value: { ok: true, body } },
    });
    worker.emit({
      type: 'answer',
      requestId: secondRequest!.requestId,
      result: { ok: true, value: { ok: true, body } },
    });
    await expect(second).resolves.toBe(body);
  });

  it('runs the streaming engine in-process through the same port: start, step, frames and refusals', () => {
    const engine = new ConsoleEngine({
      validate: (value) => validateScenario(value),
      open: openStreamingSession,
    });
    const acks: (() => void)[] = [];
    const client = new StreamingConsoleClient(inProcessWorker(engine, stillTimers), (ack) => acks.push(ack));
    const hotKey = findBuiltIn('hot-key')!;
    client.start(hotKey.title, hotKey.scenario);
    expect(client.view?.scenarioName).toBe(hotKey.title);
    expect(client.view?.clock.nowMs).toBe(0);
    client.step(2);
    // The page has not drawn the first frame: the worker holds the next one back.
    expect(client.view?.clock.nowMs).toBe(0);
    acks.shift()!();
    expect(client.view?.clock.nowMs).toBe(2000);
    client.start('Custom', { seed: 1, durationSeconds: 60, streams: [{ name: 'x', shards: 0 }] });
    expect(client.rejected.map((e) => e.path)).toContain('$.streams[0].shards');
    client.destroy();
  });
});
