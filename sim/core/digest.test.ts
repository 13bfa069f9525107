import { describe, expect, it } from 'vitest';
import { digestOf } from './digest.ts';

describe('digestOf', () => {
  it('is the MD5 of the JSON text', () => {
    // md5("{}") as computed by md5sum: printf '{}' | md5sum
    expect(digestOf({})).toBe('md5:99914b932bd37a50b983c5e7c90ae93b');
  });

  it('changes when the data changes', () => {
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
  });
});
