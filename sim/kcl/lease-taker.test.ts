import { describe, expect, it } from 'vitest';
import { Rng } from '../core/index.ts';
import { initialKclState } from './kind.ts';
import { kclConsumerSchema, type KclConfig } from './config.ts';
import { renewLeases } from './lease-table.ts';
import { takeLeases } from './lease-taker.ts';
import type { KclAppState, KclWorker, Lease } from './state.ts';
import { newWorker } from './worker.ts';

const OPTIONS = { failoverTimeMillis: 10_000, maxLeasesToStealAtOneTime: 1 };

function config(workers: number): KclConfig {
  return kclConsumerSchema.check({ type: 'kcl', name: 'app', stream: 's', workers }, '$', [])!;
}

function lease(shard: number, owner: string | null = null): Lease {
  return {
    leaseKey: `shardId-${String(shard).padStart(12, '0')}`,
    leaseOwner: owner,
    leaseCounter: owner === null ? 0 : 1,
    checkpoint: 'LATEST',
    checkpointSubSequenceNumber: 0,
    ownerSwitchesSinceCheckpoint: 0,
    parentShardIds: [],
    lastCounterChangeAt: 0,
  };
}

/** An application whose workers are running and hold the leases the table gives them. */
function app(leases: Lease[], workerIds: string[]): { app: KclAppState; workers: KclWorker[] } {
  const state = initialKclState(config(1));
  state.leases.push(...leases);
  state.workers.length = 0;
  for (const id of workerIds) {
    const worker = newWorker(id, 0);
    worker.status = 'RUNNING';
    for (const l of leases) if (l.leaseOwner === id) worker.held[l.leaseKey] = l.leaseCounter;
    state.workers.push(worker);
  }
  return { app: state, workers: state.workers };
}

const owners = (state: KclAppState) => state.leases.map((l) => l.leaseOwner);

describe('KCL lease taker', () => {
  it('lets a lone worker take every lease nobody owns, at once', () => {
    const { app: state, workers } = app([lease(0), lease(1), lease(2)], ['w1']);
    const result = takeLeases(state, workers[0]!, 0, Rng.fromSeed(1), OPTIONS);
    expect(result.taken).toHaveLength(3);
    expect(owners(state)).toEqual(['w1', 'w1', 'w1']);
    expect(state.leases.map((l) => l.leaseCounter)).toEqual([1, 1, 1]);
  });

  it('steals at most one lease per cycle from the most loaded worker', () => {
    const leases = [0, 1, 2, 3, 4, 5].map((i) => lease(i, 'w1'));
    const { app: state, workers } = app(leases, ['w1', 'w2']);
    const [w1, w2] = [workers[0]!, workers[1]!];
    const rng = Rng.fromSeed(7);
    const first = takeLeases(state, w2, 0, rng, OPTIONS);
    expect(first.stolen).toHaveLength(1);
    expect(first.taken).toEqual([]);
    expect(owners(state).filter((o) => o === 'w2')).toHaveLength(1);
    const renewBoth = (now: number) => [w1, w2].forEach((w) => renewLeases(state, w, now));
    renewBoth(16_000);
    const second = takeLeases(state, w2, 20_050, rng, OPTIONS);
    expect(second.stolen).toHaveLength(1);
    renewBoth(36_000);
    takeLeases(state, w2, 40_100, rng, OPTIONS);
    expect(owners(state).filter((o) => o === 'w2')).toHaveLength(3);
    renewBoth(56_000);
    const balanced = takeLeases(state, w2, 60_150, rng, OPTIONS);
    expect(balanced.stolen).toEqual([]);
  });

  it('steals more per cycle only when maxLeasesToStealAtOneTime allows it', () => {
    const leases = [0, 1, 2, 3, 4, 5].map((i) => lease(i, 'w1'));
    const { app: state, workers } = app(leases, ['w1', 'w2']);
    const result = takeLeases(state, workers[1]!, 0, Rng.fromSeed(7), {
      ...OPTIONS,
      maxLeasesToStealAtOneTime: 3,
    });
    expect(result.stolen).toHaveLength(3);
  });

  it('does not steal from a worker that holds just the target', () => {
    const leases = [lease(0, 'w1'), lease(1, 'w1'), lease(2, 'w2')];
    const { app: state, workers } = app(leases, ['w1', 'w2']);
    const result = takeLeases(state, workers[1]!, 0, Rng.fromSeed(1), OPTIONS);
    expect(result).toEqual({ taken: [], stolen: [] });
  });

  it('takes a dead worker’s lease only once its counter has been still for more than the failover time', () => {
    const leases = [lease(0, 'w1'), lease(1, 'w2')];
    const { app: state, workers } = app(leases, ['w1', 'w2']);
    const w2 = workers[1]!;
    const rng = Rng.fromSeed(3);
    takeLeases(state, w2, 0, rng, OPTIONS);
    renewLeases(state, w2, 5_000);
    expect(takeLeases(state, w2, 10_000, rng, OPTIONS).taken).toEqual([]);
    expect(state.leases[0]!.leaseOwner).toBe('w1');
    renewLeases(state, w2, 10_001);
    const result = takeLeases(state, w2, 10_001, rng, OPTIONS);
    expect(result.taken).toEqual(['shardId-000000000000']);
    expect(state.leases[0]).toMatchObject({
      leaseOwner: 'w2',
      leaseCounter: 2,
      ownerSwitchesSinceCheckpoint: 1,
    });
  });

  it('measures a lease’s stillness from its own scans, not from the last renewal', () => {
    const leases = [lease(0, 'w1'), lease(1, 'w2')];
    const { app: state, workers } = app(leases, ['w1', 'w2']);
    const [w1, w2] = [workers[0]!, workers[1]!];
    const rng = Rng.fromSeed(3);
    renewLeases(state, w1, 1_000);
    takeLeases(state, w2, 5_000, rng, OPTIONS);
    renewLeases(state, w2, 14_000);
    expect(takeLeases(state, w2, 14_000, rng, OPTIONS).taken).toEqual([]);
    expect(takeLeases(state, w2, 15_001, rng, OPTIONS).taken).toEqual(['shardId-000000000000']);
  });

  it('aims for one lease each when there are at least as many workers as leases', () => {
    const leases = [lease(0, 'w1'), lease(1, 'w1')];
    const { app: state, workers } = app(leases, ['w1', 'w2', 'w3']);
    const rng = Rng.fromSeed(5);
    expect(takeLeases(state, workers[1]!, 0, rng, OPTIONS).stolen).toHaveLength(1);
    expect(takeLeases(state, workers[2]!, 0, rng, OPTIONS).stolen).toEqual([]);
  });

  it('makes the same choices for the same seed', () => {
    const pick = (seed: number) => {
      const leases = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => lease(i, 'w1'));
      const { app: state, workers } = app(leases, ['w1', 'w2']);
      return takeLeases(state, workers[1]!, 0, Rng.fromSeed(seed), OPTIONS).stolen;
    };
    expect(pick(11)).toEqual(pick(11));
  });
});
