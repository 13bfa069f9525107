/** The cost lab's checks: throughput (the stream and the daily job) and the monthly budget, from the calculators. */
import { formatNumber, formatUsd } from '../../sim/core/index.ts';
import type { KinesisResult } from '../../sim/calc/index.ts';
import type { LabTask } from '../engine/types.ts';
import { describeLines, type CostAssessment } from './costing.ts';
import { costScenario } from './scenario.ts';
import type { CostLabWorkspace } from './workspace.ts';

type Task = LabTask<CostLabWorkspace, CostAssessment>;

const firstError = (errors: readonly { message: string }[]) =>
  errors[0]?.message ?? 'the calculator refused the input';

/**
 * The share of its binding per-shard limit each of the learner's shards takes at the peak (1.05 = 105 %):
 * what the learner can reason from, where the shard count that fits would be the answer itself.
 */
export const peakLoadPerShard = (workspace: CostLabWorkspace, sizing: KinesisResult): number =>
  (sizing.utilizationAtPeak[sizing.bindingLimit] * sizing.shards) / workspace.stream.shards;

/** "105 %" */
export const formatLoad = (load: number): string => `${formatNumber(load * 100, { maxDecimals: 0 })} %`;

/** The stream has at least the shards the peak needs with the learner's KPL choice. */
export const streamKeepsUp: Task = {
  id: 'stream-keeps-up',
  title: `The stream carries the peak of ${formatNumber(costScenario.peakClicksPerSecond)} clicks/s`,
  check(workspace, { derived }) {
    if (!derived.stream.ok)
      return { passed: false, feedback: `The stream cannot be sized: ${firstError(derived.stream.errors)}` };
    const sizing = derived.stream.value;
    const needed = sizing.shards;
    const have = workspace.stream.shards;
    const kpl = workspace.stream.kplAggregation ? 'with KPL aggregation' : 'without KPL aggregation';
    const why = `bound by ${sizing.bindingLimitLabel}`;
    if (have < needed) {
      const load = peakLoadPerShard(workspace, sizing);
      const shards = have === 1 ? '1 shard' : `${have} shards`;
      return {
        passed: false,
        feedback: `With ${shards} ${kpl}, each shard would take ${formatLoad(load)} of its ${sizing.bindingLimitLabel} at the peak: the stream would throttle.`,
      };
    }
    return { passed: true, feedback: `${have} shards carry the peak ${kpl} (${needed} needed, ${why}).` };
  },
};

/** The daily cluster has the vCPU-hours the Spark job needs and can be priced. */
export const jobFits: Task = {
  id: 'job-fits',
  title: `The daily Spark job gets ${costScenario.jobVcpuHoursPerDay} vCPU-hours`,
  check(_workspace, { derived }) {
    const cluster = derived.cluster;
    if (!cluster) return { passed: false, feedback: 'No EMR cluster yet: add one for the daily Spark job.' };
    if (!cluster.emr.ok)
      return { passed: false, feedback: `The cluster cannot be priced: ${firstError(cluster.emr.errors)}` };
    const need = costScenario.jobVcpuHoursPerDay;
    if (cluster.vcpuHoursPerDay < need) {
      return {
        passed: false,
        feedback: `The cluster gives ${formatNumber(cluster.vcpuHoursPerDay)} vCPU-hours a day; the job needs ${need}. Add nodes or hours.`,
      };
    }
    return {
      passed: true,
      feedback: `${formatNumber(cluster.vcpuHoursPerDay)} vCPU-hours a day for a job that needs ${need}.`,
    };
  },
};

/** The whole pipeline, priced by the calculators, fits the monthly budget. */
export const underBudget: Task = {
  id: 'under-budget',
  title: `The pipeline costs at most ${formatUsd(costScenario.monthlyBudgetUsd)} a month`,
  check(_workspace, { derived }) {
    if (derived.unpriced.length > 0)
      return { passed: false, feedback: `${derived.unpriced.join(' and ')} cannot be priced yet.` };
    if (!derived.cluster)
      return { passed: false, feedback: 'Add the EMR cluster first: the budget covers the whole pipeline.' };
    const budget = costScenario.monthlyBudgetUsd;
    const total = derived.monthlyUsd;
    const breakdown = describeLines(derived.lines);
    if (total > budget) {
      const biggest = [...derived.lines].sort((a, b) => b.usd - a.usd)[0]!;
      return {
        passed: false,
        feedback: `The pipeline costs ${formatUsd(total)} a month (${breakdown}): ${formatUsd(total - budget)} over the ${formatUsd(budget)} budget. The biggest line is ${biggest.label}.`,
      };
    }
    return {
      passed: true,
      feedback: `${formatUsd(total)} a month (${breakdown}), ${formatUsd(budget - total)} under budget.`,
    };
  },
};
