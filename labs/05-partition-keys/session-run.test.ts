import { describe, expect, it } from 'vitest';
import { partitionKeyHashKey } from '../../sim/kinesis/index.ts';
import { scenarioFor as hotShardScenario } from '../07-hot-shard/simulation.ts';
import { runLabStream, type LabStreamScenario } from './lab-stream.ts';
import { runOnSession, runsOnSession } from './session-run.ts';
import { scenarioFor as partitionKeysScenario } from './simulation.ts';

/** Per-shard totals of both runners must agree: the labs and `bdlab run` teach the same model. */
function compare(scenario: LabStreamScenario) {
  const lab = runLabStream(scenario);
  const session = runOnSession(scenario);
  if (!lab.ok || !session.ok) throw new Error('a run failed');
  return { lab: lab.value, session: session.value };
}

describe('lab runs agree with the streaming session bdlab run uses', () => {
  it('routes the same keys to the same shards and throttles the hot shard alike (lab 5, per-store keys)', () => {
    const scenario = partitionKeysScenario({ seed: 1, strategy: 'zipf', fixedKey: 'orders', answers: {} });
    expect(runsOnSession(scenario)).toBe(true);
    const { lab, session } = compare(scenario);
    expect(session.totals.recordsAttempted).toBe(lab.totals.recordsAttempted);
    for (const [i, shard] of lab.shards.entries()) {
      const other = session.shards[i]!;
      expect(other.shardId).toBe(shard.shardId);
      // Same keys from the same seed; the session sends a tick's records at once, so bursts differ slightly.
      expect(Math.abs(other.incomingRecords - shard.incomingRecords)).toBeLessThanOrEqual(
        0.02 * shard.incomingRecords + 100,
      );
      expect(other.throttledRecords > 0).toBe(shard.throttledRecords > 0);
    }
  });

  it('closes the same parent and opens the same children after SplitShard (lab 7)', () => {
    const scenario = hotShardScenario({
      seed: 1,
      load: 'normal',
      split: { shardToSplit: 'shardId-000000000002', newStartingHashKey: partitionKeyHashKey('entity-1') },
      hotKeySuffixes: 1,
      answers: {},
    });
    const { lab, session } = compare(scenario);
    const shape = (run: typeof lab) =>
      run.shards.map((s) => [s.shardId, s.status, s.startingHashKey, s.endingHashKey]);
    expect(shape(session)).toEqual(shape(lab));
  });
});
