/**
 * Lab 7 of the streaming session: a skewed key overloads one shard. The learner finds it, splits it at
 * the right hash key, then meets a load no split can fix and re-keys the hot store instead.
 */
import type { LabDefinition } from '../engine/types.ts';
import { findHotShard, flashSale, noThrottlingAfterFix, reKeyed, splitDone } from './checks.ts';
import { factsFor, type HotShardFacts } from './simulation.ts';
import { reduceHotShard, startWorkspace, type HotShardAction, type HotShardWorkspace } from './workspace.ts';

/** The scripted solutions read the simulation, as a learner would (run when first asked for). */
const atStart = () => factsFor(startWorkspace);

/** Spreading the hot store over this many keys clears the flash sale (checked by the lab's test). */
const SOLUTION_SUFFIXES = 8;

/** The hot-shard lab. */
export const hotShardLab = {
  id: 'hot-shard',
  session: 2,
  title: 'Fixing a hot shard',
  objectives: [
    'Find a hot shard from per-shard metrics (IncomingRecords, WriteProvisionedThroughputExceeded).',
    'Split a shard with SplitShard at a NewStartingHashKey that divides its load, and describe what happens to the parent and its children.',
    'Recognise a single key hotter than one shard can take, and spread it over several keys instead.',
  ],
  estimatedMinutes: 20,
  text: new URL('./lab.md', import.meta.url),
  initialWorkspace: startWorkspace,
  reduce: reduceHotShard,
  derive: (workspace): HotShardFacts => factsFor(workspace),
  steps: [
    {
      id: 'find',
      title: 'Find the hot shard',
      tasks: [findHotShard],
      hints: [
        'Each line of the chart is a shard; a line above the dashed 1,000 records/s limit means refused records.',
        'WriteProvisionedThroughputExceeded counts the refused records per shard.',
        `The shard whose range holds entity-1's hash key is the hot one.`,
      ],
      get solution(): HotShardAction[] {
        return [{ type: 'answer', question: 'hot-shard', value: atStart().hotShardId }];
      },
    },
    {
      id: 'split',
      title: 'Split it at the right hash key',
      tasks: [splitDone, noThrottlingAfterFix],
      hints: [
        'SplitShard needs the shard to split and a NewStartingHashKey inside its range.',
        'Try the midpoint first and read the two children’s load: is one of them still hot?',
        'Start the upper child at entity-1’s own hash key, so the busiest store is not sharing with the stores just above the midpoint.',
      ],
      get solution(): HotShardAction[] {
        const { hotShardId, hotKeyHashKey } = atStart();
        return [{ type: 'split-shard', shardToSplit: hotShardId, newStartingHashKey: hotKeyHashKey }];
      },
    },
    {
      id: 're-key',
      title: 'A key too hot for any shard',
      tasks: [flashSale, reKeyed, noThrottlingAfterFix],
      hints: [
        'Switch to the flash-sale load and look at entity-1 alone: how many records per second does it send?',
        'One partition key always lands on one shard, and one shard takes 1,000 records/s; no split can divide a single key.',
        `Spread entity-1 over several keys (entity-1#0, entity-1#1, …): with ${SOLUTION_SUFFIXES} the sale fits.`,
      ],
      solution: [
        { type: 'set-load', load: 'flash-sale' },
        { type: 'set-hot-key-suffixes', suffixes: SOLUTION_SUFFIXES },
      ],
    },
  ],
} satisfies LabDefinition<HotShardWorkspace, HotShardAction, HotShardFacts>;
