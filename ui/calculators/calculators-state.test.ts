import { describe, expect, it } from 'vitest';
import { PRICE_BOOKS } from '../../sim/pricing';
import { CalculatorsState } from './calculators-state.svelte';
import { calculatorDefinitions } from './registry';

const state = () => new CalculatorsState(calculatorDefinitions, () => PRICE_BOOKS['2016']);

describe('CalculatorsState', () => {
  it('starts on the first calculator with every field at its default', () => {
    const calculators = state();
    expect(calculators.selectedId).toBe('kinesis');
    expect(calculators.params()).toEqual({ calc: 'kinesis' });
  });

  it('applies what a link names and keeps the fields it leaves out', () => {
    const calculators = state();
    calculators.selected?.set('consumers', '3');
    calculators.applyParams({ calc: 'emr', 'emr.instanceCount': '4' });
    expect(calculators.selectedId).toBe('emr');
    expect(calculators.params()).toEqual({ calc: 'emr', 'emr.instanceCount': '4', 'kinesis.consumers': '3' });
  });

  it('ignores a link naming a calculator it does not have', () => {
    const calculators = state();
    calculators.applyParams({ calc: 'dynamodb' });
    expect(calculators.selectedId).toBe('kinesis');
  });
});
