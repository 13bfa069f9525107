import { describe, expect, it } from 'vitest';
import { PRICE_BOOKS, type PriceBook } from '../../sim/pricing';
import { CalculatorModel } from './calculator-model.svelte';
import { emrCalculator } from './definitions/emr';
import { firehoseCalculator } from './definitions/firehose';
import { kinesisCalculator } from './definitions/kinesis';
import { PARTITION_KEY_BYTES_RULE } from '../../sim/calc/index.ts';
import { calculatorDefinitions } from './registry';

const book2016 = () => PRICE_BOOKS['2016'];

describe('CalculatorModel', () => {
  it('gives the issue’s example: 3,000 records/s of 500 bytes, 1 consumer → 3 shards bound by records/s', () => {
    const model = new CalculatorModel(kinesisCalculator, {}, book2016);
    expect(model.state.kind).toBe('result');
    const result = model.state.kind === 'result' ? model.state.result : undefined;
    expect(result?.shards).toBe(3);
    expect(result?.bindingLimit).toBe('writeRecordsPerSecond');
  });

  it('reads its starting fields from the link and writes back only what differs from the defaults', () => {
    const model = new CalculatorModel(kinesisCalculator, { 'kinesis.recordsPerSecond': '5000' }, book2016);
    expect(model.raw.recordsPerSecond).toBe('5000');
    model.set('consumers', '2');
    expect(model.params()).toEqual({ 'kinesis.recordsPerSecond': '5000', 'kinesis.consumers': '2' });
  });

  it('pauses on a field the form refuses, keeping the text and naming the field', () => {
    const model = new CalculatorModel(kinesisCalculator, {}, book2016);
    model.set('recordBytes', 'big');
    expect(model.raw.recordBytes).toBe('big');
    expect(model.fieldError('recordBytes')).toContain('“big” is not a number');
    expect(model.state).toEqual({ kind: 'invalid-fields', fields: ['Average record size'] });
  });

  it('shows a calculator’s own refusal next to the field it names', () => {
    const model = new CalculatorModel(kinesisCalculator, {}, book2016);
    model.set('retentionHours', '500');
    expect(model.state.kind).toBe('calc-errors');
    expect(model.fieldError('retentionHours')).toContain('from 24 to 168');
    expect(model.generalErrors()).toEqual([]);
  });

  it('names the field by its label in a calculator’s refusal, never by its internal key', () => {
    const model = new CalculatorModel(kinesisCalculator, {}, book2016);
    model.set('peakRecordsPerSecond', '1000');
    const peak = model.fieldError('peakRecordsPerSecond');
    expect(peak).toContain('Peak records per second must be at least the average (3,000)');
    model.set('peakRecordsPerSecond', '');
    model.set('retentionHours', '500');
    const retention = model.fieldError('retentionHours');
    for (const message of [peak, retention]) expect(message).not.toMatch(/\([a-z]+[A-Z]\w*\)/);
  });

  it('takes the partition-key size as the CLI does, under the calculator’s own rule', () => {
    const spec = kinesisCalculator.inputs.find((input) => input.key === 'partitionKeyBytes');
    expect(spec).toMatchObject({
      kind: 'number',
      label: PARTITION_KEY_BYTES_RULE.label,
      min: PARTITION_KEY_BYTES_RULE.min,
      max: PARTITION_KEY_BYTES_RULE.max,
    });
    // 1,000 records/s of 1,000 bytes fit one shard's 1 MiB/s; 100-byte keys push the bytes over it.
    const model = new CalculatorModel(kinesisCalculator, {}, book2016);
    model.set('recordsPerSecond', '1000');
    model.set('recordBytes', '1000');
    const shards = () => (model.state.kind === 'result' ? model.state.result.shards : NaN);
    expect(shards()).toBe(1);
    model.set('partitionKeyBytes', '100');
    expect(shards()).toBe(2);
    expect(model.state.kind === 'result' && model.state.result.bindingLimit).toBe('writeBytesPerSecond');
    model.set('partitionKeyBytes', '257');
    expect(model.fieldError('partitionKeyBytes')).toContain('from 0 to 256 bytes');
  });

  it('resets every field to its default and says when there is something to reset', () => {
    const model = new CalculatorModel(kinesisCalculator, { 'kinesis.consumers': '4' }, book2016);
    expect(model.changed).toBe(true);
    model.reset();
    expect(model.raw.consumers).toBe('1');
    expect(model.changed).toBe(false);
    expect(model.params()).toEqual({});
  });

  it('sums the result up in one sentence for screen readers', () => {
    const model = new CalculatorModel(kinesisCalculator, {}, book2016);
    expect(model.summary).toMatch(/^Shards needed: 3\. Monthly cost: \$/);
    model.set('consumers', '');
    expect(model.summary).toBe('Results wait for valid input: Consuming applications.');
  });

  it('recomputes when the price book changes', () => {
    let book: PriceBook = PRICE_BOOKS['2016'];
    const model = new CalculatorModel(firehoseCalculator, {}, () => book);
    const cost2016 = model.state.kind === 'result' ? model.state.result.monthlyCostUsd : NaN;
    book = PRICE_BOOKS.current;
    model.set('recordBytes', '500');
    const costNow = model.state.kind === 'result' ? model.state.result.monthlyCostUsd : NaN;
    expect(costNow).not.toBe(cost2016);
  });

  it('reads a conditional field only while it is shown', () => {
    const model = new CalculatorModel(emrCalculator, {}, book2016);
    model.set('spotPriceUsd', 'nonsense');
    expect(model.fieldError('spotPriceUsd')).toBeUndefined();
    expect(model.state.kind).toBe('result');
    model.set('purchase', 'spot');
    expect(model.fieldError('spotPriceUsd')).toContain('is not a number');
  });

  it('every calculator on the page answers with its default inputs in both price books', () => {
    for (const definition of calculatorDefinitions) {
      for (const book of [PRICE_BOOKS['2016'], PRICE_BOOKS.current]) {
        const model = new CalculatorModel(definition, {}, () => book);
        expect(model.state.kind, `${definition.id} with ${book.id}`).not.toBe('invalid-fields');
        if (model.state.kind === 'result')
          expect(definition.headline(model.state.result).length).toBeGreaterThan(0);
      }
    }
  });
});
