/** The KPL-aggregation lab's tasks: each reads the simulation runs for the learner's current settings. */
import { formatCount } from '../../sim/core/index.ts';
import type { LabTask, TaskResult } from '../engine/types.ts';
import { workload, type KplLabFacts } from './simulation.ts';
import type { KplLabWorkspace } from './workspace.ts';

type Task = LabTask<KplLabWorkspace, KplLabFacts>;

/** Step 1: the limit small records hit. */
export const refusedBy: Task = {
  id: 'refused-by',
  title: 'Without aggregation, which per-shard write limit refuses the readings?',
  check(workspace, { derived }): TaskResult {
    const answer = workspace.answers['refused-by'];
    if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
    const expected = derived.withoutAggregation.refusedBy;
    if (answer === expected) {
      return {
        passed: true,
        feedback: `Right: the producer sends each shard about ${formatCount(workload.recordsPerSecond / workload.shards)} readings/s, over 1,000 records/s but a small share of its 1 MiB/s.`,
      };
    }
    return {
      passed: false,
      feedback:
        'Not that one. Compare each shard’s records offered per second with 1,000, and the MiB it writes per second with 1 MiB.',
    };
  },
};

/** Step 1: PUT payload units of one small record. */
export const unitsPerRecord: Task = {
  id: 'units-per-record',
  title: `How many PUT payload units does one ${workload.recordBytes}-byte reading cost when sent alone?`,
  check(workspace, { derived }): TaskResult {
    const answer = workspace.answers['units-per-record'];
    if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
    const run = derived.withoutAggregation.run;
    const expected = Math.round(run.putPayloadUnits / Math.max(1, run.kinesisRecordsAccepted));
    if (answer === expected) {
      return {
        passed: true,
        feedback: `Right: every record is billed in 25 KB chunks, rounded up, so even ${workload.recordBytes} bytes cost ${expected} unit.`,
      };
    }
    return {
      passed: false,
      feedback: `${answer} is not it. A record is billed in 25 KB chunks, rounded up: how many chunks does a ${workload.recordBytes}-byte record start?`,
    };
  },
};

/** Step 2: aggregation is on. */
export const aggregationOn: Task = {
  id: 'aggregation-on',
  title: 'The KPL aggregates user records (AggregationEnabled = true)',
  check: (workspace) =>
    workspace.aggregation
      ? { passed: true, feedback: 'User records are packed into aggregated Kinesis records.' }
      : { passed: false, feedback: 'Turn on KPL aggregation.' },
};

/** Steps 2 and 3: nothing is throttled. */
export const noThrottling: Task = {
  id: 'no-throttling',
  title: 'No Kinesis record is refused (WriteProvisionedThroughputExceeded = 0)',
  check(_workspace, { derived }): TaskResult {
    const throttled = derived.current.kinesisRecordsThrottled;
    if (throttled === 0) {
      return {
        passed: true,
        feedback: `${formatCount(derived.current.kinesisRecordsPerSecond)} Kinesis records/s carry ${formatCount(derived.current.userRecordsPerSecond)} readings/s (means over the ${workload.durationSeconds} s run).`,
      };
    }
    return {
      passed: false,
      feedback: `Kinesis refused records ${formatCount(throttled)} times in the ${workload.durationSeconds} s run (a retried record counts each time): the shards are offered more than 1,000 records/s each.`,
    };
  },
};

/** Step 2: payload units cut at least tenfold. */
export const unitsCut: Task = {
  id: 'units-cut',
  title: 'PUT payload units fall to a tenth or less of what unaggregated records need',
  check(_workspace, { derived }): TaskResult {
    const before = derived.withoutAggregation.payloadUnitsPerSecond;
    const now = derived.current.payloadUnitsPerSecond;
    if (now * 10 <= before) {
      return {
        passed: true,
        feedback: `${formatCount(now)} units/s instead of ${formatCount(before)} (means over the run): about $${derived.current.payloadUsdPerMonth.toFixed(2)} a month instead of $${derived.withoutAggregation.payloadUsdPerMonth.toFixed(2)}.`,
      };
    }
    return {
      passed: false,
      feedback: `${formatCount(now)} PUT payload units/s, against ${formatCount(before)} without aggregation (means over the run): pack more readings into each Kinesis record.`,
    };
  },
};

/** Step 3: readings wait little in the producer. */
export const withinLatencyBudget: Task = {
  id: 'within-latency-budget',
  title: `Readings wait ${workload.latencyBudgetMs} ms or less in the producer on average`,
  check(workspace, { derived }): TaskResult {
    const waited = derived.current.meanLatencyMs;
    if (waited <= workload.latencyBudgetMs) {
      return { passed: true, feedback: `Readings wait ${waited.toFixed(1)} ms on average.` };
    }
    return {
      passed: false,
      feedback: `Readings wait ${waited.toFixed(1)} ms on average with RecordMaxBufferedTime = ${workspace.recordMaxBufferedTimeMs} ms: over the ${workload.latencyBudgetMs} ms budget.`,
    };
  },
};
