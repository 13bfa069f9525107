import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';
import { millis } from './units.ts';

interface Tick {
  readonly type: 'tick';
  readonly id: number;
}
const tick = (id: number): Tick => ({ type: 'tick', id });

function drain(queue: EventQueue<Tick>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let entry = queue.pop(); entry; entry = queue.pop()) out.push([entry.time, entry.event.id]);
  return out;
}

describe('EventQueue', () => {
  it('pops events in time order', () => {
    const queue = new EventQueue<Tick>();
    queue.push(millis(30), tick(1));
    queue.push(millis(10), tick(2));
    queue.push(millis(20), tick(3));
    expect(queue.peekTime()).toBe(10);
    expect(drain(queue)).toEqual([
      [10, 2],
      [20, 3],
      [30, 1],
    ]);
    expect(queue.pop()).toBeUndefined();
    expect(queue.peekTime()).toBeUndefined();
  });

  it('breaks ties by insertion order, whatever the heap layout', () => {
    const queue = new EventQueue<Tick>(1);
    for (let id = 0; id < 200; id++) queue.push(millis(id % 3 === 0 ? 5 : 7), tick(id));
    const popped = drain(queue);
    const fives = popped.filter(([t]) => t === 5).map(([, id]) => id);
    const sevens = popped.filter(([t]) => t === 7).map(([, id]) => id);
    expect(popped.slice(0, fives.length).every(([t]) => t === 5)).toBe(true);
    expect(fives).toEqual([...fives].sort((a, b) => a - b));
    expect(sevens).toEqual([...sevens].sort((a, b) => a - b));
    expect(fives.length + sevens.length).toBe(200);
  });

  it('grows past its initial capacity and matches a sorted reference', () => {
    const queue = new EventQueue<Tick>(2);
    const reference: Array<[number, number]> = [];
    let x = 12345;
    for (let id = 0; id < 5000; id++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const time = x % 1000;
      queue.push(millis(time), tick(id));
      reference.push([time, id]);
    }
    reference.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(queue.size).toBe(5000);
    expect(drain(queue)).toEqual(reference);
  });

  it('interleaves pushes and pops correctly', () => {
    const queue = new EventQueue<Tick>();
    queue.push(millis(5), tick(1));
    queue.push(millis(1), tick(2));
    expect(queue.popEvent()?.id).toBe(2);
    queue.push(millis(3), tick(3));
    queue.push(millis(5), tick(4));
    expect(drain(queue)).toEqual([
      [3, 3],
      [5, 1],
      [5, 4],
    ]);
  });

  it('rejects a time that is not finite', () => {
    const queue = new EventQueue<Tick>();
    expect(() => queue.push(millis(Number.NaN), tick(1))).toThrow(/finite number/);
  });

  it('survives a JSON round trip of its snapshot, keeping sequence numbers', () => {
    const queue = new EventQueue<Tick>();
    queue.push(millis(2), tick(1));
    queue.push(millis(1), tick(2));
    queue.push(millis(2), tick(3));
    const copy = EventQueue.fromSnapshot<Tick>(JSON.parse(JSON.stringify(queue.toSnapshot())));
    queue.push(millis(2), tick(4));
    copy.push(millis(2), tick(4));
    expect(drain(copy)).toEqual(drain(queue));
  });

  it('refuses a snapshot out of heap order or with a sequence number from the future', () => {
    const event = tick(1);
    expect(() =>
      EventQueue.fromSnapshot({ nextSequence: 2, times: [5, 1], sequences: [0, 1], events: [event, event] }),
    ).toThrow(/Pending event 1 of the snapshot is damaged/);
    expect(() =>
      EventQueue.fromSnapshot({ nextSequence: 1, times: [5], sequences: [3], events: [event] }),
    ).toThrow(/damaged/);
  });

  it('refuses an inconsistent snapshot', () => {
    expect(() => EventQueue.fromSnapshot({ nextSequence: 1, times: [1], sequences: [], events: [] })).toThrow(
      /inconsistent/,
    );
  });
});
