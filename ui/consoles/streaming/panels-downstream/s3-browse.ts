/**
 * The S3 browser's listing: one "folder" level at a time, as `aws s3 ls` and ListObjectsV2 with
 * `Delimiter: '/'` show it — the common prefixes up to the next slash, then the objects directly at the
 * prefix. Works on the bounded object list each console frame carries.
 */
import type { S3ObjectView } from '../console-view';

/** A common prefix ("folder") under the current prefix, with how many listed objects it holds. */
export interface FolderEntry {
  readonly prefix: string;
  /** The part after the current prefix, as the browser prints it (`2016/`, `05/`). */
  readonly name: string;
  readonly objects: number;
  readonly bytes: number;
}

/** One listing level of a bucket. */
export interface PrefixListing {
  readonly bucket: string;
  readonly prefix: string;
  readonly folders: readonly FolderEntry[];
  /** Objects whose key has no further slash after the prefix, newest key last (S3 lists in key order). */
  readonly objects: readonly S3ObjectView[];
}

/** The buckets that appear in the list, in name order. */
export function bucketsOf(objects: readonly S3ObjectView[]): readonly string[] {
  return [...new Set(objects.map((object) => object.bucket))].sort();
}

/**
 * Lists `bucket` at `prefix` with `/` as the delimiter. Keys are compared as strings, which matches S3's
 * UTF-8 binary order for the ASCII keys Firehose writes.
 */
export function listAtPrefix(
  objects: readonly S3ObjectView[],
  bucket: string,
  prefix: string,
): PrefixListing {
  const folders = new Map<string, { objects: number; bytes: number }>();
  const direct: S3ObjectView[] = [];
  for (const object of objects) {
    if (object.bucket !== bucket || !object.key.startsWith(prefix)) continue;
    const slash = object.key.indexOf('/', prefix.length);
    if (slash === -1) {
      direct.push(object);
      continue;
    }
    const folder = object.key.slice(0, slash + 1);
    const entry = folders.get(folder) ?? { objects: 0, bytes: 0 };
    entry.objects += 1;
    entry.bytes += object.size;
    folders.set(folder, entry);
  }
  const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    bucket,
    prefix,
    folders: [...folders.entries()]
      .sort(([a], [b]) => byString(a, b))
      .map(([folder, entry]) => ({ prefix: folder, name: folder.slice(prefix.length), ...entry })),
    objects: direct.sort((a, b) => byString(a.key, b.key)),
  };
}

/** The breadcrumb trail of a prefix: `a/b/` → `[{label: 'a/', prefix: 'a/'}, {label: 'b/', prefix: 'a/b/'}]`. */
export function breadcrumbs(prefix: string): readonly { readonly label: string; readonly prefix: string }[] {
  const crumbs: { label: string; prefix: string }[] = [];
  let start = 0;
  for (let slash = prefix.indexOf('/'); slash !== -1; slash = prefix.indexOf('/', start)) {
    crumbs.push({ label: prefix.slice(start, slash + 1), prefix: prefix.slice(0, slash + 1) });
    start = slash + 1;
  }
  return crumbs;
}
