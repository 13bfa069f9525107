/**
 * The console after a KCL worker crash, as a learner sees it. The KCL documents the causes (cited in
 * sim/kcl/failover.test.ts): a lease with no checkpoint is started at the initial position by its new
 * owner (InitialPositionInStream: "used during initial application bootstrap (when a checkpoint doesn't
 * exist for a shard or its parents)"), and a new owner otherwise resumes after the last checkpoint
 * (kinesis-record-processor-duplicates.md). The console must show both, and never a caught-up consumer that
 * silently lost records.
 */
import { openStreamingSession, validateScenario } from '../../../sim/run/index.ts';
import { describe, expect, it } from 'vitest';
import type { KclConsumerView } from './console-view.ts';
import { ConsoleEngine } from './console-engine.ts';
import { leaseState } from './panels-downstream/lease-board.ts';
import { findBuiltIn } from './scenarios.ts';

const scenario = findBuiltIn('kcl-resharding')!.scenario;

function crashedAt(ms: number) {
  const engine = new ConsoleEngine({
    validate: (value) => validateScenario(value),
    open: openStreamingSession,
  });
  engine.start('KCL', scenario);
  engine.advanceTo(ms);
  const before = kcl(engine);
  const victim = before.leases.find((l) => l.leaseOwner === 'worker-1')!.leaseKey;
  expect(engine.apply({ action: 'crashWorker', consumer: 'orders-app', workerId: 'worker-1' })!.outcome).toBe(
    'ok',
  );
  return { engine, victim };
}

function kcl(engine: ConsoleEngine): KclConsumerView {
  return engine.view()!.consumers.find((c) => c.name === 'orders-app') as KclConsumerView;
}

const fact = (view: KclConsumerView, label: string) => view.facts.find((f) => f.label === label)!;

describe('the console after a KCL worker crash', () => {
  it('shows the crashed worker’s lease as not processed, and the shard falling behind the tip while nobody reads it', () => {
    const { engine, victim } = crashedAt(30_000);
    engine.advanceTo(38_000);
    const view = kcl(engine);
    const lease = view.leases.find((l) => l.leaseKey === victim)!;
    expect(lease).toMatchObject({ leaseOwner: 'worker-1', ownerRunning: false });
    expect(leaseState(lease)).toBe('owner-down');
    expect(lease.behindTipMs).toBeGreaterThan(7_000);
    expect(fact(view, 'Behind the tip')).toMatchObject({ warning: false });
    expect(view.iteratorAgeMs.values.at(-1)).toBeGreaterThan(6_000);
  });

  it('counts the records a crash before the first checkpoint loses, and flags them', () => {
    // The scenario's processors write their first checkpoint a minute after they start (the tutorial's policy).
    const { engine, victim } = crashedAt(30_000);
    engine.advanceTo(90_000);
    const view = kcl(engine);
    const lease = view.leases.find((l) => l.leaseKey === victim)!;
    expect(lease.startedFrom).toBe('LATEST');
    expect(lease.recordsSkipped).toBeGreaterThan(4_000);
    const skipped = fact(view, 'Records skipped (never processed)');
    expect(skipped.warning).toBe(true);
    expect(skipped.value).not.toBe('0');
    expect(fact(view, 'Processed twice after a failover').value).toBe('0');
  });

  it('counts re-processing, not loss, for a crash after the first checkpoint', () => {
    const { engine, victim } = crashedAt(75_000);
    engine.advanceTo(130_000);
    const view = kcl(engine);
    expect(view.leases.find((l) => l.leaseKey === victim)?.recordsSkipped ?? 0).toBe(0);
    expect(fact(view, 'Records skipped (never processed)')).toMatchObject({ value: '0', warning: false });
    expect(fact(view, 'Processed twice after a failover').warning).toBe(true);
  });

  it('labels the start-up steal’s duplicates as a steal, not a failover', () => {
    const engine = new ConsoleEngine({
      validate: (value) => validateScenario(value),
      open: openStreamingSession,
    });
    engine.start('KCL', scenario);
    engine.advanceTo(20_000);
    const view = kcl(engine);
    expect(fact(view, 'Processed twice after a failover').value).toBe('0');
    expect(view.facts.some((f) => /after a failover\)/.test(f.label))).toBe(false);
  });
});
