/**
 * Reads an S3 object for the browser panel: the stored bytes, decompressed and previewed as text by the
 * downstream panels' `openObject` (GZIP and ZIP, as Firehose writes them).
 */
import type { S3State } from '../../../sim/s3/index.ts';
import type { ObjectBodyView } from './console-view.ts';
// Straight from the module, not the panels' index, so the worker bundle takes no Svelte components.
import { openObject } from './panels-downstream/object-body.ts';

/** The object's content, or why it cannot be shown. */
export function readObjectBody(
  s3: S3State | undefined,
  bucket: string,
  key: string,
): { ok: true; body: ObjectBodyView } | { ok: false; message: string } {
  const object = s3?.buckets[bucket]?.objects[key];
  if (object === undefined) {
    return { ok: false, message: `NoSuchKey: s3://${bucket}/${key} does not exist (any more) in this run.` };
  }
  try {
    return { ok: true, body: openObject(bucket, key, object.Body, object.ContentEncoding ?? null) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
