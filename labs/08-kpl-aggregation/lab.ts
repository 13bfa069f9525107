/**
 * Lab 8 of the streaming session: small records hit the 1,000 records/s limit long before 1 MiB/s;
 * KPL aggregation packs them into ≤ 51,200-byte Kinesis records, which removes the throttling and cuts
 * PUT payload units. RecordMaxBufferedTime then trades waiting time against records per second.
 */
import type { LabDefinition } from '../engine/types.ts';
import {
  aggregationOn,
  noThrottling,
  refusedBy,
  unitsCut,
  unitsPerRecord,
  withinLatencyBudget,
} from './checks.ts';
import { factsFor, type KplLabFacts } from './simulation.ts';
import { reduceKplLab, startWorkspace, type KplLabAction, type KplLabWorkspace } from './workspace.ts';

/** The scripted solution reads the simulation, as a learner would (run when first asked for). */
const atStart = () => factsFor(startWorkspace).withoutAggregation;

/** A RecordMaxBufferedTime that fits the latency budget (checked by the lab's test). */
const SOLUTION_BUFFERED_TIME_MS = 50;

/** The KPL aggregation lab. */
export const kplAggregationLab = {
  id: 'kpl-aggregation',
  session: 2,
  title: 'KPL aggregation',
  objectives: [
    'Explain why many small records are throttled by the 1,000 records/s limit while bytes are far below 1 MiB/s.',
    'Turn on KPL aggregation and show that it removes the throttling and cuts PUT payload units.',
    'Tune RecordMaxBufferedTime: shorter waits mean more, smaller Kinesis records.',
  ],
  estimatedMinutes: 15,
  text: new URL('./lab.md', import.meta.url),
  initialWorkspace: startWorkspace,
  reduce: reduceKplLab,
  derive: (workspace): KplLabFacts => factsFor(workspace),
  steps: [
    {
      id: 'small-records',
      title: 'Small records, throttled',
      tasks: [refusedBy, unitsPerRecord],
      hints: [
        'Read each shard’s records per second and bytes per second against its two limits.',
        '1,500 records/s of about 110 bytes (data and key) is about 0.16 MiB/s: far from 1 MiB/s, but over 1,000 records/s.',
        'A PUT payload unit is a 25 KB chunk of one record, rounded up: a 100-byte record starts one chunk.',
      ],
      get solution(): KplLabAction[] {
        return [
          { type: 'answer', question: 'refused-by', value: atStart().refusedBy ?? 'records' },
          {
            type: 'answer',
            question: 'units-per-record',
            value: Math.round(atStart().run.putPayloadUnits / atStart().run.kinesisRecordsAccepted),
          },
        ];
      },
    },
    {
      id: 'aggregate',
      title: 'Aggregate',
      tasks: [aggregationOn, noThrottling, unitsCut],
      hints: [
        'Turn on aggregation and compare Kinesis records per second with user records per second.',
        'With RecordMaxBufferedTime = 100 ms, a shard’s aggregate collects about 150 readings before it is sent.',
        'Aggregation on, nothing else to change.',
      ],
      solution: [{ type: 'set-aggregation', enabled: true }],
    },
    {
      id: 'buffer-time',
      title: 'Tune RecordMaxBufferedTime',
      tasks: [aggregationOn, withinLatencyBudget, noThrottling, unitsCut],
      hints: [
        'RecordMaxBufferedTime is how long a user record may wait for others to join it.',
        'Halve it and watch the mean wait, the Kinesis records per second and the payload units.',
        `${SOLUTION_BUFFERED_TIME_MS} ms fits the budget; go much lower and aggregates shrink toward one reading each, and the payload units climb back.`,
      ],
      solution: [{ type: 'set-record-max-buffered-time', ms: SOLUTION_BUFFERED_TIME_MS }],
    },
  ],
} satisfies LabDefinition<KplLabWorkspace, KplLabAction, KplLabFacts>;
