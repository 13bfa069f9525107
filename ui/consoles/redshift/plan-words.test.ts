import { describe, expect, it } from 'vitest';
import { planSteps } from './plan-words.ts';

// The shape of the developer guide's example in "Evaluating the query plan" (AWS-FACTS §6.5).
const plan = [
  'XN Merge  (cost=1038007224737.84..1038007224738.54 rows=280 width=20)',
  '  Merge Key: category.catname, sum(sales.pricepaid)',
  '  ->  XN Network  (cost=1038007224737.84..1038007224738.54 rows=280 width=20)',
  '        Send to leader',
  '        ->  XN Sort  (cost=1038007224737.84..1038007224738.54 rows=280 width=20)',
  '              Sort Key: category.catname, sum(sales.pricepaid)',
  '              ->  XN HashAggregate  (cost=6007224725.61..6007224726.31 rows=280 width=20)',
  '                    ->  XN Hash Join DS_BCAST_INNER  (cost=109.98..6007224621.38 rows=20906 width=20)',
  '                          Hash Cond: ("outer".eventid = "inner".eventid)',
  '                          ->  XN Seq Scan on sales  (cost=0.00..1724.56 rows=172456 width=14)',
  '                          ->  XN Hash  (cost=87.98..87.98 rows=8798 width=13)',
  '                                ->  XN Seq Scan on event  (cost=0.00..87.98 rows=8798 width=13)',
];

describe('planSteps', () => {
  const steps = planSteps(plan);

  it('finds every step with its depth, operator and row estimate', () => {
    expect(steps.map((s) => [s.depth, s.operator, s.rows])).toEqual([
      [0, 'Merge', 280],
      [1, 'Network', 280],
      [2, 'Sort', 280],
      [3, 'HashAggregate', 280],
      [4, 'Hash Join', 20906],
      [5, 'Seq Scan', 172456],
      [5, 'Hash', 8798],
      [6, 'Seq Scan', 8798],
    ]);
  });

  it('keeps detail lines with their step', () => {
    expect(steps[0]!.detail).toEqual(['Merge Key: category.catname, sum(sales.pricepaid)']);
    expect(steps[4]!.detail).toEqual(['Hash Cond: ("outer".eventid = "inner".eventid)']);
  });

  it('rates and explains the join’s data movement', () => {
    expect(steps[4]!.movement).toBe('DS_BCAST_INNER');
    expect(steps[4]!.rating).toBe('bad');
    expect(steps[4]!.words).toMatch(/broadcast to every node/);
  });

  it('names the table a scan reads', () => {
    expect(steps[5]!.relation).toBe('sales');
    expect(steps[5]!.words).toMatch(/“sales”/);
  });

  it('says the network step returns rows to the leader', () => {
    expect(steps[1]!.words).toMatch(/leader node/);
  });

  it('rates collocated joins as good', () => {
    const [join] = planSteps(['XN Hash Join DS_DIST_NONE  (cost=1.00..2.00 rows=10 width=8)']);
    expect(join!.rating).toBe('good');
    expect(join!.words).toMatch(/no data moves/);
  });
});
