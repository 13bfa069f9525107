import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyActions, referenceWorkspace } from '../engine/run.ts';
import { validateLab } from '../engine/validate.ts';
import { consumersFacts, watchedShardCallsPerSecond, WATCHED_SHARD } from './checks.ts';
import { RUN_SECONDS } from './consumers-run.ts';
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
      /calls were refused in total with ProvisionedThroughputExceededException, across .*order-to-db/,
    );
  });

  it('does not accept the queue of the learner’s own settings as the starting queue', () => {
    const solved = after([{ type: 'set-spark-cores', cores: 4 }]);
    const own = consumersFacts(solved).run.spark.detail.queuedBatches;
    const start = consumersFacts(solved).start.spark.detail.queuedBatches;
    expect(own).not.toBe(start);
    const [queued] = results(
      0,
      after([{ type: 'answer', question: 'spark-queued-start', value: own }], solved),
    );
    expect(queued).toMatchObject({
      passed: false,
      feedback: `${own} is not it. Read the queued batches of the Spark application with the starting settings (undo your changes, or reset the settings, to see them).`,
    });
  });

  it('does not let tiny Lambda batches keep up, and says why', () => {
    for (const batchSize of [1, 10]) {
      const [keepsUp] = results(1, after([{ type: 'set-lambda-batch-size', batchSize }], stepStart(1)));
      expect(keepsUp).toMatchObject({
        passed: false,
        feedback: expect.stringMatching(
          /^The iterator age reached [\d.,]+ s in the minute\. Each invocation pays a fixed 200 ms, and a shard has one batch in the function at a time\.$/,
        ),
      });
    }
  });

  it('does not accept the invocations of another batch size', () => {
    const atStart = consumersFacts(stepStart(1)).run.lambda.detail.totals.invocations;
    const raised = after(
      [
        { type: 'set-lambda-batch-size', batchSize: 100 },
        { type: 'answer', question: 'lambda-invocations', value: atStart },
      ],
      stepStart(1),
    );
    const [, , invocations] = results(1, raised);
    expect(invocations).toMatchObject({
      passed: false,
      feedback: `${atStart.toLocaleString('en-US')} is not it. Read the invocations of the Lambda function at your current batch size.`,
    });
  });

  it('does not accept the total calls, one application’s rate, or both shards’ rate as the shared rate', () => {
    const workspace = stepStart(2);
    const { run } = consumersFacts(workspace);
    const watched = run.reads.filter((r) => r.shardId === WATCHED_SHARD);
    const total = watched.reduce((sum, r) => sum + r.getRecordsCalls, 0);
    const oneApp = Math.round((watched[0]!.getRecordsCalls / RUN_SECONDS) * 10) / 10;
    const bothShards =
      Math.round((run.reads.reduce((sum, r) => sum + r.getRecordsCalls, 0) / RUN_SECONDS) * 10) / 10;
    expect(Math.round(watchedShardCallsPerSecond(run) * 10) / 10).not.toBe(oneApp);
    for (const value of [total, oneApp, bothShards]) {
      const [answer] = results(
        2,
        after([{ type: 'answer', question: 'shard-calls-per-second', value }], workspace),
      );
      expect(answer).toMatchObject({
        passed: false,
        feedback: expect.stringMatching(
          /is not it\. Add up the three applications’ GetRecords calls on shardId-000000000000 and divide by the 60 s of the run\.$/,
        ),
      });
    }
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
