import { consumerKinds, streamingComponents } from '../run/index.ts';
import { runScenario } from '../scenario/index.ts';
import { validateScenario } from '../scenario/index.ts';
import { describe, expect, it } from 'vitest';
import { createConsumersComponent } from '../consumers/index.ts';
import { lambdaConsumerKind } from '../lambda-consumer/index.ts';
import { sparkConsumerKind } from './index.ts';

/**
 * The streaming components with the Lambda and Spark kinds registered beside the KCL (whether or not the
 * registry lists them yet).
 */
const kinds = [
  ...consumerKinds.filter((k) => k.type !== 'lambda' && k.type !== 'spark'),
  lambdaConsumerKind,
  sparkConsumerKind,
];
const components = streamingComponents.map((c) =>
  c.field === 'consumers' ? createConsumersComponent(kinds) : c,
);

const scenario = {
  seed: 1,
  durationSeconds: 30,
  streams: [{ name: 'clicks', shards: 2 }],
  producers: [
    {
      stream: 'clicks',
      recordsPerSecond: 600,
      recordBytes: 300,
      partitionKeys: { strategy: 'zipf', keys: 50, exponent: 1.2 },
    },
  ],
  consumers: [
    { type: 'lambda', name: 'counter', stream: 'clicks', batchSize: 500 },
    {
      type: 'spark',
      name: 'dashboard',
      stream: 'clicks',
      batchIntervalSeconds: 2,
      receivers: 1,
      cores: 2,
      perRecordMs: 2.5,
      windows: [{ lengthSeconds: 10, slideSeconds: 10, countBy: 'partitionKey' }],
    },
  ],
};

describe('Lambda and Spark consumers in a streaming scenario', () => {
  it('read the same stream, share its shards and report their own figures', { timeout: 60_000 }, () => {
    const valid = validateScenario(scenario, components);
    if (!valid.ok) throw new Error(valid.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    const report = runScenario(valid.value, components);
    const consumers = report.services['consumers'] as unknown as {
      name: string;
      recordsProcessed: number;
      details: Record<string, unknown>;
    }[];
    const [lambda, spark] = consumers;
    expect(lambda!.recordsProcessed).toBeGreaterThan(17_000);
    expect(lambda!.details['cost']).toMatchObject({ status: 'refused', code: 'PriceNotInBook' });
    // 600 records/s × 2 s × 2.5 ms = 3 s of processing per 2 s batch: the queue grows all run.
    expect(spark!.details['keepingUp']).toBe(false);
    const windows = spark!.details['windows'] as { latest: { top: { key: string }[] } | null }[];
    expect(windows[0]!.latest!.top[0]!.key).toBe('entity-1');
    expect(spark!.recordsProcessed).toBeLessThan(lambda!.recordsProcessed);
  });

  it('refuses a bad Spark entry with its JSON path', () => {
    const bad = { ...scenario, consumers: [{ ...scenario.consumers[1], batchIntervalSeconds: 0 }] };
    const result = validateScenario(bad, components);
    expect(!result.ok && result.errors[0]!.path).toBe('$.consumers[0].batchIntervalSeconds');
  });
});
