import { bytes, millis, type Bytes } from '../core/index.ts';
import { defineComponent } from '../scenario/index.ts';
import { array, object, optional, string, type Infer, type SchemaIssue } from '../scenario/index.ts';
import { validateBucketName } from './bucket-name.ts';
import { createBucket } from './objects.ts';
import { createS3State, type S3State } from './state.ts';

/** A bucket name as a scenario writes it (the full rules are checked by `validateBucketName`). */
export const bucketNameSchema = string({
  minLength: 3,
  maxLength: 63,
  pattern: { regex: /^[a-z0-9.-]+$/, description: 'lower-case letters, digits, "." and "-"' },
});

/** `s3`: buckets created at time 0 (a delivery stream's bucket is created for it when not listed). */
export const s3Schema = optional(
  object({ buckets: optional(array(bucketNameSchema, { maxItems: 100 }), []) }),
  {
    buckets: [],
  },
);

/** The `s3` field as written in the scenario. */
export type S3Scenario = Infer<typeof s3Schema>;

/** The `s3` section of a scenario report: each bucket's size and the requests billed. */
export type S3Report = {
  readonly buckets: readonly { readonly name: string; readonly objects: number; readonly bytes: Bytes }[];
  readonly requests: { readonly putCopyPostList: number; readonly get: number };
};

/** The `s3` scenario component: buckets created at time 0; other services create theirs when they start. */
export const s3Component = defineComponent<'s3', S3Scenario, S3State, never>({
  field: 's3',
  schema: s3Schema,
  checkScenario(s3) {
    const issues: SchemaIssue[] = [];
    s3.buckets.forEach((name, i) => {
      const valid = validateBucketName(name);
      if (!valid.ok) issues.push({ path: `$.s3.buckets[${i}]`, message: valid.error.message });
    });
    return issues;
  },
  initialState: () => createS3State(millis(0)),
  module: { name: 's3', handlers: {} },
  start(state, s3) {
    for (const Bucket of s3.buckets) {
      if (!state.services.s3.buckets[Bucket]) createBucket(state.services.s3, { Bucket }, millis(0));
    }
  },
  report(state): S3Report {
    const s3 = state.services.s3;
    return {
      buckets: Object.values(s3.buckets).map((bucket) => ({
        name: bucket.Name,
        objects: bucket.sortedKeys.length,
        bytes: bytes(bucket.sortedKeys.reduce((sum, key) => sum + bucket.objects[key]!.ContentLength, 0)),
      })),
      requests: {
        putCopyPostList: s3.usage.putCopyPostListRequests,
        get: s3.usage.getRequests,
      },
    };
  },
});
