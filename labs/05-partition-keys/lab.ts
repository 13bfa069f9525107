/**
 * Lab 5 of the streaming session: where partition keys send records. One hot key, per-entity keys with a
 * skew and random keys run on the same stream; the learner reads the shard map and the per-shard load.
 */
import type { LabDefinition } from '../engine/types.ts';
import {
  busiestShard,
  everyShardUnderLimit,
  hotKeyShard,
  noThrottling,
  refusedBy,
  usesZipf,
} from './checks.ts';
import { factsFor, type PartitionKeysFacts } from './simulation.ts';
import {
  reducePartitionKeys,
  startWorkspace,
  type PartitionKeysAction,
  type PartitionKeysWorkspace,
} from './workspace.ts';

/** The scripted solutions read the simulation, as a learner would (run when first asked for). */
const atStart = () => factsFor(startWorkspace);
const withZipf = () => factsFor({ ...startWorkspace, strategy: 'zipf' });

/** The partition-key strategy lab. */
export const partitionKeysLab = {
  id: 'partition-keys',
  session: 2,
  title: 'Partition-key strategy',
  objectives: [
    'Explain how Kinesis turns a partition key into a shard: MD5 → 128-bit hash key → the shard whose range holds it.',
    'Recognise a hot shard caused by a single key or by skewed per-entity keys, and the write limit that throttles it.',
    'Choose a partition-key strategy that keeps every shard under its 1,000 records/s limit.',
  ],
  estimatedMinutes: 15,
  text: new URL('./lab.md', import.meta.url),
  initialWorkspace: startWorkspace,
  reduce: reducePartitionKeys,
  derive: (workspace): PartitionKeysFacts => factsFor(workspace),
  steps: [
    {
      id: 'one-key',
      title: 'One key for everything',
      tasks: [hotKeyShard, refusedBy],
      hints: [
        'Type the key into the key probe: it shows the MD5 hash and where it lands in the hash key space.',
        'A shard owns every hash key from its StartingHashKey to its EndingHashKey; the four ranges split the space evenly.',
        'Compare the hot shard’s records offered per second with 1,000, and the MiB it writes per second with 1 MiB.',
      ],
      get solution(): PartitionKeysAction[] {
        return [
          { type: 'answer', question: 'hot-key-shard', value: atStart().fixedKeyShardId },
          { type: 'answer', question: 'refused-by', value: atStart().refusedBy ?? 'records' },
        ];
      },
    },
    {
      id: 'per-entity',
      title: 'One key per store',
      tasks: [usesZipf, busiestShard],
      hints: [
        'Switch the key strategy to one key per store and look at the per-shard load.',
        'The map marks the biggest stores; the shard holding entity-1 gets the most traffic unless others gang up elsewhere.',
        'Offered = accepted + refused: compare the records each shard is offered per second.',
      ],
      get solution(): PartitionKeysAction[] {
        return [
          { type: 'set-strategy', strategy: 'zipf' },
          { type: 'answer', question: 'busiest-shard', value: withZipf().busiestShardId },
        ];
      },
    },
    {
      id: 'spread',
      title: 'Spread the load',
      tasks: [noThrottling, everyShardUnderLimit],
      hints: [
        'The stream has four shards and the producer sends 3,000 records/s: evenly spread, that is 750 each.',
        'Keys drawn at random from a huge set land evenly across the hash key space.',
        'Choose random keys.',
      ],
      solution: [{ type: 'set-strategy', strategy: 'random' }],
    },
  ],
} satisfies LabDefinition<PartitionKeysWorkspace, PartitionKeysAction, PartitionKeysFacts>;
