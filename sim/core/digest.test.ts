import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { bytesReplacer } from './bytes-json.ts';
import { digestOf, digestOfState } from './digest.ts';
import { createState } from './simulation.ts';
import { snapshot } from './snapshot.ts';
import { millis } from './units.ts';

describe('digestOf', () => {
  it('is the MD5 of the JSON text', () => {
    // md5("{}") as computed by md5sum: printf '{}' | md5sum
    expect(digestOf({})).toBe('md5:99914b932bd37a50b983c5e7c90ae93b');
  });

  it('changes when the data changes', () => {
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
  });
});

describe('digestOf as streamed JSON', () => {
  const bytesJson = (value: unknown) =>
    `md5:${createHash('md5').update(JSON.stringify(value, bytesReplacer), 'utf8').digest('hex')}`;

  it('hashes exactly the text JSON.stringify with the bytes replacer writes', () => {
    const values: unknown[] = [
      { a: [1, 'two', null, true, { b: undefined, c: -0, d: 1e21, e: NaN }], f: 'é\n"\u2028' },
      [undefined, () => 1, new Uint8Array([0, 255, 7])],
      { log: { toJSON: () => ({ rows: [1, 2] }) }, big: 'x'.repeat(200_000) },
      'text',
      42,
      null,
    ];
    for (const value of values) expect(digestOf(value)).toBe(bytesJson(value));
  });

  it('gives the digest of the snapshot without copying the state', () => {
    const state = createState({ seed: 3, services: { store: { body: new Uint8Array([1, 2, 3]), n: 4 } } });
    state.queue.push(millis(5), { type: 'tick' });
    expect(digestOfState(state)).toBe(digestOf(snapshot(state)));
    expect(digestOfState(state)).toBe(bytesJson(snapshot(state)));
  });
});
