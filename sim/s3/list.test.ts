import { describe, expect, it } from 'vitest';
import { millis } from '../core/index.ts';
import { listObjectsV2 } from './list.ts';
import { createBucket, putObject } from './objects.ts';
import { createS3State, type S3State } from './state.ts';

function bucketWith(keys: readonly string[]): S3State {
  const state = createS3State(millis(0));
  createBucket(state, { Bucket: 'logs' }, millis(0));
  for (const Key of keys) putObject(state, { Bucket: 'logs', Key, Body: new Uint8Array(1) }, millis(0));
  return state;
}

const keys = [
  'raw/2016/06/14/10/a',
  'raw/2016/06/14/11/b',
  'raw/2016/06/15/00/c',
  'raw/readme.txt',
  'curated/x',
  'top.txt',
];

describe('ListObjectsV2', () => {
  it('lists every key in lexicographic order', () => {
    const list = listObjectsV2(bucketWith(keys), { Bucket: 'logs' });
    expect(list.ok && list.value.Contents.map((o) => o.Key)).toEqual([...keys].sort());
  });

  it('filters by prefix and rolls up by delimiter into CommonPrefixes', () => {
    const list = listObjectsV2(bucketWith(keys), { Bucket: 'logs', Prefix: 'raw/', Delimiter: '/' });
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    expect(list.value.CommonPrefixes).toEqual([{ Prefix: 'raw/2016/' }]);
    expect(list.value.Contents.map((o) => o.Key)).toEqual(['raw/readme.txt']);
    expect(list.value.KeyCount).toBe(2);
  });

  it('pages with MaxKeys and continuation tokens, counting a common prefix as one entry', () => {
    const state = bucketWith(keys);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = listObjectsV2(state, {
        Bucket: 'logs',
        Delimiter: '/',
        MaxKeys: 1,
        ...(token ? { ContinuationToken: token } : {}),
      });
      if (!page.ok) throw new Error(page.error.message);
      seen.push(...page.value.CommonPrefixes.map((p) => p.Prefix), ...page.value.Contents.map((o) => o.Key));
      token = page.value.NextContinuationToken;
      expect(page.value.IsTruncated).toBe(token !== undefined);
      pages++;
    } while (token);
    expect(seen).toEqual(['curated/', 'raw/', 'top.txt']);
    expect(pages).toBe(3);
  });

  it('starts after StartAfter', () => {
    const list = listObjectsV2(bucketWith(keys), { Bucket: 'logs', StartAfter: 'raw/readme.txt' });
    expect(list.ok && list.value.Contents.map((o) => o.Key)).toEqual(['top.txt']);
  });

  it('refuses a made-up continuation token, a negative MaxKeys and a missing bucket', () => {
    const state = bucketWith(keys);
    const token = listObjectsV2(state, { Bucket: 'logs', ContinuationToken: 'garbage!' });
    expect(token.ok ? '' : token.error.path).toBe('ContinuationToken');
    const max = listObjectsV2(state, { Bucket: 'logs', MaxKeys: -1 });
    expect(max.ok ? '' : max.error.path).toBe('MaxKeys');
    const missing = listObjectsV2(state, { Bucket: 'other' });
    expect(missing.ok ? '' : missing.error.code).toBe('NoSuchBucket');
  });

  it('caps MaxKeys at 1,000', () => {
    const many = Array.from({ length: 1005 }, (_, i) => `k${String(i).padStart(4, '0')}`);
    const list = listObjectsV2(bucketWith(many), { Bucket: 'logs', MaxKeys: 5000 });
    expect(list.ok && list.value.Contents.length).toBe(1000);
    expect(list.ok && list.value.IsTruncated).toBe(true);
  });
});
