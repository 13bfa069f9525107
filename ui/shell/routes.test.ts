import { describe, expect, it } from 'vitest';
import { currentFor, formatHash, parseHash } from './routes';

describe('parseHash', () => {
  it('treats an empty hash as the agenda', () => {
    expect(parseHash('')).toEqual({ page: 'agenda', path: '/', params: {} });
    expect(parseHash('#/')).toEqual({ page: 'agenda', path: '/', params: {} });
  });

  it('reads the page and its parameters', () => {
    expect(parseHash('#/calculators?kinesis.recordsPerSecond=3000&kinesis.kpl=on')).toEqual({
      page: 'calculators',
      path: '/calculators',
      params: { 'kinesis.recordsPerSecond': '3000', 'kinesis.kpl': 'on' },
    });
  });

  it('ignores a trailing slash', () => {
    expect(parseHash('#/settings/').page).toBe('settings');
  });

  it('names an unknown path as not found, keeping the path', () => {
    expect(parseHash('#/labs/hot-shard')).toEqual({ page: 'not-found', path: '/labs/hot-shard', params: {} });
  });
});

describe('lab routes', () => {
  it('reads the lab id from #/lab/<id>', () => {
    expect(parseHash('#/lab/data-bus')).toEqual({
      page: 'lab',
      path: '/lab/data-bus',
      params: { lab: 'data-bus' },
    });
  });

  it('writes a lab link with the id in the path', () => {
    expect(formatHash('lab', { lab: 'right-tool' })).toBe('#/lab/right-tool');
    expect(parseHash(formatHash('lab', { lab: 'right-tool' })).params.lab).toBe('right-tool');
  });

  it('treats /lab without an id as not found', () => {
    expect(parseHash('#/lab').page).toBe('not-found');
  });
});

describe('formatHash', () => {
  it('writes parameters in sorted order so equal states give equal links', () => {
    expect(formatHash('calculators', { b: '2', a: '1' })).toBe('#/calculators?a=1&b=2');
  });

  it('round-trips through parseHash', () => {
    const hash = formatHash('calculators', { 'emr.instanceType': 'm3.xlarge', 'emr.count': '10' });
    expect(parseHash(hash).params).toEqual({ 'emr.instanceType': 'm3.xlarge', 'emr.count': '10' });
  });

  it('gives the bare page for no parameters', () => {
    expect(formatHash('agenda')).toBe('#/');
  });
});

describe('currentFor', () => {
  it('marks the page’s own link, and the agenda while a lab is shown', () => {
    expect(currentFor('settings', 'settings')).toBe('page');
    expect(currentFor('lab', 'agenda')).toBe('true');
    expect(currentFor('lab', 'calculators')).toBeUndefined();
    expect(currentFor('agenda', 'settings')).toBeUndefined();
    expect(currentFor('not-found', 'agenda')).toBeUndefined();
  });
});
