import { describe, expect, it } from 'vitest';
import { PRICE_BOOKS } from '../pricing/index.ts';
import {
  calculateEmr,
  calculateFirehose,
  calculateKinesis,
  calculateMl,
  calculatePipeline,
  calculateRedshift,
  calculateS3,
} from './index.ts';
import { CALCULATOR_EXAMPLES as ex } from './examples.ts';

describe('calculator examples', () => {
  it('all compute with the 2016 book, so the calculators page opens on real results', () => {
    const book = PRICE_BOOKS['2016'];
    const outcomes = [
      calculateKinesis(ex.kinesis, book),
      calculateFirehose(ex.firehose, book),
      calculateS3(ex.s3, book),
      calculateEmr(ex.emr, book),
      calculateRedshift(ex.redshift, book),
      calculateMl(ex.ml, book),
      calculatePipeline(ex.pipeline, book),
    ];
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, true, true, true, true, true]);
  });
});
