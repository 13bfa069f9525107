import { describe, expect, it } from 'vitest';
import { sparkConsumerConfig } from './config.ts';
import { batchProcessing, processingCores, scheduleBatch, tasksPerBatch } from './processing.ts';
import { millis, seconds } from '../core/index.ts';

const config = sparkConsumerConfig({
  name: 'app',
  stream: 'clicks',
  batchIntervalSeconds: seconds(1),
  cores: 4,
});

describe('cores and tasks', () => {
  it('leaves one core per receiver out of processing', () => {
    expect(processingCores({ cores: 4, receivers: 1 })).toBe(3);
    expect(processingCores({ cores: 2, receivers: 2 })).toBe(0);
    expect(processingCores({ cores: 1, receivers: 3 })).toBe(0);
  });

  it('cuts each receiver’s data into one task per block interval (200 ms blocks, 2 s batch → 10 tasks)', () => {
    expect(tasksPerBatch({ batchIntervalSeconds: seconds(2), blockIntervalMs: millis(200) }, 1)).toBe(10);
    expect(tasksPerBatch({ batchIntervalSeconds: seconds(2), blockIntervalMs: millis(200) }, 3)).toBe(30);
    expect(tasksPerBatch({ batchIntervalSeconds: seconds(1), blockIntervalMs: millis(200) }, 0)).toBe(0);
  });
});

describe('processing time model', () => {
  it('is overhead + records × cost ÷ min(cores left, tasks)', () => {
    // 4 cores − 1 receiver = 3; 5 tasks → 3 at once: 100 + 30,000 × 0.1 ÷ 3 = 1,100 ms.
    expect(batchProcessing(config, 30_000, 1)).toEqual({ tasks: 5, parallelism: 3, processingMs: 1100 });
    // 64 cores but only 5 tasks: 100 + 30,000 × 0.1 ÷ 5 = 700 ms.
    expect(batchProcessing({ ...config, cores: 64 }, 30_000, 1).processingMs).toBe(700);
  });

  it('has no processing time when the receivers hold every core', () => {
    expect(batchProcessing({ ...config, cores: 1 }, 1000, 1)).toEqual({
      tasks: 5,
      parallelism: 0,
      processingMs: null,
    });
  });
});

describe('scheduling delay', () => {
  function delays(processingMs: number, batches: number): number[] {
    let freeAt: number | null = 0;
    const out: number[] = [];
    for (let k = 1; k <= batches; k++) {
      const s = scheduleBatch(k * 1000, processingMs, freeAt);
      freeAt = s.endMs;
      out.push(s.schedulingDelayMs!);
    }
    return out;
  }

  it('stays at 0 while processing is shorter than the batch interval', () => {
    expect(delays(600, 10)).toEqual(new Array(10).fill(0));
    expect(delays(1000, 10)).toEqual(new Array(10).fill(0));
  });

  it('grows by (processing − interval) every batch once processing is longer', () => {
    expect(delays(1500, 6)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
  });

  it('never starts a batch when no core is left', () => {
    expect(scheduleBatch(1000, null, 0)).toEqual({
      startMs: null,
      endMs: null,
      schedulingDelayMs: null,
      totalDelayMs: null,
    });
    expect(scheduleBatch(1000, 50, null).startMs).toBeNull();
  });
});
