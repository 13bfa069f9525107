import { describe, expect, it } from 'vitest';
import type { LeaseView } from '../console-view';
import { layoutLeaseBoard, leaseState, LeaseTransferTracker, TRANSFER_HIGHLIGHT_MS } from './lease-board';
import { kclFixture } from './panel-fixtures';

const lease = (overrides: Partial<LeaseView>): LeaseView => ({
  leaseKey: 'shardId-000000000000',
  leaseOwner: 'worker-1',
  leaseCounter: 1,
  checkpoint: 'TRIM_HORIZON',
  parentShardIds: [],
  waitingForParents: false,
  ownerRunning: true,
  startedFrom: 'TRIM_HORIZON',
  behindTipMs: 0,
  recordsSkipped: 0,
  ...overrides,
});

describe('leaseState', () => {
  it('reads SHARD_END from the checkpoint, before waiting and processing', () => {
    expect(leaseState(lease({ checkpoint: 'SHARD_END', waitingForParents: true }))).toBe('shard-end');
    expect(leaseState(lease({ waitingForParents: true }))).toBe('waiting-for-parent');
    expect(leaseState(lease({}))).toBe('processing');
  });

  it('does not call a crashed worker’s lease processing: it waits, unread, until another worker takes it', () => {
    expect(leaseState(lease({ ownerRunning: false }))).toBe('owner-down');
    expect(leaseState(lease({ ownerRunning: false, waitingForParents: true }))).toBe('owner-down');
    expect(leaseState(lease({ leaseOwner: null, ownerRunning: null }))).toBe('no-owner');
  });
});

describe('layoutLeaseBoard', () => {
  it('gives every worker a column and puts unknown or missing owners aside', () => {
    const consumer = kclFixture({
      leases: [
        lease({ leaseKey: 'shardId-000000000002', leaseOwner: 'worker-1' }),
        lease({ leaseKey: 'shardId-000000000001', leaseOwner: 'worker-1' }),
        lease({ leaseKey: 'shardId-000000000003', leaseOwner: null }),
        lease({ leaseKey: 'shardId-000000000004', leaseOwner: 'worker-9' }),
      ],
    });
    const layout = layoutLeaseBoard(consumer);
    expect(layout.columns.map((c) => c.worker.workerId)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(layout.columns[0]?.leases.map((l) => l.leaseKey)).toEqual([
      'shardId-000000000001',
      'shardId-000000000002',
    ]);
    expect(layout.unowned.map((l) => l.leaseKey)).toEqual(['shardId-000000000003', 'shardId-000000000004']);
  });
});

describe('LeaseTransferTracker', () => {
  const workers = [
    { workerId: 'worker-1', alive: true, leasesHeld: 1 },
    { workerId: 'worker-2', alive: false, leasesHeld: 1 },
    { workerId: 'worker-3', alive: true, leasesHeld: 1 },
  ];
  const frame = (owners: Record<string, string | null>) =>
    kclFixture({
      workers,
      leases: Object.entries(owners).map(([leaseKey, leaseOwner]) => lease({ leaseKey, leaseOwner })),
    });

  it('sees nothing in the first frame, then a failover from a dead worker and a steal from a live one', () => {
    const tracker = new LeaseTransferTracker();
    expect(tracker.observe(frame({ a: 'worker-2', b: 'worker-3', c: null }), 1000).recent).toEqual([]);
    const moved = tracker.observe(frame({ a: 'worker-1', b: 'worker-1', c: 'worker-1' }), 12_000);
    expect(moved.highlighted).toEqual([
      { leaseKey: 'a', kind: 'failover', fromWorker: 'worker-2', toWorker: 'worker-1', seenAtMs: 12_000 },
      { leaseKey: 'b', kind: 'steal', fromWorker: 'worker-3', toWorker: 'worker-1', seenAtMs: 12_000 },
    ]);
  });

  it('gives the same answer when shown the same frame twice', () => {
    const tracker = new LeaseTransferTracker();
    tracker.observe(frame({ a: 'worker-2' }), 0);
    const first = tracker.observe(frame({ a: 'worker-1' }), 5000);
    expect(tracker.observe(frame({ a: 'worker-1' }), 5000)).toEqual(first);
  });

  it('keeps the latest moves highlighted however fast the clock runs, older ones for 30 s only', () => {
    const tracker = new LeaseTransferTracker();
    tracker.observe(frame({ a: 'worker-2', b: 'worker-3' }), 0);
    tracker.observe(frame({ a: 'worker-1', b: 'worker-3' }), 5000);
    tracker.observe(frame({ a: 'worker-1', b: 'worker-1' }), 6000);
    const later = tracker.observe(frame({ a: 'worker-1', b: 'worker-1' }), 6000 + TRANSFER_HIGHLIGHT_MS + 1);
    expect(later.highlighted.map((t) => t.leaseKey)).toEqual(['b']);
    expect(later.recent.map((t) => t.leaseKey)).toEqual(['b', 'a']);
  });

  it('starts over when the clock goes back (a restarted run)', () => {
    const tracker = new LeaseTransferTracker();
    tracker.observe(frame({ a: 'worker-2' }), 50_000);
    expect(tracker.observe(frame({ a: 'worker-1' }), 1000)).toEqual({ highlighted: [], recent: [] });
  });
});
