import { describe, expect, it } from 'vitest';
import type { S3ObjectView } from '../console-view';
import { breadcrumbs, bucketsOf, listAtPrefix } from './s3-browse';

const object = (bucket: string, key: string, size = 10): S3ObjectView => ({
  bucket,
  key,
  size,
  lastModifiedMs: 0,
  contentEncoding: null,
  etag: '"x"',
});

const objects = [
  object('logs', 'raw/2016/05/24/15/b', 5),
  object('logs', 'raw/2016/05/24/14/a', 7),
  object('logs', 'raw/2016/05/24/14/c', 1),
  object('logs', 'top-level'),
  object('other', 'raw/2016/05/24/14/z'),
];

describe('listAtPrefix', () => {
  it('lists the first slash-delimited level like aws s3 ls', () => {
    const root = listAtPrefix(objects, 'logs', '');
    expect(root.folders).toEqual([{ prefix: 'raw/', name: 'raw/', objects: 3, bytes: 13 }]);
    expect(root.objects.map((o) => o.key)).toEqual(['top-level']);
  });

  it('lists the hour folders, then the objects in one of them in key order', () => {
    expect(listAtPrefix(objects, 'logs', 'raw/2016/05/24/').folders.map((f) => f.name)).toEqual([
      '14/',
      '15/',
    ]);
    const hour = listAtPrefix(objects, 'logs', 'raw/2016/05/24/14/');
    expect(hour.folders).toEqual([]);
    expect(hour.objects.map((o) => o.key)).toEqual(['raw/2016/05/24/14/a', 'raw/2016/05/24/14/c']);
  });

  it('treats a prefix without a trailing slash as a key prefix, as S3 does', () => {
    expect(listAtPrefix(objects, 'logs', 'ra').folders.map((f) => f.prefix)).toEqual(['raw/']);
  });
});

describe('bucketsOf and breadcrumbs', () => {
  it('names each bucket once, sorted', () => {
    expect(bucketsOf(objects)).toEqual(['logs', 'other']);
  });

  it('splits a prefix into its folders', () => {
    expect(breadcrumbs('raw/2016/')).toEqual([
      { label: 'raw/', prefix: 'raw/' },
      { label: '2016/', prefix: 'raw/2016/' },
    ]);
    expect(breadcrumbs('')).toEqual([]);
  });
});
