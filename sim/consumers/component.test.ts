import { consumerViews, consumersComponent } from '../run/index.ts';
import { runScenario } from '../scenario/index.ts';
import { validateScenario } from '../scenario/index.ts';
import { describe, expect, it } from 'vitest';
import { SimException } from '../core/index.ts';
import type { ConsumerReport } from './consumer-kind.ts';
import { kclConsumerKind } from '../kcl/index.ts';
import { createConsumersComponent } from './index.ts';
import { startTestRun, testScenario, testStreamComponents } from './test-support.ts';

const components = [...testStreamComponents, consumersComponent];

function errorsFor(consumers: unknown) {
  const result = validateScenario(
    { seed: 1, durationSeconds: 10, streams: [{ name: 'clicks', shards: 1 }], consumers },
    components,
  );
  return result.ok ? [] : result.errors;
}

describe('the consumers scenario field', () => {
  it('is optional and fills in the KCL defaults', () => {
    const scenario = testScenario(
      {
        seed: 1,
        durationSeconds: 10,
        streams: [{ name: 'clicks', shards: 1 }],
        consumers: [{ type: 'kcl', name: 'app', stream: 'clicks' }],
      },
      components,
    );
    expect(scenario['consumers']).toEqual([
      {
        type: 'kcl',
        name: 'app',
        stream: 'clicks',
        workers: 1,
        initialPosition: 'LATEST',
        maxRecords: 10_000,
        idleTimeBetweenReadsMillis: 1_000,
        failoverTimeMillis: 10_000,
        maxLeasesToStealAtOneTime: 1,
        checkpointIntervalSeconds: 60,
        firstCheckpoint: 'AFTER_INTERVAL',
        checkpointEveryRecords: 0,
        processingMillisPerRecord: 0,
      },
    ]);
    expect(testScenario({ seed: 1, durationSeconds: 10 }, components)['consumers']).toEqual([]);
  });

  it('names the available types when the type is unknown or not in this version', () => {
    expect(errorsFor([{ type: 'firehose', name: 'f', stream: 'clicks' }])[0]).toEqual({
      code: 'InvalidScenario',
      path: '$.consumers[0].type',
      message: '"firehose" is not a consumer type; the available types are "kcl", "lambda", "spark".',
    });
    expect(errorsFor([{ type: 'kcll', name: 'f', stream: 'clicks' }])[0]!.message).toBe(
      '"kcll" is not a consumer type; the available types are "kcl", "lambda", "spark". Did you mean "kcl"?',
    );
    expect(errorsFor([{ name: 'f', stream: 'clicks' }])[0]).toMatchObject({
      path: '$.consumers[0].type',
      message: 'missing; expected one of "kcl", "lambda", "spark".',
    });
    const kclOnly = [...testStreamComponents, createConsumersComponent([kclConsumerKind])];
    const result = validateScenario(
      {
        seed: 1,
        durationSeconds: 10,
        streams: [{ name: 'clicks', shards: 1 }],
        consumers: [{ type: 'lambda', name: 'f', stream: 'clicks' }],
      },
      kclOnly,
    );
    expect(!result.ok && result.errors).toEqual([
      {
        code: 'InvalidScenario',
        path: '$.consumers[0].type',
        message:
          '"lambda" (Lambda function with a Kinesis event source) is not available in this version of bdlab; the available types are "kcl".',
      },
    ]);
  });

  it('points at an unknown stream with a suggestion', () => {
    expect(errorsFor([{ type: 'kcl', name: 'app', stream: 'click' }])).toEqual([
      {
        code: 'InvalidScenario',
        path: '$.consumers[0].stream',
        message: '"click" is not a stream of this scenario; its streams are "clicks". Did you mean "clicks"?',
      },
    ]);
  });

  it('refuses duplicate names, unknown fields and out-of-range values with their JSON paths', () => {
    const errors = errorsFor([
      { type: 'kcl', name: 'app', stream: 'clicks', wokers: 2 },
      { type: 'kcl', name: 'app', stream: 'clicks', workers: 0, maxRecords: 20_000 },
    ]);
    expect(errors.map((e) => e.path)).toEqual([
      '$.consumers[0].wokers',
      '$.consumers[1].workers',
      '$.consumers[1].maxRecords',
    ]);
    expect(errors[0]!.message).toContain('Did you mean "workers"?');
    expect(errors[2]!.message).toContain('from 1 to 10,000');
    expect(
      errorsFor([
        { type: 'kcl', name: 'app', stream: 'clicks' },
        { type: 'kcl', name: 'app', stream: 'clicks' },
      ]),
    ).toEqual([
      {
        code: 'InvalidScenario',
        path: '$.consumers[1].name',
        message: '"app" is already the name of $.consumers[0]; each consumer needs its own name.',
      },
    ]);
  });
});

describe('the consumers component', () => {
  const scenario = {
    seed: 9,
    durationSeconds: 30,
    streams: [{ name: 'clicks', shards: 2 }],
    testLoad: [{ stream: 'clicks', recordsPerSecond: 100, recordBytes: 200 }],
    consumers: [{ type: 'kcl', name: 'app', stream: 'clicks', workers: 2 }],
  };

  it('reports each consumer’s reads, lag per shard and its kind’s details', () => {
    const report = runScenario(testScenario(scenario, components), components);
    const [app] = report.services['consumers'] as ConsumerReport[];
    expect(app).toMatchObject({ name: 'app', type: 'kcl', stream: 'clicks', readThrottles: 0 });
    expect(app!.recordsProcessed).toBeGreaterThan(2_500);
    expect(app!.shards.map((s) => s.shardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    expect(app!.millisBehindLatest).toBe(Math.max(...app!.shards.map((s) => s.millisBehindLatest)));
    expect(Object.keys(app!.details as object)).toEqual([
      'workers',
      'leaseTable',
      'timing',
      'stats',
      'orderCheckedPartitionKeys',
    ]);
    const lag = report.metrics.filter((m) => m.namespace === 'BDLab/Consumers');
    expect(lag.map((m) => m.dimensions['ShardId'])).toEqual(['shardId-000000000000', 'shardId-000000000001']);
  });

  it('gives the same report for the same seed', () => {
    const once = JSON.stringify(runScenario(testScenario(scenario, components), components));
    expect(JSON.stringify(runScenario(testScenario(scenario, components), components))).toBe(once);
  });

  it('gives the UI a plain-data view of every consumer', () => {
    const r = startTestRun(scenario);
    r.advanceTo(20_000);
    const [view] = consumerViews(r.state);
    expect(view).toMatchObject({ name: 'app', type: 'kcl', stream: 'clicks' });
    expect(view!.shards).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('says plainly when the simulation has no Kinesis data plane to read', () => {
    const withoutKinesis = [testStreamComponents[0]!, consumersComponent];
    const { testLoad: _, ...noLoad } = scenario;
    const validated = testScenario(noLoad, withoutKinesis);
    expect(() => runScenario(validated, withoutKinesis)).toThrow(SimException);
    expect(() => runScenario(validated, withoutKinesis)).toThrow(/before the consumers component/);
  });
});
