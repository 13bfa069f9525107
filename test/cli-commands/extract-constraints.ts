/**
 * Writes `botocore-constraints.json`: the input shapes of the operations the app shows commands for, with
 * the constraints the AWS SDK for JavaScript's bundled models leave out (`min`, `max`, `pattern`, `enum`,
 * `deprecated`). They come from botocore, the library whose models the AWS CLI itself runs on.
 *
 *   npx tsx test/cli-commands/extract-constraints.ts <botocore>/data <botocore version>
 *
 * Only what the commands use is kept: each operation's input members, and the full shapes of the members
 * named in `FOLLOW` (the structures a command passes as JSON); other members keep only their type. Each
 * operation's error codes (the `code` the service answers with) are kept too, for the simulators' refusals.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';

const OPERATIONS: Record<string, { version: string; operations: string[] }> = {
  kinesis: {
    version: '2013-12-02',
    operations: ['SplitShard', 'MergeShards', 'UpdateShardCount', 'PutRecord'],
  },
  firehose: { version: '2015-08-04', operations: ['CreateDeliveryStream', 'DescribeDeliveryStream'] },
  dynamodb: { version: '2012-08-10', operations: ['Scan'] },
  s3: { version: '2006-03-01', operations: ['ListObjectsV2', 'GetObject'] },
  redshift: {
    version: '2012-12-01',
    operations: ['CreateCluster', 'DescribeClusters', 'DeleteCluster', 'ModifyClusterIamRoles'],
  },
  iam: {
    version: '2010-05-08',
    operations: ['CreateRole', 'PutRolePolicy', 'AttachRolePolicy', 'UpdateAssumeRolePolicy', 'CreatePolicy'],
  },
};
const FOLLOW = new Set(['S3DestinationConfiguration']);
const KEPT = ['type', 'required', 'min', 'max', 'pattern', 'enum', 'deprecated'] as const;

interface BotocoreShape {
  type: string;
  members?: Record<string, { shape: string; deprecated?: boolean }>;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  [constraint: string]: unknown;
}

const [dataDir, version] = process.argv.slice(2);
if (dataDir === undefined || version === undefined) {
  console.error('usage: extract-constraints.ts <botocore data folder> <botocore version>');
  process.exit(2);
}

function load(
  service: string,
  apiVersion: string,
): {
  shapes: Record<string, BotocoreShape>;
  operations: Record<string, { input: { shape: string }; errors?: { shape: string }[] }>;
} {
  const file = join(dataDir!, service, apiVersion, 'service-2.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = gunzipSync(readFileSync(`${file}.gz`)).toString('utf8');
  }
  return JSON.parse(text);
}

const out: Record<string, unknown> = {};
for (const [service, { version: apiVersion, operations }] of Object.entries(OPERATIONS)) {
  const model = load(service, apiVersion);
  const shapes: Record<string, unknown> = {};
  const keep = (name: string, deep: boolean): void => {
    if (name in shapes) return;
    const shape = model.shapes[name]!;
    const kept: Record<string, unknown> = {};
    for (const field of KEPT) if (shape[field] !== undefined) kept[field] = shape[field];
    shapes[name] = kept;
    if (!deep) return;
    if (shape.members) {
      kept.members = Object.fromEntries(
        Object.entries(shape.members).map(([member, ref]) => [
          member,
          ref.deprecated ? { shape: ref.shape, deprecated: true } : { shape: ref.shape },
        ]),
      );
      for (const ref of Object.values(shape.members)) keep(ref.shape, true);
    }
    for (const part of ['member', 'key', 'value'] as const) {
      const ref = shape[part] as { shape: string } | undefined;
      if (ref) {
        kept[part] = { shape: ref.shape };
        keep(ref.shape, true);
      }
    }
  };
  const inputs: Record<string, string> = {};
  const errors: Record<string, string[]> = {};
  for (const operation of operations) {
    errors[operation] = (model.operations[operation]!.errors ?? []).map((ref) => {
      const error = model.shapes[ref.shape]!.error as { code?: string } | undefined;
      return error?.code ?? ref.shape;
    });
    const input = model.operations[operation]!.input.shape;
    inputs[operation] = input;
    const shape = model.shapes[input]!;
    const kept: Record<string, unknown> = { type: 'structure' };
    if (shape.required) kept.required = shape.required;
    kept.members = Object.fromEntries(
      Object.entries(shape.members ?? {}).map(([member, ref]) => [
        member,
        ref.deprecated ? { shape: ref.shape, deprecated: true } : { shape: ref.shape },
      ]),
    );
    shapes[input] = kept;
    for (const [member, ref] of Object.entries(shape.members ?? {})) keep(ref.shape, FOLLOW.has(member));
  }
  out[service] = { apiVersion, inputs, errors, shapes };
}

const target = new URL('./botocore-constraints.json', import.meta.url);
writeFileSync(
  target,
  `${JSON.stringify({ source: `botocore ${version} (the models the AWS CLI runs on), Apache-2.0`, services: out }, null, 1)}\n`,
);
console.log(`wrote ${target.pathname}`);
