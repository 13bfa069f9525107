import { describe, expect, it } from 'vitest';
import { millis } from '../core/index.ts';
import { getRecords, getShardIterator } from './get.ts';
import { putRecords } from './put.ts';
import { decreaseStreamRetentionPeriod, increaseStreamRetentionPeriod } from './retention.ts';
import { createKinesisState, createStream, describeStream } from './stream.ts';
import { splitShard } from './reshard.ts';

const HOUR = 3_600_000;

function stream(era: '2016' | 'current' = '2016') {
  const state = createKinesisState({ era });
  createStream(state, { StreamName: 's', ShardCount: 1 }, millis(0));
  return state;
}

describe('retention', () => {
  it('goes up to 168 h in 2016 and 8,760 h today', () => {
    const old = stream('2016');
    expect(
      increaseStreamRetentionPeriod(old, { StreamName: 's', RetentionPeriodHours: 168 }, millis(0)).ok,
    ).toBe(true);
    const over = increaseStreamRetentionPeriod(
      old,
      { StreamName: 's', RetentionPeriodHours: 169 },
      millis(0),
    );
    expect(over.ok ? undefined : over.error).toMatchObject({
      code: 'InvalidArgumentException',
      path: 'RetentionPeriodHours',
    });
    expect(
      increaseStreamRetentionPeriod(
        stream('current'),
        { StreamName: 's', RetentionPeriodHours: 8760 },
        millis(0),
      ).ok,
    ).toBe(true);
  });

  it('refuses to increase downwards or decrease below 24 h', () => {
    const state = stream();
    increaseStreamRetentionPeriod(state, { StreamName: 's', RetentionPeriodHours: 48 }, millis(0));
    expect(
      increaseStreamRetentionPeriod(state, { StreamName: 's', RetentionPeriodHours: 36 }, millis(0)).ok,
    ).toBe(false);
    expect(
      decreaseStreamRetentionPeriod(state, { StreamName: 's', RetentionPeriodHours: 23 }, millis(0)).ok,
    ).toBe(false);
    expect(
      decreaseStreamRetentionPeriod(state, { StreamName: 's', RetentionPeriodHours: 24 }, millis(0)).ok,
    ).toBe(true);
  });

  it('keeps records 48 h after an increase', () => {
    const state = stream();
    increaseStreamRetentionPeriod(state, { StreamName: 's', RetentionPeriodHours: 48 }, millis(0));
    putRecords(
      state,
      { StreamName: 's', Records: [{ Data: Uint8Array.of(7), PartitionKey: 'k' }] },
      millis(0),
    );
    const at = 47 * HOUR;
    const it = getShardIterator(
      state,
      { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' },
      millis(at),
    );
    const read = it.ok ? getRecords(state, { ShardIterator: it.value.ShardIterator }, millis(at)) : it;
    expect(read.ok && read.value.Records.length).toBe(1);
  });

  it('drops a closed parent from DescribeStream once its retention period has passed', () => {
    const state = stream();
    splitShard(
      state,
      { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' },
      millis(HOUR),
    );
    const ids = (at: number) => {
      const d = describeStream(state, { StreamName: 's' }, millis(at));
      return d.ok ? d.value.StreamDescription.Shards.map((s) => s.ShardId) : [];
    };
    expect(ids(24 * HOUR)).toContain('shardId-000000000000');
    expect(ids(25 * HOUR)).not.toContain('shardId-000000000000');
  });
});
