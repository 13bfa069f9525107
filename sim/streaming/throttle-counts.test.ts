import { runScenario } from '../run/index.ts';
import { describe, expect, it } from 'vitest';
import { validScenario } from '../run/scenario-fixtures.ts';
import type { ProducersReport, RecordTotals } from './producers-report.ts';
import type { StreamReport } from './report.ts';

/**
 * Records and attempts are counted apart (issue 9 §2): a run that offers N records can refuse far more than
 * N put attempts when its producers retry, but never throttle more than N distinct records.
 */

/** One shard, one fixed key at twice the shard's record limit: every resend meets a full shard. */
const overloaded = (producer: Record<string, unknown>) => ({
  seed: 7,
  durationSeconds: 20,
  streams: [{ name: 'orders', shards: 1 }],
  producers: [
    {
      name: 'shop',
      stream: 'orders',
      recordsPerSecond: 2000,
      recordBytes: 200,
      partitionKeys: { strategy: 'fixed', key: 'store-7' },
      ...producer,
    },
  ],
});

function sections(scenario: unknown) {
  const report = runScenario(validScenario(scenario));
  return {
    producers: report.services['producers'] as unknown as ProducersReport,
    streams: report.services['streams'] as unknown as StreamReport[],
    firehose: report.services['firehose'] as unknown as {
      attemptsThrottled: number;
      throttledCalls: number;
    }[],
  };
}

/** What must hold of any producer's (or all producers') counts. */
function expectConsistent(t: RecordTotals): void {
  expect(t.recordsThrottled).toBeLessThanOrEqual(t.recordsOffered);
  expect(t.attemptsThrottled).toBeGreaterThanOrEqual(t.recordsThrottled);
  expect(t.recordsDropped).toBeLessThanOrEqual(t.recordsThrottled);
  expect(t.recordsAccepted + t.recordsDropped + t.recordsFailed + t.recordsPending).toBe(t.recordsOffered);
}

describe('throttle counters: distinct records apart from refused put attempts', () => {
  it('with retries, refused attempts outnumber the records offered, but throttled records do not', () => {
    const { producers, streams } = sections(overloaded({ retries: { maxAttempts: 6, baseBackoffMs: 100 } }));
    const t = producers.totals;
    expectConsistent(t);
    expect(t.recordsOffered).toBe(40_000);
    // The old single figure: refused attempts, more than were ever offered.
    expect(t.attemptsThrottled).toBeGreaterThan(t.recordsOffered);
    expect(t.recordsThrottled).toBeLessThan(t.recordsOffered);
    expect(t.retries).toBe(t.attemptsThrottled - t.recordsDropped);
    // The shard counts what it refused (WriteProvisionedThroughputExceeded): the producer's attempts.
    expect(streams[0]!.totals.attemptsThrottled).toBe(t.attemptsThrottled);
  });

  it('without retries, every throttled record is one refused attempt and is dropped', () => {
    const t = sections(overloaded({})).producers.totals;
    expectConsistent(t);
    expect(t.recordsThrottled).toBeGreaterThan(0);
    expect(t.attemptsThrottled).toBe(t.recordsThrottled);
    expect(t.recordsDropped).toBe(t.recordsThrottled);
    expect(t.retries).toBe(0);
  });

  it('through the KPL, user records are counted once and aggregates only on the stream', () => {
    const { producers, streams } = sections({
      ...overloaded({ kpl: { aggregation: false } }),
    });
    const [shop] = producers.producers;
    expectConsistent(shop!);
    expect(shop!.recordsThrottled).toBeGreaterThan(0);
    expect(shop!.attemptsThrottled).toBeGreaterThan(shop!.recordsThrottled);
    // Without aggregation one Kinesis record holds one user record: the stream refused the same attempts.
    expect(streams[0]!.totals.attemptsThrottled).toBe(shop!.attemptsThrottled);
  });

  it('a Firehose producer counts the records of calls refused whole as throttled records too', () => {
    const { producers, firehose } = sections({
      seed: 3,
      durationSeconds: 5,
      firehose: [{ name: 'logs' }],
      producers: [
        {
          deliveryStream: 'logs',
          recordsPerSecond: 8000,
          recordBytes: 100,
          retries: { maxAttempts: 3, baseBackoffMs: 100 },
        },
      ],
    });
    const t = producers.totals;
    expectConsistent(t);
    expect(t.recordsThrottled).toBeGreaterThan(0);
    expect(t.attemptsThrottled).toBeGreaterThan(t.recordsThrottled);
    expect(firehose[0]!.attemptsThrottled).toBeLessThanOrEqual(t.attemptsThrottled);
  });

  it('at rate level, the same split: records at most offered, attempts at least records', () => {
    const { producers, streams } = sections({
      ...overloaded({ retries: { maxAttempts: 4, baseBackoffMs: 100 } }),
      level: 'rate',
    });
    const t = producers.totals;
    expect(t.recordsThrottled).toBeLessThanOrEqual(t.recordsOffered);
    expect(t.attemptsThrottled).toBeGreaterThan(t.recordsThrottled);
    expect(t.attemptsThrottled).toBeGreaterThan(t.recordsOffered);
    expect(streams[0]!.totals.attemptsThrottled).toBe(t.attemptsThrottled);
  });
});
