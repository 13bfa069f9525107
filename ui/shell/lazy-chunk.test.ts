import { describe, expect, it } from 'vitest';
import { LazyChunk } from './lazy-chunk.svelte';

describe('LazyChunk', () => {
  it('loads once, however often it is asked for, and keeps the module', async () => {
    let loads = 0;
    const chunk = new LazyChunk(async () => ({ page: ++loads }));
    expect(chunk.loading).toBe(true);
    const [first, second] = await Promise.all([chunk.ensure(), chunk.ensure()]);
    expect(first).toBe(second);
    expect(await chunk.ensure()).toBe(first);
    expect([loads, chunk.loading, chunk.value]).toEqual([1, false, { page: 1 }]);
  });

  it('keeps the reason of a failed load, counts failures in a row, and loads again when asked', async () => {
    let attempt = 0;
    const chunk = new LazyChunk(async () => {
      attempt += 1;
      if (attempt < 3)
        throw new TypeError(`Failed to fetch dynamically imported module (attempt ${attempt})`);
      return 'page';
    });
    await expect(chunk.ensure()).rejects.toThrow('attempt 1');
    expect([chunk.failures, chunk.loading, chunk.error?.message]).toEqual([
      1,
      false,
      'Failed to fetch dynamically imported module (attempt 1)',
    ]);
    await expect(chunk.ensure()).rejects.toThrow('attempt 2');
    expect(chunk.failures).toBe(2);
    const retry = chunk.ensure();
    expect([chunk.loading, chunk.error]).toEqual([true, undefined]);
    expect(await retry).toBe('page');
    expect([chunk.failures, chunk.error, chunk.value]).toEqual([0, undefined, 'page']);
  });

  it('turns a rejection that is not an Error into one that says what was thrown', async () => {
    const chunk = new LazyChunk(() => Promise.reject('offline'));
    await expect(chunk.ensure()).rejects.toThrow('offline');
    expect(chunk.error).toBeInstanceOf(Error);
  });
});
