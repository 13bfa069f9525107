import { describe, expect, it } from 'vitest';
import { arrivalStep, bytesAtPosition, positionAtBytes, ShardHistory, type CurrentStep } from './history.ts';

/** Steps 10, 11, 12 wrote 100, 0 and 50 records of 10, –, 20 bytes; step 13 is under way with 40 × 5 B. */
function example(): { history: ShardHistory; now: CurrentStep } {
  const history = new ShardHistory(10);
  history.push(0, 0);
  history.push(100, 1000);
  history.push(100, 1000);
  return { history, now: { cumRecords: 150, cumBytes: 2000, stepRecords: 40, stepBytes: 200 } };
}

describe('ShardHistory', () => {
  it('maps positions to bytes through past steps and the current one', () => {
    const { history, now } = example();
    expect(bytesAtPosition(history, now, 50)).toBe(500);
    expect(bytesAtPosition(history, now, 125)).toBe(1500);
    expect(bytesAtPosition(history, now, 170)).toBe(2100);
    expect(positionAtBytes(history, now, 1500)).toBe(125);
  });

  it('gives the arrival time of a position in steps, skipping a step without records', () => {
    const { history, now } = example();
    expect(arrivalStep(history, now, 50, 13)).toBe(10.5);
    expect(arrivalStep(history, now, 125, 13)).toBe(12.5);
    expect(arrivalStep(history, now, 190, 13)).toBe(14);
  });

  it('forgets the oldest steps and grows past its first capacity', () => {
    const history = new ShardHistory(0);
    for (let i = 0; i < 200; i++) history.push(i * 10, i * 100);
    history.dropFront(150);
    expect(history.startStep).toBe(150);
    expect(history.length).toBe(50);
    expect(history.recordsAt(0)).toBe(1500);
    expect(history.bytesAt(49)).toBe(19_900);
  });
});
