import { describe, expect, it } from 'vitest';
import { millis } from '../core/index.ts';
import { validateBucketName } from './bucket-name.ts';
import { compareKeys } from './key-order.ts';
import { md5Hex } from '../core/index.ts';
import { createBucket, deleteBucket, deleteObject, getObject, headObject, putObject } from './objects.ts';
import { s3StateFromJson, s3StateToJson } from './snapshot.ts';
import { createS3State } from './state.ts';

const text = (s: string) => new TextEncoder().encode(s);

function withBucket() {
  const state = createS3State(millis(0));
  const created = createBucket(state, { Bucket: 'weblogs' }, millis(0));
  expect(created.ok).toBe(true);
  return state;
}

describe('bucket names', () => {
  it('accepts DNS-compatible names', () => {
    expect(validateBucketName('my-bucket.2016').ok).toBe(true);
  });

  it.each([
    ['ab', '3 to 63'],
    ['MyBucket', '"M" is not allowed'],
    ['-bucket', 'begin and end'],
    ['a..b', 'two dots'],
    ['a.-b', 'next to a hyphen'],
    ['192.168.5.4', 'IP address'],
  ])('refuses %s saying %s', (name, why) => {
    const result = validateBucketName(name);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('InvalidBucketName');
      expect(result.error.message).toContain(why);
    }
  });

  it('refuses to create a bucket twice', () => {
    const state = withBucket();
    const again = createBucket(state, { Bucket: 'weblogs' }, millis(1));
    expect(again.ok ? '' : again.error.code).toBe('BucketAlreadyOwnedByYou');
  });
});

describe('objects', () => {
  it('stores bytes with metadata; the ETag is the quoted MD5 hex of the bytes', () => {
    const state = withBucket();
    const put = putObject(
      state,
      { Bucket: 'weblogs', Key: 'a.txt', Body: text('hello'), ContentType: 'text/plain' },
      millis(5000),
    );
    expect(put.ok && put.value.ETag).toBe('"5d41402abc4b2a76b9719d911017c592"');
    const got = getObject(state, { Bucket: 'weblogs', Key: 'a.txt' });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(new TextDecoder().decode(got.value.Body)).toBe('hello');
    expect(got.value.ContentType).toBe('text/plain');
    expect(got.value.LastModified).toBe(5000);
    expect(got.value.ContentLength).toBe(5);
  });

  it('HeadObject returns metadata without the body', () => {
    const state = withBucket();
    putObject(state, { Bucket: 'weblogs', Key: 'k', Body: text('x'), ContentEncoding: 'gzip' }, millis(1));
    const head = headObject(state, { Bucket: 'weblogs', Key: 'k' });
    expect(head.ok && head.value.ContentEncoding).toBe('gzip');
    expect(head.ok && 'Body' in head.value).toBe(false);
  });

  it('a missing bucket is NoSuchBucket, a missing key NoSuchKey', () => {
    const state = withBucket();
    const noBucket = getObject(state, { Bucket: 'nope', Key: 'k' });
    expect(noBucket.ok ? '' : noBucket.error.code).toBe('NoSuchBucket');
    const noKey = getObject(state, { Bucket: 'weblogs', Key: 'k' });
    expect(noKey.ok ? '' : noKey.error.code).toBe('NoSuchKey');
    expect(noKey.ok ? '' : noKey.error.message).toContain('"k"');
  });

  it('overwriting replaces the object and its stored bytes', () => {
    const state = withBucket();
    putObject(state, { Bucket: 'weblogs', Key: 'k', Body: text('12345') }, millis(1));
    putObject(state, { Bucket: 'weblogs', Key: 'k', Body: text('12') }, millis(2));
    expect(state.usage.storedBytes).toBe(2);
    expect(state.buckets['weblogs']!.sortedKeys).toEqual(['k']);
  });

  it('deletes objects (a missing key is not an error) and only empty buckets', () => {
    const state = withBucket();
    putObject(state, { Bucket: 'weblogs', Key: 'k', Body: text('abc') }, millis(1));
    const notEmpty = deleteBucket(state, { Bucket: 'weblogs' });
    expect(notEmpty.ok ? '' : notEmpty.error.code).toBe('BucketNotEmpty');
    expect(deleteObject(state, { Bucket: 'weblogs', Key: 'k' }, millis(2)).ok).toBe(true);
    expect(deleteObject(state, { Bucket: 'weblogs', Key: 'k' }, millis(3)).ok).toBe(true);
    expect(state.usage.storedBytes).toBe(0);
    expect(deleteBucket(state, { Bucket: 'weblogs' }).ok).toBe(true);
  });

  it('refuses empty keys and keys over 1,024 UTF-8 bytes', () => {
    const state = withBucket();
    const empty = putObject(state, { Bucket: 'weblogs', Key: '', Body: text('') }, millis(1));
    expect(empty.ok ? '' : empty.error.code).toBe('InvalidArgument');
    const long = putObject(state, { Bucket: 'weblogs', Key: 'é'.repeat(513), Body: text('') }, millis(1));
    expect(long.ok ? '' : long.error.code).toBe('KeyTooLongError');
  });
});

describe('key order and saving', () => {
  it('orders keys by UTF-8 bytes, not UTF-16 code units', () => {
    expect(compareKeys('a', 'b')).toBeLessThan(0);
    expect(compareKeys('ab', 'a')).toBeGreaterThan(0);
    // U+FF61 is below U+1F600 in UTF-8 even though its UTF-16 unit is above the surrogate 0xD83D.
    expect(compareKeys('\uff61', '\u{1f600}')).toBeLessThan(0);
    expect('\uff61' < '\u{1f600}').toBe(false);
  });

  it('round-trips through JSON with bodies as base64', () => {
    const state = withBucket();
    putObject(state, { Bucket: 'weblogs', Key: 'bin', Body: new Uint8Array([0, 255, 7]) }, millis(1));
    const json = s3StateToJson(state);
    expect(json).toContain('"$bytes":"AP8H"');
    const back = s3StateFromJson(json);
    expect(back.buckets['weblogs']!.objects['bin']!.Body).toEqual(new Uint8Array([0, 255, 7]));
  });
});

describe('MD5 of views', () => {
  it('hashes only the bytes a view covers, even for a Node Buffer slice of a larger pool', () => {
    const pool = new TextEncoder().encode('xxhelloxx');
    expect(md5Hex(pool.subarray(2, 7))).toBe('5d41402abc4b2a76b9719d911017c592');
    const buffer = Buffer.from('xxhelloxx').subarray(2, 7);
    expect(md5Hex(buffer)).toBe('5d41402abc4b2a76b9719d911017c592');
  });
});
