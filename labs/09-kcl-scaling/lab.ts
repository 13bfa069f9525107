/**
 * Session 2, scaling KCL workers: add workers to a KCL application that cannot keep up, watch the leases
 * move one steal at a time, crash a worker and watch its leases fail over, and split a shard to see the
 * parent finished before its children.
 */
import type { LabDefinition } from '../engine/types.ts';
import { applyActions } from '../engine/run.ts';
import {
  childrenProcessing,
  crashedBeforeCheckpoint,
  duplicates,
  failedOver,
  failoverAfter,
  failoverTime,
  kclFacts,
  keepingUp,
  leasesBalanced,
  parentDrained,
  parentDrainedAfter,
  recordsSkipped,
  secondLease,
  secondLeaseAfter,
  skippedAfterCrash,
} from './checks.ts';
import type { KclRun } from './kcl-run.ts';
import {
  reduceKclScaling,
  startWorkspace,
  type KclScalingAction,
  type KclScalingWorkspace,
} from './workspace.ts';

/** Where the scripted solutions take the run (seconds) and what they do there. */
const ADD_AT = 20;
const BALANCED_BY = 90;
const FAILED_OVER_BY = 130;
const DRAINED_BY = 200;
const SPLIT_SHARD = 'shardId-000000000001';

const stepOne: KclScalingAction[] = [
  { type: 'run', untilSeconds: ADD_AT },
  { type: 'add-worker' },
  { type: 'run', untilSeconds: BALANCED_BY },
];
const stepTwo: KclScalingAction[] = [
  { type: 'crash-worker', workerId: 'worker-1' },
  { type: 'run', untilSeconds: FAILED_OVER_BY },
];
const stepThree: KclScalingAction[] = [
  { type: 'split-shard', shardId: SPLIT_SHARD },
  { type: 'run', untilSeconds: DRAINED_BY },
];
/** Restart at LATEST with two workers and crash one before its processors' first checkpoint (60 s). */
const EARLY_CRASH_AT = 30;
const TAKEN_OVER_BY = 90;
const stepFour: KclScalingAction[] = [
  { type: 'restart', initialPosition: 'LATEST' },
  { type: 'add-worker' },
  { type: 'run', untilSeconds: EARLY_CRASH_AT },
  { type: 'crash-worker', workerId: 'worker-1' },
  { type: 'run', untilSeconds: TAKEN_OVER_BY },
];

/** The run a learner reaches by replaying these actions from the start. */
function runAfter(actions: KclScalingAction[]): KclRun {
  const result = applyActions(kclScalingLab, startWorkspace, actions);
  if (!result.ok) throw new Error(result.error.message);
  return kclFacts(result.value as KclScalingWorkspace);
}

/** The KCL scaling lab. Solutions read the simulation when first asked for. */
export const kclScalingLab = {
  id: 'kcl-scaling',
  session: 2,
  title: 'Scaling KCL workers',
  objectives: [
    'Add KCL workers to an application that cannot keep up and explain how the leases spread: at most one stolen per lease-taking cycle.',
    'Crash a worker and explain the failover: its leases expire after 10 s without renewal and are taken at the next scan; the new owner resumes after the last checkpoint, so the records since then are processed again.',
    'Split a shard and explain why the KCL finishes the parent before it starts the children.',
    'Crash a worker before its first checkpoint with the application starting at LATEST, and explain why records are never processed.',
  ],
  estimatedMinutes: 25,
  text: new URL('./lab.md', import.meta.url),
  initialWorkspace: startWorkspace,
  reduce: reduceKclScaling,
  derive: (workspace): KclRun => kclFacts(workspace),
  steps: [
    {
      id: 'add-workers',
      title: 'Add workers to keep up',
      tasks: [leasesBalanced, keepingUp, secondLease],
      hints: [
        'Run a little, then add a worker and keep running; watch the lease owners on the board.',
        'The new worker steals one lease at once, then one more per lease-taking cycle; the backlog falls once the work is shared.',
        'Add one worker, run to about 90 s, then read the new worker’s two leaseStolen events.',
      ],
      get solution(): KclScalingAction[] {
        const after = secondLeaseAfter(runAfter(stepOne))!;
        return [...stepOne, { type: 'answer', question: 'second-lease-after', value: after / 1000 }];
      },
    },
    {
      id: 'failover',
      title: 'Crash a worker',
      tasks: [failedOver, failoverTime, duplicates],
      hints: [
        'Crash a worker, then run on at least half a minute and watch its leases.',
        'Its lease counters stop moving; after 10 s without renewal they expire, and the next lease-taking scan of a running worker takes them.',
        'Read the first leaseTaken event from the crashed worker, and the duplicates the failover caused (not those of the steals in step 1).',
      ],
      get solution(): KclScalingAction[] {
        const run = runAfter([...stepOne, ...stepTwo]);
        const found = failoverAfter(run)!;
        return [
          ...stepTwo,
          { type: 'answer', question: 'failover-after', value: (found.taken!.at - found.crashed.at) / 1000 },
          { type: 'answer', question: 'duplicates', value: run.board.stats.duplicatesByCause.failover },
        ];
      },
    },
    {
      id: 'reshard',
      title: 'Split a shard: parents first',
      tasks: [childrenProcessing, parentDrained],
      hints: [
        'Split one of the open shards, then run on and watch the new shards on the board.',
        'New records go to the children at once, but the KCL starts them only when the parent has been read to its end.',
        'Run until both children are PROCESSING, then subtract the split time from the parent’s shardEnd event.',
      ],
      get solution(): KclScalingAction[] {
        const found = parentDrainedAfter(runAfter([...stepOne, ...stepTwo, ...stepThree]))!;
        return [
          ...stepThree,
          { type: 'answer', question: 'parent-drained-after', value: (found.endAt! - found.splitAt) / 1000 },
        ];
      },
    },
    {
      id: 'latest',
      title: 'A crash before the first checkpoint',
      tasks: [crashedBeforeCheckpoint, recordsSkipped],
      hints: [
        'Restart the run at LATEST, add a second worker at 0 s, and run a little.',
        'The processors write their first checkpoint a minute after they start: crash a worker before that, then run on until the other worker takes its leases.',
        'Restart at LATEST, add a worker, run to 30 s, crash worker-1, run to 90 s, and read the recordsSkipped events of the new owner.',
      ],
      get solution(): KclScalingAction[] {
        const run = runAfter([...stepOne, ...stepTwo, ...stepThree, ...stepFour]);
        return [...stepFour, { type: 'answer', question: 'records-skipped', value: skippedAfterCrash(run) }];
      },
    },
  ],
} satisfies LabDefinition<KclScalingWorkspace, KclScalingAction, KclRun>;
