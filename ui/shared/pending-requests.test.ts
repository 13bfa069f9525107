import { describe, expect, it } from 'vitest';
import { PendingRequests } from './pending-requests';

class Cancelled extends Error {}

function books() {
  const sent: number[] = [];
  const cancelled: number[] = [];
  const requests = new PendingRequests<string>(
    () => new Cancelled(),
    (id) => cancelled.push(id),
  );
  const open = (options = {}) => requests.open((id) => sent.push(id), options);
  return { requests, open, sent, cancelled };
}

describe('PendingRequests', () => {
  it('answers a request by its id and ignores an answer that comes again', async () => {
    const { requests, open, sent } = books();
    const answer = open();
    requests.resolve(sent[0]!, 'rows');
    requests.resolve(sent[0]!, 'late');
    await expect(answer).resolves.toBe('rows');
  });

  it('cancels the older request of the same key and tells the worker', async () => {
    const { requests, open, sent, cancelled } = books();
    const first = open({ supersedes: 'object' });
    const second = open({ supersedes: 'object' });
    await expect(first).rejects.toBeInstanceOf(Cancelled);
    expect(cancelled).toEqual([sent[0]]);
    requests.resolve(sent[0]!, 'stale');
    requests.resolve(sent[1]!, 'fresh');
    await expect(second).resolves.toBe('fresh');
  });

  it('cancels on abort, and never sends a request whose signal had already aborted', async () => {
    const { open, sent, cancelled } = books();
    const controller = new AbortController();
    const inFlight = open({ signal: controller.signal });
    controller.abort();
    await expect(inFlight).rejects.toBeInstanceOf(Cancelled);
    expect(cancelled).toEqual([sent[0]]);
    const early = open({ signal: controller.signal });
    await expect(early).rejects.toBeInstanceOf(Cancelled);
    expect(sent).toHaveLength(1);
  });

  it('fails a request that could not be sent, with why, and keeps nothing waiting on it', async () => {
    const { requests } = books();
    const unsendable = new DOMException('#<Object> could not be cloned.', 'DataCloneError');
    const answer = requests.open(() => {
      throw unsendable;
    });
    await expect(answer).rejects.toBe(unsendable);
    requests.rejectAll(new Error('stopped'));
    await expect(answer).rejects.toBe(unsendable);
  });

  it('refuses everything in flight when the worker stops', async () => {
    const { requests, open } = books();
    const a = open();
    const b = open({ supersedes: 'x' });
    requests.rejectAll(new Error('closed'));
    await expect(a).rejects.toThrow('closed');
    await expect(b).rejects.toThrow('closed');
  });
});
