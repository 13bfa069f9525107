import { describe, expect, it } from 'vitest';
import { calculateRedshift } from '../../sim/calc/index.ts';
import { applyActions, checkStep } from '../engine/run.ts';
import { redshiftSizingLab as lab } from './lab.ts';
import { sizingScenario } from './scenario.ts';
import type { SizingAction, SizingWorkspace } from './workspace.ts';

function configure(actions: SizingAction[], from: SizingWorkspace = lab.initialWorkspace): SizingWorkspace {
  const result = applyActions(lab, from, actions);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as SizingWorkspace;
}

const cluster = (nodeType: string, nodeCount: number): SizingWorkspace =>
  configure([{ type: 'set-cluster', nodeType, nodeCount }]);

/** The tasks of step `step` for `workspace`, by task id. */
function results(step: number, workspace: SizingWorkspace) {
  return Object.fromEntries(checkStep(lab, step, workspace).map((task) => [task.taskId, task]));
}

describe('lab 13: size the warehouse', () => {
  it('reads storage and price from the Redshift calculator (AWS-FACTS §6.1: dc1.large 160 GB, $0.25 an hour)', () => {
    const derived = lab.derive(cluster('dc1.large', 20));
    const calc = calculateRedshift({ nodeType: 'dc1.large', nodeCount: 20 }, sizingScenario.book);
    if (!derived.calculation.ok || !calc.ok) throw new Error('calculator refused');
    expect(derived.calculation.value.storageTb).toBeCloseTo(3.2, 9);
    expect(derived.calculation.value.slices).toBe(40);
    expect(derived.monthlyUsd).toBeCloseTo(calc.value.usdPerHour * 730, 9);
    expect(derived.monthlyUsd).toBeCloseTo(3_650, 9);
    // 600 GB over 40 slices at the modelled 200 MB/s per SSD slice.
    expect(derived.report?.seconds).toBeCloseTo(75, 9);
  });

  it('refuses node types outside 2016 and counts outside a type’s limits, naming the limits', () => {
    const refuse = (action: SizingAction) => lab.reduce(lab.initialWorkspace, action);
    const today = refuse({ type: 'set-cluster', nodeType: 'ra3.4xlarge', nodeCount: 2 });
    expect(today.ok || today.error.message).toBe(
      '"ra3.4xlarge" is not a node type of 2016; use dc1.large, dc1.8xlarge, ds2.xlarge or ds2.8xlarge.',
    );
    const single8xl = refuse({ type: 'set-cluster', nodeType: 'dc1.8xlarge', nodeCount: 1 });
    expect(single8xl.ok || single8xl.error.message).toBe(
      'A dc1.8xlarge cluster has 2 to 128 compute nodes (given 1).',
    );
    const tooMany = refuse({ type: 'set-cluster', nodeType: 'dc1.large', nodeCount: 33 });
    expect(tooMany.ok || tooMany.error.path).toBe('nodeCount');
  });

  it('step 1 fails a cluster too small for the data and says by how much, not which cluster fits', () => {
    // Sixteen dc1.large hold 2.56 TB: a learner who rounds 3 TB ÷ 160 GB down.
    const small = results(0, cluster('dc1.large', 16))['holds-data']!;
    expect(small.passed).toBe(false);
    expect(small.feedback).toBe(
      '16 × dc1.large holds 2.56 TB; the data needs 3 TB. Add nodes or choose a type with more storage per node.',
    );
    expect(results(0, cluster('dc1.large', 1))['holds-data']!.passed).toBe(false);
    expect(results(0, cluster('ds2.xlarge', 2))['holds-data']!.passed).toBe(true);
  });

  it('step 2 fails a cluster that holds the data but scans too slowly, naming slices and the rate', () => {
    const slow = results(1, cluster('ds2.xlarge', 2));
    expect(slow['holds-data']!.passed).toBe(true);
    expect(slow['meets-report-target']).toMatchObject({
      passed: false,
      feedback:
        'On 2 × ds2.xlarge the report takes 25 min: 4 slices each read 150 GB at 100 MB/s. The slowest part is each slice’s share; more slices, or faster ones, shorten it.',
    });
    // Even the largest ds2.xlarge cluster (32 nodes, 64 slices on disk) misses 90 s in this model.
    expect(results(1, cluster('ds2.xlarge', 32))['meets-report-target']!.passed).toBe(false);
    expect(results(1, cluster('dc1.8xlarge', 2))['meets-report-target']!.passed).toBe(true);
  });

  it('step 3 fails a fast cluster over budget, and accepts any cluster that meets all three', () => {
    const fast = results(2, cluster('dc1.8xlarge', 2));
    expect(fast['holds-data']!.passed && fast['meets-report-target']!.passed).toBe(true);
    expect(fast['within-budget']).toMatchObject({
      passed: false,
      feedback:
        '2 × dc1.8xlarge costs $9.60 an hour, $7,008.00 a month: $2,008.00 over the budget. Compare what each node type gives per dollar.',
    });
    // The budget cannot be met by starving the storage: 17 dc1.large are fast enough and cheap, but too small.
    expect(results(2, cluster('dc1.large', 17))['holds-data']!.passed).toBe(false);
    for (const nodes of [19, 23, 27]) {
      expect(
        checkStep(lab, 2, cluster('dc1.large', nodes)).every((task) => task.passed),
        `${nodes} × dc1.large`,
      ).toBe(true);
    }
    expect(results(2, cluster('dc1.large', 28))['within-budget']!.passed).toBe(false);
  });

  it('takes the on-demand TB-year within 1 % and explains the common slips without the number', () => {
    const answer = (value: number) =>
      results(3, configure([{ type: 'answer', question: 'ds2-on-demand-per-tb-year', value }]))[
        'ds2-on-demand-per-tb-year'
      ]!;
    // AWS-FACTS §6.7: $0.85 × 8,760 h ÷ 2 TB ≈ $3,723 per TB-year.
    expect(answer(3723).passed).toBe(true);
    expect(answer(3723.3).feedback).toBe('Right: about $3,723.00 per TB-year.');
    expect(answer(1000).feedback).toBe(
      '1,000 is not it. That is the slogan’s figure; work out what the on-demand price gives instead.',
    );
    expect(answer(7446).feedback).toBe(
      '7,446 is not it. That is what one node costs for a year; divide by the terabytes it stores.',
    );
    expect(answer(310.25).feedback).toBe(
      '310.25 is not it. That is a month (730 hours); the figure is per year.',
    );
    const other = answer(2000);
    expect(other.passed).toBe(false);
    expect(other.feedback).not.toMatch(/3,72\d/);
  });

  it('accepts only the three-year reserved DS2 basis, with a reason for each other option', () => {
    const pick = (value: string) =>
      results(3, configure([{ type: 'answer', question: 'thousand-basis', value }]))['thousand-basis']!;
    expect(pick('ds2-reserved-3y')).toMatchObject({ passed: true });
    expect(pick('ds2-reserved-3y').feedback).toMatch(/about 73 % below on demand/);
    for (const wrong of ['dc1-on-demand', 'ds2-on-demand', 'compression']) {
      const result = pick(wrong);
      expect(result.passed, wrong).toBe(false);
      expect(result.feedback, wrong).not.toMatch(/reserved/i);
    }
    const unknown = lab.reduce(lab.initialWorkspace, {
      type: 'answer',
      question: 'thousand-basis',
      value: 'spot',
    });
    expect(unknown.ok || unknown.error.message).toMatch(
      /^"spot" is not one of the options; use dc1-on-demand/,
    );
  });
});
