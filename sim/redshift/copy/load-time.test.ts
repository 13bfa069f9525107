import { describe, expect, it } from 'vitest';
import { LOAD_MODEL, modelLoadTime, type LoadFile } from './load-time.ts';

const MIB = 1024 * 1024;
const file = (i: number, textMib: number, gzip = true): LoadFile => ({
  uri: `s3://b/part-${i}.gz`,
  storedBytes: gzip ? (textMib * MIB) / 8 : textMib * MIB,
  textBytes: textMib * MIB,
  gzip,
});

describe('modelLoadTime (AWS-FACTS §6.4: one gzip file is read by one slice)', () => {
  it('leaves slices idle when there are fewer files than slices, and says so', () => {
    const model = modelLoadTime([file(0, 64)], 4);
    expect(model.idleSlices).toBe(3);
    expect(model.sliceOfFile).toEqual([0]);
    expect(model.explanation).toContain('3 slices had nothing to read');
  });

  it('makes the same bytes load faster split into one file per slice than in one file', () => {
    const one = modelLoadTime([file(0, 64)], 4).modelledMillis;
    const four = modelLoadTime(
      [0, 1, 2, 3].map((i) => file(i, 16)),
      4,
    ).modelledMillis;
    expect(four).toBeLessThan(one);
    const parse = (64 * MIB * 1000) / LOAD_MODEL.parseBytesPerSecondPerSlice;
    expect(one - four).toBeGreaterThan(parse / 2);
  });

  it('spreads files over the least-busy slice and times the load by the busiest slice', () => {
    const model = modelLoadTime([file(0, 30), file(1, 10), file(2, 10), file(3, 10)], 2);
    expect(model.sliceOfFile).toEqual([0, 1, 1, 1]);
    expect(model.modelledMillis).toBe(
      Math.round(LOAD_MODEL.fixedMillis + Math.max(...model.slices.map((s) => s.millis))),
    );
    expect(model.slices.map((s) => s.files)).toEqual([1, 3]);
  });

  it('charges gzip files for inflating on top of parsing', () => {
    expect(modelLoadTime([file(0, 64, true)], 1).modelledMillis).toBeGreaterThan(
      modelLoadTime([file(0, 64, false)], 1).modelledMillis,
    );
  });
});
