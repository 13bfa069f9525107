/**
 * The partition-key lab's tasks. Expected answers come from the simulation run for the learner's current
 * workspace, never from numbers written into the lab.
 */
import { formatCount } from '../../sim/core/index.ts';
import type { LabTask, TaskResult } from '../engine/types.ts';
import { SHARD_WRITE_RECORDS_PER_SECOND, workload, type PartitionKeysFacts } from './simulation.ts';
import type { PartitionKeysWorkspace } from './workspace.ts';

type Task = LabTask<PartitionKeysWorkspace, PartitionKeysFacts>;

/** Step 1: the shard the single key lands on. */
export const hotKeyShard: Task = {
  id: 'hot-key-shard',
  title: 'Which shard does every record land on when all of them carry the same key?',
  check(workspace, { derived }): TaskResult {
    if (workspace.strategy !== 'fixed') {
      return {
        passed: false,
        feedback: 'Switch the producer back to “one key for everything” to answer this.',
      };
    }
    const answer = workspace.answers['hot-key-shard'];
    if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
    if (answer === derived.fixedKeyShardId) {
      return {
        passed: true,
        feedback: `Right: MD5("${workspace.fixedKey}") falls in ${answer}'s hash key range, so every record goes there.`,
      };
    }
    return {
      passed: false,
      feedback: `${answer} is not it. Compare the key's 128-bit hash key with each shard's StartingHashKey–EndingHashKey range.`,
    };
  },
};

/** Step 1: the write limit that refuses the records. */
export const refusedBy: Task = {
  id: 'refused-by',
  title: 'Which per-shard write limit refuses the records?',
  check(workspace, { derived }): TaskResult {
    if (workspace.strategy !== 'fixed') {
      return {
        passed: false,
        feedback: 'Switch the producer back to “one key for everything” to answer this.',
      };
    }
    const answer = workspace.answers['refused-by'];
    if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
    if (derived.refusedBy === null) {
      return { passed: false, feedback: 'With this key nothing is refused; use the lab’s key orders.' };
    }
    if (answer === derived.refusedBy) {
      return {
        passed: true,
        feedback:
          answer === 'records'
            ? `Right: the shard accepts about ${formatCount(SHARD_WRITE_RECORDS_PER_SECOND)} records/s, while its bytes stay well under 1 MiB/s.`
            : 'Right: the shard is full at 1 MiB/s before it reaches 1,000 records/s.',
      };
    }
    return {
      passed: false,
      feedback:
        'Not that one. Compare the hot shard’s records offered per second with 1,000, and the MiB it writes per second with 1 MiB: which one is over its limit?',
    };
  },
};

/** Step 2: per-entity keys. */
export const usesZipf: Task = {
  id: 'uses-zipf',
  title: 'The producer uses per-entity keys (one key per store)',
  check: (workspace) =>
    workspace.strategy === 'zipf'
      ? { passed: true, feedback: `Each order carries its store's key: ${workload.zipf.keys} keys in all.` }
      : { passed: false, feedback: 'Choose “one key per store” as the key strategy.' },
};

/** Step 2: the busiest shard under the skew. */
export const busiestShard: Task = {
  id: 'busiest-shard',
  title: 'Which shard is offered the most records with per-store keys?',
  check(workspace, { derived }): TaskResult {
    if (workspace.strategy !== 'zipf') {
      return { passed: false, feedback: 'Answer this with the per-store keys running.' };
    }
    const answer = workspace.answers['busiest-shard'];
    if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
    if (answer === derived.busiestShardId) {
      const shard = derived.run.shards.find((s) => s.shardId === answer)!;
      return {
        passed: true,
        feedback: `Right: ${answer} is offered ${formatCount((shard.incomingRecords + shard.attemptsThrottled) / derived.run.durationSeconds)} records/s (the mean over the ${derived.run.durationSeconds} s run) and refuses ${formatCount(shard.attemptsThrottled)} records in total.`,
      };
    }
    return {
      passed: false,
      feedback: `${answer} is not the busiest. Look for the shard whose range holds the biggest stores (entity-1 first), and compare the records each shard is offered per second.`,
    };
  },
};

/** Step 3: no throttling. */
export const noThrottling: Task = {
  id: 'no-throttling',
  title: 'No record is refused (WriteProvisionedThroughputExceeded stays at 0)',
  check(_workspace, { derived }): TaskResult {
    const throttled = derived.run.totals.recordsThrottled;
    if (throttled === 0) return { passed: true, feedback: 'Every record was accepted.' };
    const worst = derived.run.shards.reduce((a, b) => (b.attemptsThrottled > a.attemptsThrottled ? b : a));
    return {
      passed: false,
      feedback: `${formatCount(throttled)} records were refused in total, ${formatCount(worst.attemptsThrottled)} of them by ${worst.shardId}. Choose keys that spread the records over every shard.`,
    };
  },
};

/** Step 3: every shard under 1,000 records/s in every second. */
export const everyShardUnderLimit: Task = {
  id: 'every-shard-under-limit',
  title: 'Every shard stays under 1,000 records/s in every second',
  check(_workspace, { derived }): TaskResult {
    // The first second is left out: an idle shard may absorb one second of quota at once (see the model).
    const peaks = derived.run.shards.map((s) => ({
      shardId: s.shardId,
      peak: Math.max(0, ...s.perSecond.records.slice(1).map((r, i) => r + s.perSecond.throttled[i + 1]!)),
    }));
    const over = peaks.filter((p) => p.peak >= SHARD_WRITE_RECORDS_PER_SECOND);
    if (over.length === 0) {
      const top = Math.max(...peaks.map((p) => p.peak));
      return { passed: true, feedback: `The busiest shard peaks at ${formatCount(top)} records/s.` };
    }
    return {
      passed: false,
      feedback: `${over.map((p) => `${p.shardId} is offered up to ${formatCount(p.peak)} records/s`).join('; ')}: over the 1,000 records/s a shard takes.`,
    };
  },
};
