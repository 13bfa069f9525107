import { describe, expect, it } from 'vitest';
import { calculateEmr, calculateKinesis } from '../../sim/calc/index.ts';
import { applyActions } from '../engine/run.ts';
import { assessPipeline, pricedClusterInstanceTypes } from './costing.ts';
import { bigDataSmallCostLab as lab } from './lab.ts';
import { costScenario, DAYS_PER_MONTH } from './scenario.ts';
import type { CostLabAction, CostLabWorkspace } from './workspace.ts';

function configure(actions: CostLabAction[]): CostLabWorkspace {
  const result = applyActions(lab, lab.initialWorkspace, actions);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CostLabWorkspace;
}

const budgetStep = (workspace: CostLabWorkspace) =>
  lab.steps[2]!.tasks.map((task) => task.check(workspace, { derived: lab.derive(workspace) }));

describe('lab 4: big data ≠ big cost', () => {
  it('names the binding limit when the stream is too small, without the shard count that fits', () => {
    const check = (actions: CostLabAction[]) => {
      const workspace = configure(actions);
      return lab.steps[0]!.tasks[0]!.check(workspace, { derived: lab.derive(workspace) });
    };
    expect(check([{ type: 'set-shards', shards: 2 }])).toEqual({
      passed: false,
      feedback:
        'With 2 shards without KPL aggregation, each shard would take 105 % of its write records per second (1,000 records/s per shard) at the peak: the stream would throttle.',
    });
    // Sized for the average (700 clicks/s) rather than the peak: a plausible mistake.
    expect(check([{ type: 'set-shards', shards: 1 }])).toEqual({
      passed: false,
      feedback:
        'With 1 shard without KPL aggregation, each shard would take 210 % of its write records per second (1,000 records/s per shard) at the peak: the stream would throttle.',
    });
  });

  it('does not pass a pipeline over budget and shows the bill from the calculators', () => {
    const workspace = configure([
      { type: 'set-shards', shards: 3 },
      { type: 'set-cluster', instanceType: 'm3.xlarge', instanceCount: 2, hoursPerDay: 2 },
    ]);
    const [stream, job, budget] = budgetStep(workspace);
    expect(stream!.passed && job!.passed).toBe(true);
    expect(budget!.passed).toBe(false);
    const kinesis = calculateKinesis(
      { recordsPerSecond: 700, peakRecordsPerSecond: 2_100, recordBytes: 500, consumers: 2 },
      costScenario.book,
    );
    const emr = calculateEmr(
      { instanceType: 'm3.xlarge', instanceCount: 2, hours: 2, runs: DAYS_PER_MONTH },
      costScenario.book,
      { explainSlideFigures: false },
    );
    if (!kinesis.ok || !emr.ok) throw new Error('calculators refused the lab input');
    const lines = assessPipeline(workspace).lines;
    expect(lines.find((l) => l.id === 'kinesis')!.usd).toBeCloseTo(kinesis.value.monthlyCostUsd, 9);
    expect(lines.find((l) => l.id === 'emr')!.usd).toBe(emr.value.totalUsd);
    expect(budget!.feedback).toMatch(
      /^The pipeline costs \$[\d,.]+ a month \(Amazon Kinesis Streams \$[\d.]+, Amazon S3 \$[\d.]+, Amazon EMR \$[\d.]+\): \$[\d.]+ over the \$100(\.00)? budget\. The biggest line is /,
    );
  });

  it('prices extra shards the learner provisions beyond the need', () => {
    const base = assessPipeline(configure([{ type: 'set-shards', shards: 3 }])).lines[0]!.usd;
    const more = assessPipeline(configure([{ type: 'set-shards', shards: 6 }])).lines[0]!.usd;
    const shardHour = costScenario.book.prices['kinesis.shardHour']!.value;
    expect(more - base).toBeCloseTo(3 * shardHour * 730, 9);
  });

  it('accepts any configuration that meets both constraints, not one fixed answer', () => {
    const other = configure([
      { type: 'set-kpl', enabled: true },
      { type: 'set-shards', shards: 2 },
      { type: 'set-cluster', instanceType: 'm3.xlarge', instanceCount: 4, hoursPerDay: 1 },
    ]);
    expect(budgetStep(other).every((r) => r.passed)).toBe(true);
  });

  it('does not let the budget be met by starving the job', () => {
    const starved = configure([
      { type: 'set-kpl', enabled: true },
      { type: 'set-shards', shards: 2 },
      { type: 'set-cluster', instanceType: 'm3.xlarge', instanceCount: 2, hoursPerDay: 1 },
    ]);
    const results = budgetStep(starved);
    expect(results[2]!.passed).toBe(true);
    expect(results[1]).toEqual({
      passed: false,
      feedback: 'The cluster gives 8 vCPU-hours a day; the job needs 16. Add nodes or hours.',
    });
  });

  it('explains a cluster the price book cannot price', () => {
    const workspace = configure([
      { type: 'set-cluster', instanceType: 'c3.xlarge', instanceCount: 2, hoursPerDay: 2 },
    ]);
    const result = lab.steps[1]!.tasks[0]!.check(workspace, { derived: lab.derive(workspace) });
    expect(result.passed).toBe(false);
    expect(result.feedback).toMatch(
      /^The cluster cannot be priced: The price book "2016 us-east-1 \(the workshop\)" has no price for EC2 c3.xlarge/,
    );
  });

  it('offers the instance types the 2016 book can price, the lab’s m3.xlarge among them', () => {
    expect(pricedClusterInstanceTypes.map((t) => t.name)).toContain('m3.xlarge');
    for (const type of pricedClusterInstanceTypes) {
      const workspace = configure([
        { type: 'set-cluster', instanceType: type.name, instanceCount: 2, hoursPerDay: 2 },
      ]);
      expect(assessPipeline(workspace).unpriced).toEqual([]);
    }
  });

  it('refuses impossible configurations', () => {
    expect(lab.reduce(lab.initialWorkspace, { type: 'set-shards', shards: 0 })).toMatchObject({
      ok: false,
      error: { path: 'shards' },
    });
    expect(
      lab.reduce(lab.initialWorkspace, {
        type: 'set-cluster',
        instanceType: 'x9.huge',
        instanceCount: 2,
        hoursPerDay: 2,
      }),
    ).toMatchObject({ ok: false, error: { path: 'instanceType' } });
  });

  it('does not let the budget be met by cutting shards without the KPL lever', () => {
    const results = budgetStep(
      configure([
        { type: 'set-cluster', instanceType: 'm3.xlarge', instanceCount: 2, hoursPerDay: 2 },
        { type: 'set-shards', shards: 2 },
      ]),
    );
    expect(results[0]).toEqual({
      passed: false,
      feedback:
        'With 2 shards without KPL aggregation, each shard would take 105 % of its write records per second (1,000 records/s per shard) at the peak: the stream would throttle.',
    });
    expect(results[1]!.passed).toBe(true);
  });
});
