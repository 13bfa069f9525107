import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyActions, referenceWorkspace } from '../engine/run.ts';
import { validateLab } from '../engine/validate.ts';
import { consumersFacts } from './checks.ts';
import { consumersComparedLab as lab } from './lab.ts';
import type { ConsumersAction, ConsumersWorkspace } from './workspace.ts';

function after(actions: ConsumersAction[], from: unknown = lab.initialWorkspace) {
  const result = applyActions(lab, from, actions);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ConsumersWorkspace;
}

function stepStart(step: number): ConsumersWorkspace {
  const start = referenceWorkspace(lab, step);
  if (!start.ok) throw new Error(start.error.message);
  return start.value as ConsumersWorkspace;
}

const results = (step: number, workspace: ConsumersWorkspace) =>
  lab.steps[step]!.tasks.map((task) => task.check(workspace, { derived: lab.derive(workspace) }));

describe('lab 10: Lambda vs KCL vs Spark Streaming', () => {
  // The first test runs the simulations the others reuse (memoized); a busy machine needs the time.
  it('is valid and every solution solves its step', { timeout: 60_000 }, () => {
    const markdown = readFileSync(new URL('./lab.md', import.meta.url), 'utf8');
    expect(validateLab(lab, markdown)).toEqual([]);
  });

  it('lets the starting Spark job fall behind: the queue grows when processing outlasts the interval', () => {
    const { start } = consumersFacts(lab.initialWorkspace);
    expect(start.spark.detail.keepingUp).toBe(false);
    expect(start.spark.detail.queuedBatches).toBeGreaterThan(5);
  });

  it('shows that a longer batch interval alone does not make Spark keep up', () => {
    const workspace = after([{ type: 'set-spark-interval', seconds: 2 }]);
    const keeps = results(0, workspace)[1]!;
    expect(keeps.passed).toBe(false);
    expect(keeps.feedback).toMatch(
      /^A batch takes .* to process but one arrives every 2 s, so \d+ wait in the queue\. 1 of 2 cores process; the receiver holds the other\.$/,
    );
  });

  it('shows that Lambda’s eager polling with tiny batches gets GetRecords calls refused for every reader', () => {
    const [, throttles] = results(1, stepStart(1));
    expect(throttles!.passed).toBe(false);
    expect(throttles!.feedback).toMatch(
      /calls were refused with ProvisionedThroughputExceededException, across .*order-to-db/,
    );
  });

  it('refuses a batch size above 10,000 and a Spark without cores for its receiver', () => {
    expect(
      lab.reduce(lab.initialWorkspace, { type: 'set-lambda-batch-size', batchSize: 10_001 }),
    ).toMatchObject({
      ok: false,
      error: { path: 'batchSize' },
    });
    expect(lab.reduce(lab.initialWorkspace, { type: 'set-spark-cores', cores: 0 })).toMatchObject({
      ok: false,
      error: { path: 'cores' },
    });
  });
});
