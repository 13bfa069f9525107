/**
 * Lab 4 of the introduction: size a scaled-down Hearst clickstream pipeline (Kinesis Streams, S3, a
 * daily Spark job on EMR) to carry its peak and run its job, under a monthly budget — priced by the
 * real calculators, so any configuration meeting both constraints passes.
 */
import type { LabDefinition } from '../engine/types.ts';
import { streamKeepsUp, jobFits, underBudget } from './checks.ts';
import { assessPipeline, type CostAssessment } from './costing.ts';
import { reduceCostLab, startWorkspace, type CostLabAction, type CostLabWorkspace } from './workspace.ts';

/** The big-data-small-cost lab. */
export const bigDataSmallCostLab = {
  id: 'big-data-small-cost',
  session: 1,
  title: 'Big data ≠ big cost',
  objectives: [
    'Size a Kinesis stream for the peak and see which per-shard limit binds.',
    'Give a daily batch job the capacity it needs with a cluster that runs only while the job does.',
    'Bring a whole pipeline under a monthly budget, and explain which choices moved the bill.',
  ],
  estimatedMinutes: 20,
  text: new URL('./lab.md', import.meta.url),
  initialWorkspace: startWorkspace,
  reduce: reduceCostLab,
  derive: (workspace): CostAssessment => assessPipeline(workspace),
  steps: [
    {
      id: 'stream',
      title: 'Carry the peak',
      tasks: [streamKeepsUp],
      hints: [
        'Each shard takes 1,000 records/s and 1 MB/s in, and gives 2 MB/s out shared by all consumers.',
        'At 2,100 records/s the record limit binds before the byte limits do.',
        'Set the stream to 3 shards.',
      ],
      solution: [{ type: 'set-shards', shards: 3 }],
    },
    {
      id: 'cluster',
      title: 'Run the daily job',
      tasks: [jobFits],
      hints: [
        'vCPU-hours = vCPUs per node × nodes × hours a day.',
        'An m3.xlarge has 4 vCPUs.',
        'Two m3.xlarge nodes running all day (24 h) give far more than the job needs — try it and look at the bill.',
      ],
      solution: [{ type: 'set-cluster', instanceType: 'm3.xlarge', instanceCount: 2, hoursPerDay: 24 }],
    },
    {
      id: 'budget',
      title: 'Fit the budget',
      tasks: [streamKeepsUp, jobFits, underBudget],
      hints: [
        'Look at the biggest line of the bill first: what is it paying for while no job runs?',
        'A cluster that runs only for the job costs a fraction of one that is always on. The stream has a lever too: KPL aggregation packs small clicks into fewer, larger Kinesis records.',
        'Run 2 × m3.xlarge for 2 hours a day, turn KPL aggregation on, and lower the stream to the 2 shards it then needs.',
      ],
      solution: [
        { type: 'set-cluster', instanceType: 'm3.xlarge', instanceCount: 2, hoursPerDay: 2 },
        { type: 'set-kpl', enabled: true },
        { type: 'set-shards', shards: 2 },
      ],
    },
  ],
} satisfies LabDefinition<CostLabWorkspace, CostLabAction, CostAssessment>;
