/** The hot-shard lab's tasks: each reads the simulation run for the learner's current workspace. */
import { formatCount } from '../../sim/core/index.ts';
import type { LabTask, TaskResult } from '../engine/types.ts';
import {
  FIX_AT_SECONDS,
  hasFix,
  HOT_KEY,
  SHARD_WRITE_RECORDS_PER_SECOND,
  workload,
  type HotShardFacts,
} from './simulation.ts';
import type { HotShardWorkspace } from './workspace.ts';

type Task = LabTask<HotShardWorkspace, HotShardFacts>;

const DURATION = workload.durationSeconds;

/** Step 1: the hot shard. */
export const findHotShard: Task = {
  id: 'hot-shard',
  title: 'Which shard is hot?',
  check(workspace, { derived }): TaskResult {
    const answer = workspace.answers['hot-shard'];
    if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
    const shard = derived.run.shards.find((s) => s.shardId === answer);
    if (answer === derived.hotShardId) {
      return {
        passed: true,
        feedback: `Right: ${answer} refused ${formatCount(shard?.attemptsThrottled ?? 0)} records in total over the ${DURATION} s run; its range holds ${HOT_KEY}, the busiest store.`,
      };
    }
    return {
      passed: false,
      feedback: `${answer} is not it. Find the shard whose line stays above the 1,000 records/s limit and whose refused count is not 0.`,
    };
  },
};

/** Step 2: the hot shard was split, the parent closed and its two children opened. */
export const splitDone: Task = {
  id: 'split-done',
  title: 'The hot shard is split: the parent is CLOSED, its two children are OPEN',
  check(workspace, { derived }): TaskResult {
    if (workspace.split === null) return { passed: false, feedback: 'No shard has been split yet.' };
    if (workspace.split.shardToSplit !== derived.hotShardId) {
      return {
        passed: false,
        feedback: `You split ${workspace.split.shardToSplit}, but the hot shard is another one; undo the split and split the hot one.`,
      };
    }
    const parent = derived.run.shards.find((s) => s.shardId === workspace.split?.shardToSplit);
    const children = derived.run.shards.filter((s) => s.parentShardIds.includes(parent?.shardId ?? ''));
    if (parent?.status !== 'CLOSED' || children.length !== 2 || children.some((c) => c.status !== 'OPEN')) {
      return { passed: false, feedback: 'The split did not take effect in the run.' };
    }
    return {
      passed: true,
      feedback: `${parent.shardId} closed at ${FIX_AT_SECONDS} s; ${children.map((c) => c.shardId).join(' and ')} are open and take its writes.`,
    };
  },
};

/** Steps 2 and 3: once the fix is in, every shard is offered less than it can take and refuses nothing. */
export const noThrottlingAfterFix: Task = {
  id: 'no-throttling-after-fix',
  title: `After the fix (${FIX_AT_SECONDS}–${DURATION} s) every shard is offered under 1,000 records/s and refuses nothing`,
  check(workspace, { derived }): TaskResult {
    if (!hasFix(workspace)) {
      return {
        passed: false,
        feedback: 'Nothing is fixed yet: the stream runs as it started.',
      };
    }
    // A new child starts with a full one-second bucket, so a slightly overloaded shard refuses nothing
    // for a while: the mean offered rate shows the overload before the refusals do.
    const hot = derived.afterFix.filter(
      (s) => s.refused > 0 || s.offeredPerSecond >= SHARD_WRITE_RECORDS_PER_SECOND,
    );
    if (hot.length === 0) {
      const top = Math.max(...derived.afterFix.map((s) => s.offeredPerSecond));
      return {
        passed: true,
        feedback: `Every open shard keeps up; the busiest is offered ${formatCount(top)} records/s, the mean over ${FIX_AT_SECONDS}–${DURATION} s.`,
      };
    }
    return {
      passed: false,
      feedback: `Over ${FIX_AT_SECONDS}–${DURATION} s, ${hot
        .map(
          (s) =>
            `${s.shardId} is offered ${formatCount(s.offeredPerSecond)} records/s on average` +
            (s.refused > 0
              ? ` and refuses ${formatCount(s.refused)} records in total`
              : ', more than it can take for long'),
        )
        .join('; ')}.`,
    };
  },
};

/** Step 3: the flash-sale load is running. */
export const flashSale: Task = {
  id: 'flash-sale',
  title: 'The flash-sale load is running',
  check: (workspace) =>
    workspace.load === 'flash-sale'
      ? { passed: true, feedback: `During the sale ${HOT_KEY} takes most orders.` }
      : { passed: false, feedback: 'Switch the load to the flash sale.' },
};

/** Step 3: the hot store's key is spread over several keys. */
export const reKeyed: Task = {
  id: 're-keyed',
  title: `${HOT_KEY}'s records are spread over several partition keys`,
  check: (workspace) =>
    workspace.hotKeySuffixes > 1
      ? {
          passed: true,
          feedback: `${HOT_KEY} now writes as ${HOT_KEY}#0 … ${HOT_KEY}#${workspace.hotKeySuffixes - 1}.`,
        }
      : { passed: false, feedback: `${HOT_KEY} still uses one partition key.` },
};
