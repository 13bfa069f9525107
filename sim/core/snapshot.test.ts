import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  createState,
  recordMetric,
  schedule,
  scheduleAfter,
  type SimContext,
  type SimState,
} from './simulation.ts';
import { restore, snapshot, type SimSnapshot } from './snapshot.ts';
import { millis } from './units.ts';

/** A small queueing model: random arrivals, a server with random service times, metrics on both. */
type Event =
  | { readonly type: 'arrive'; readonly customer: number }
  | { readonly type: 'finish'; readonly customer: number };
interface Services {
  shop: { nextCustomer: number; waiting: number[]; busy: boolean; served: number[] };
}
type State = SimState<Event, Services>;

const simulation = createSimulation<Event, Services>([
  {
    name: 'shop',
    handlers: {
      arrive: (state, event) => {
        const shop = state.services.shop;
        recordMetric(state, { namespace: 'Shop', metricName: 'Arrivals' }, 1);
        if (shop.busy) shop.waiting.push(event.customer);
        else startService(state, event.customer);
        shop.nextCustomer++;
        scheduleAfter(state, millis(state.rng.exponential(1 / 100)), {
          type: 'arrive',
          customer: shop.nextCustomer,
        });
      },
      finish: (state, event) => {
        const shop = state.services.shop;
        shop.served.push(event.customer);
        shop.busy = false;
        const next = shop.waiting.shift();
        if (next !== undefined) startService(state, next);
      },
    },
  },
]);

function startService(state: SimContext<Event, Services>, customer: number): void {
  state.services.shop.busy = true;
  const serviceTime = state.rng.nextInt(20, 180);
  recordMetric(state, { namespace: 'Shop', metricName: 'ServiceTime' }, serviceTime, 'Milliseconds');
  scheduleAfter(state, millis(serviceTime), { type: 'finish', customer });
}

function newState(seed: number): State {
  const state = createState<Event, Services>({
    seed,
    services: { shop: { nextCustomer: 0, waiting: [], busy: false, served: [] } },
    metrics: { periodMillis: 1000, capacity: 30 },
  });
  schedule(state, millis(0), { type: 'arrive', customer: 0 });
  return state;
}

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('snapshot and restore', () => {
  it('produces plain JSON data', () => {
    const state = newState(1);
    simulation.run(state, millis(5000));
    const data = snapshot(state);
    expect(roundTrip(data)).toEqual(data);
    expect(data.queue.sequences.length).toBe(state.queue.size);
  });

  it('lets a restored fork continue exactly as the original', () => {
    const original = newState(9);
    simulation.run(original, millis(20_000));
    const saved = JSON.stringify(snapshot(original));
    simulation.run(original, millis(60_000));

    const fork = restore(JSON.parse(saved) as SimSnapshot<Event, Services>);
    expect(fork.now).toBe(20_000);
    simulation.run(fork, millis(60_000));

    expect(snapshot(fork)).toEqual(snapshot(original));
    expect(fork.services.shop.served.length).toBeGreaterThan(100);
  });

  it('rewinds: restoring the same snapshot twice gives independent, identical forks', () => {
    const state = newState(4);
    simulation.run(state, millis(10_000));
    const saved = snapshot(state);
    const first = restore(saved);
    const second = restore(saved);
    simulation.run(first, millis(30_000));
    expect(second.now).toBe(10_000);
    expect(second.services.shop.served).toEqual(state.services.shop.served);
    simulation.run(second, millis(30_000));
    expect(snapshot(second)).toEqual(snapshot(first));
  });

  it('is not changed by later changes to the state it came from', () => {
    const state = newState(2);
    simulation.run(state, millis(3000));
    const saved = snapshot(state);
    const before = roundTrip(saved);
    simulation.run(state, millis(9000));
    expect(saved).toEqual(before);
  });

  it('lets two forks given different inputs diverge', () => {
    const state = newState(5);
    simulation.run(state, millis(10_000));
    const saved = snapshot(state);
    const calm = restore(saved);
    const rush = restore(saved);
    for (let i = 0; i < 20; i++) schedule(rush, millis(10_001), { type: 'arrive', customer: 10_000 + i });
    simulation.run(calm, millis(20_000));
    simulation.run(rush, millis(20_000));
    expect(rush.services.shop.served).not.toEqual(calm.services.shop.served);
    expect(rush.services.shop.served.slice(0, state.services.shop.served.length)).toEqual(
      state.services.shop.served,
    );
  });

  it('keeps byte arrays in service state through JSON text and restore', () => {
    const state = createState<Event, { store: { body: Uint8Array; name: string } }>({
      seed: 1,
      services: { store: { body: new Uint8Array([0, 1, 254, 255]), name: 'object' } },
    });
    const text = JSON.stringify(snapshot(state));
    const back = restore(
      JSON.parse(text) as SimSnapshot<Event, { store: { body: Uint8Array; name: string } }>,
    );
    expect(back.services.store.body).toBeInstanceOf(Uint8Array);
    expect([...back.services.store.body]).toEqual([0, 1, 254, 255]);
    back.services.store.body[0] = 9;
    expect(state.services.store.body[0]).toBe(0);
  });

  it('refuses data that is not a snapshot of this version', () => {
    const saved = snapshot(newState(1));
    expect(() => restore({ ...saved, format: 'other' } as never)).toThrow(/not a bdlab simulation snapshot/);
    expect(() => restore({ ...saved, version: 2 } as never)).toThrow(/version 2 is not supported/);
  });
});
