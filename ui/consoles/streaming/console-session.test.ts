import { afterEach, describe, expect, it } from 'vitest';
import type { StreamingWorker } from './console-client.svelte.ts';
import { consoleSession, momentsOf, resetConsoleSessionForTests } from './console-session.ts';
import type { ToWorker } from './protocol.ts';
import { findBuiltIn } from './scenarios.ts';

function fakeWorker(sent: ToWorker[]): StreamingWorker {
  return { onmessage: null, postMessage: (message) => sent.push(message), terminate: () => undefined };
}

afterEach(() => resetConsoleSessionForTests());

describe('the console session', () => {
  it('outlives the page: a second visit gets the same run, not a new worker or a restarted scenario', () => {
    const sent: ToWorker[] = [];
    let workers = 0;
    const start = () => {
      workers++;
      return fakeWorker(sent);
    };
    const hotKey = findBuiltIn('hot-key')!;
    const first = consoleSession(start, hotKey);
    first.play();
    const second = consoleSession(start, findBuiltIn('balanced')!);
    expect(second).toBe(first);
    expect(workers).toBe(1);
    expect(sent).toEqual([
      {
        type: 'command',
        command: { type: 'start', name: hotKey.title, scenario: hotKey.scenario, moments: momentsOf(hotKey) },
      },
      { type: 'play' },
    ]);
  });
});
