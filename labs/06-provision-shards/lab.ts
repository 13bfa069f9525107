/**
 * Lab 6 of the streaming session: size a stream for its writes, for every application that reads it,
 * and with headroom for a consumer to catch up — checked by running it, and compared with the calculator.
 */
import type { LabDefinition } from '../engine/types.ts';
import {
  catchesUp,
  catchUpTestOn,
  notOverProvisioned,
  readsFit,
  threeConsumers,
  writesFit,
} from './checks.ts';
import { calculatorFor, factsFor, workload, type ProvisionFacts } from './simulation.ts';
import {
  reduceProvision,
  startWorkspace,
  type ProvisionAction,
  type ProvisionWorkspace,
} from './workspace.ts';

/** The fewest shards that pass the catch-up test, found by running it as a learner would (when asked). */
function headroomShards(): number {
  const base = { ...startWorkspace, consumers: workload.consumers, catchUpTest: true };
  for (let shards = calculatorFor(workload.consumers).shards; shards < 20; shards++) {
    const took = factsFor({ ...base, shards }).catchUpSeconds;
    if (took !== null && took <= workload.catchUp.budgetSeconds) return shards;
  }
  return 20;
}

/** The shard-provisioning lab. */
export const provisionShardsLab = {
  id: 'provision-shards',
  session: 2,
  title: 'Provisioning shards for ingress, egress and headroom',
  objectives: [
    'Size a stream for its writes from both per-shard write limits: 1 MiB/s and 1,000 records/s.',
    'Size it for egress: every consumer application shares the 2 MiB/s a shard serves.',
    'Leave headroom so a consumer that stopped can catch up, and check it by running the stream.',
  ],
  estimatedMinutes: 20,
  text: new URL('./lab.md', import.meta.url),
  initialWorkspace: startWorkspace,
  reduce: reduceProvision,
  derive: (workspace): ProvisionFacts => factsFor(workspace),
  steps: [
    {
      id: 'ingress',
      title: 'Size for ingress',
      tasks: [writesFit, notOverProvisioned],
      hints: [
        'Work out the write load twice: records per second, and bytes per second (data plus partition key).',
        '1,200 records/s needs 2 shards by records; 1,200 × 2,016 bytes is about 2.3 MiB/s. Which needs more?',
        'Round up the larger of the two: 3 shards.',
      ],
      solution: [{ type: 'set-shards', shards: calculatorFor(0).shards }],
    },
    {
      id: 'egress',
      title: 'Size for egress',
      tasks: [threeConsumers, readsFit, writesFit, notOverProvisioned],
      hints: [
        'Set the three consumer applications, then read each shard’s read load.',
        'Every application reads everything: 3 × 2.3 MiB/s ≈ 6.9 MiB/s, and a shard serves 2 MiB/s to all of them together.',
        '6.9 ÷ 2 rounds up to 4 shards.',
      ],
      solution: [
        { type: 'set-consumers', consumers: workload.consumers },
        { type: 'set-shards', shards: calculatorFor(workload.consumers).shards },
      ],
    },
    {
      id: 'headroom',
      title: 'Leave headroom to catch up',
      tasks: [catchUpTestOn, catchesUp, writesFit],
      hints: [
        'Turn on the catch-up test and watch the lag chart after the archive restarts.',
        'The archive reads its backlog with the read capacity the other two leave free: at 4 shards that is little.',
        'Add shards one at a time until the lag is back under a second within 10 s.',
      ],
      get solution(): ProvisionAction[] {
        return [
          { type: 'set-catch-up-test', enabled: true },
          { type: 'set-shards', shards: headroomShards() },
        ];
      },
    },
  ],
} satisfies LabDefinition<ProvisionWorkspace, ProvisionAction, ProvisionFacts>;
