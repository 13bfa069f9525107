import { describe, expect, it } from 'vitest';
import { seconds } from '../core/index.ts';
import type { SchemaIssue } from '../scenario/index.ts';
import { lambdaConsumerKind } from './kind.ts';
import { runKind } from './kind-harness.ts';
import type { LambdaConsumerState } from './state.ts';
import { putKeys, streamWithShards } from './test-support.ts';

const keys = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('lambdaConsumerKind', () => {
  it('refuses an unknown field and a bad error window with their JSON paths', () => {
    const issues: SchemaIssue[] = [];
    lambdaConsumerKind.schema.check(
      { type: 'lambda', name: 'fn', stream: 'clicks', batchsize: 5 },
      '$.consumers[1]',
      issues,
    );
    expect(issues[0]?.path).toBe('$.consumers[1].batchsize');
    expect(issues[0]?.message).toContain('batchSize');
    const config = lambdaConsumerKind.schema.check(
      { type: 'lambda', name: 'fn', stream: 'clicks', functionErrors: [{ fromSeconds: 5, untilSeconds: 2 }] },
      '$.consumers[0]',
      [],
    )!;
    const scenario = { seed: 1, durationSeconds: seconds(10), metricResolutionSeconds: seconds(1) };
    expect(lambdaConsumerKind.checkScenario!(config, scenario, '$.consumers[0]')[0]?.path).toBe(
      '$.consumers[0].functionErrors[0].untilSeconds',
    );
  });

  it('runs on its own timers: every record processed once, read counters and report filled', () => {
    const kinesis = streamWithShards(2);
    const { state, config, now } = runKind(
      lambdaConsumerKind,
      { type: 'lambda', name: 'fn', stream: 'clicks', batchSize: 200 },
      kinesis,
      10,
      (t) => {
        if (t < 5000) putKeys(kinesis, t, keys(300, `t${t}-`));
      },
    );
    const lambda = state as LambdaConsumerState;
    const processed = Object.values(lambda.reads.shards).reduce((n, s) => n + s.recordsProcessed, 0);
    expect(processed).toBe(1500);
    expect(lambda.pollers.every((p) => p.totals.outOfOrder === 0)).toBe(true);
    const details = lambdaConsumerKind.details(state, config, now as never) as Record<string, unknown>;
    expect(details['recordsProcessed']).toBe(1500);
    expect(details['invocations']).toBeGreaterThanOrEqual(8);
    // The 2016 price book has no sourced Lambda prices: the bill is refused, not invented.
    expect(details['cost']).toMatchObject({ status: 'refused', code: 'PriceNotInBook' });
    const view = lambdaConsumerKind.view(state, config, now as never) as { todayDiffers: string[] };
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    expect(view.todayDiffers.some((line) => line.includes('ParallelizationFactor'))).toBe(true);
  });
});
