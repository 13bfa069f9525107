/**
 * AWS's published API models, as the command validator reads them. Operations, members, `required` and
 * types come from the models the AWS SDK for JavaScript ships (`aws-sdk/apis/*.min.json`, a maintained
 * package); that "min" form drops the value constraints, so `min`, `max`, `pattern`, `enum` and
 * `deprecated` come from botocore — the library whose models the AWS CLI itself runs on — extracted into
 * `botocore-constraints.json` by `extract-constraints.ts`. `membersDisagree` compares the two.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const constraints = require('./botocore-constraints.json') as {
  services: Record<'kinesis' | 'firehose' | 'dynamodb' | 's3' | 'redshift' | 'iam', unknown>;
};

/** An input shape, resolved: its type and, by kind, its members, element or key and value shapes. */
export interface Shape {
  readonly type:
    | 'structure'
    | 'list'
    | 'map'
    | 'string'
    | 'integer'
    | 'long'
    | 'boolean'
    | 'blob'
    | 'timestamp'
    | 'double'
    | 'float';
  readonly required: readonly string[];
  readonly members: Readonly<Record<string, Shape>>;
  readonly member?: Shape;
  readonly key?: Shape;
  readonly value?: Shape;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  /** Marked deprecated in the model (still accepted). */
  readonly deprecated?: boolean;
}

/** One service's model: the CLI's name for it and its operations. */
export interface ServiceModel {
  readonly cliName: string;
  /** Operations by the CLI's name (`split-shard`) to the API's (`SplitShard`). */
  readonly operations: ReadonlyMap<string, string>;
  /** The input shape of an operation (by the API's name), resolved. */
  input(operation: string): Shape;
}

/** The model file of each service the app shows commands for, by the CLI's service name. */
const MODEL_FILES: Record<string, { file: string; botocore: keyof typeof constraints.services }> = {
  kinesis: { file: 'kinesis-2013-12-02', botocore: 'kinesis' },
  firehose: { file: 'firehose-2015-08-04', botocore: 'firehose' },
  dynamodb: { file: 'dynamodb-2012-08-10', botocore: 'dynamodb' },
  s3api: { file: 's3-2006-03-01', botocore: 's3' },
  redshift: { file: 'redshift-2012-12-01', botocore: 'redshift' },
  iam: { file: 'iam-2010-05-08', botocore: 'iam' },
};

/**
 * The CLI's spelling of a model name: botocore's `xform_name` (CamelCase to snake case, a run of capitals
 * kept together) with `-` for `_` — `SplitShard` → `split-shard`, `ListObjectsV2` → `list-objects-v2`,
 * `S3DestinationConfiguration` → `s3-destination-configuration`.
 */
export function cliName(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

interface MinShape {
  type?: string;
  shape?: string;
  required?: string[];
  members?: Record<string, MinShape>;
  member?: MinShape;
  key?: MinShape;
  value?: MinShape;
}

interface BotocoreShape {
  type: string;
  required?: string[];
  members?: Record<string, { shape: string; deprecated?: boolean }>;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  deprecated?: boolean;
}

interface BotocoreService {
  inputs: Record<string, string>;
  errors?: Record<string, string[]>;
  shapes: Record<string, BotocoreShape>;
}

const loaded = new Map<string, ServiceModel>();

/**
 * The error codes an operation answers with, from botocore's model (such as `ClusterAlreadyExists` for
 * Redshift's CreateCluster), or undefined when the extract does not cover the operation.
 */
export function operationErrors(cliService: string, operation: string): readonly string[] | undefined {
  const files = MODEL_FILES[cliService];
  if (files === undefined) return undefined;
  const botocore = constraints.services[files.botocore] as unknown as BotocoreService;
  return botocore.errors?.[operation];
}

/** The model of a service by the CLI's name (`kinesis`, `firehose`, `dynamodb`, `s3api`, `redshift`, `iam`), or undefined. */
export function serviceModel(cliService: string): ServiceModel | undefined {
  const files = MODEL_FILES[cliService];
  if (files === undefined) return undefined;
  const cached = loaded.get(cliService);
  if (cached) return cached;
  const sdk = require(`aws-sdk/apis/${files.file}.min.json`) as {
    operations: Record<string, { input?: MinShape }>;
    shapes: Record<string, MinShape>;
  };
  const botocore = constraints.services[files.botocore] as unknown as BotocoreService;
  const resolveSdk = (ref: MinShape): MinShape =>
    ref.shape ? { ...sdk.shapes[ref.shape]!, ...ref, shape: undefined } : ref;
  // Joins a member of the SDK's model with botocore's shape of the same member, when botocore has it.
  const build = (ref: MinShape, boto: BotocoreShape | undefined, depth: number): Shape => {
    const sdkShape = resolveSdk(ref);
    const type = (sdkShape.type ?? 'string') as Shape['type'];
    const members: Record<string, Shape> = {};
    if (type === 'structure' && depth < 8) {
      for (const [name, member] of Object.entries(sdkShape.members ?? {})) {
        const bref = boto?.members?.[name];
        const bshape = bref ? botocore.shapes[bref.shape] : undefined;
        const built = build(member, bshape, depth + 1);
        members[name] = bref?.deprecated ? { ...built, deprecated: true } : built;
      }
    }
    const part = (name: 'member' | 'key' | 'value') => {
      const sub = sdkShape[name];
      if (sub === undefined) return undefined;
      const bref = boto?.[name];
      return build(sub, bref ? botocore.shapes[bref.shape] : undefined, depth + 1);
    };
    return {
      type,
      required: sdkShape.required ?? [],
      members,
      member: part('member'),
      key: part('key'),
      value: part('value'),
      min: boto?.min,
      max: boto?.max,
      pattern: boto?.pattern,
      enum: boto?.enum,
      deprecated: boto?.deprecated,
    };
  };
  const model: ServiceModel = {
    cliName: cliService,
    operations: new Map(Object.keys(sdk.operations).map((name) => [cliName(name), name])),
    input(operation) {
      const input = sdk.operations[operation]?.input ?? { type: 'structure', members: {} };
      const botoName = botocore.inputs[operation];
      return build(input, botoName ? botocore.shapes[botoName] : undefined, 0);
    },
  };
  loaded.set(cliService, model);
  return model;
}

/**
 * Where the two models disagree about what a call uses: a member it gives that one model lacks, or a
 * different set of required members. Members neither given nor required may differ: the SDK for JavaScript
 * v2 reached its end of support in September 2025 and its models stopped there, while botocore keeps
 * adding members (Firehose's DirectPutSourceConfiguration and DatabaseSourceConfiguration, for example).
 * Empty when they agree, or when botocore's extract does not cover the operation.
 */
export function membersDisagree(cliService: string, operation: string, used: readonly string[]): string[] {
  const files = MODEL_FILES[cliService];
  const model = serviceModel(cliService);
  if (files === undefined || model === undefined) return [];
  const botocore = constraints.services[files.botocore] as unknown as BotocoreService;
  const botoName = botocore.inputs[operation];
  if (botoName === undefined) return [];
  const boto = botocore.shapes[botoName]!;
  const sdk = model.input(operation);
  const problems: string[] = [];
  for (const member of used) {
    if (!(member in sdk.members)) problems.push(`${operation}: the SDK's model has no member ${member}`);
    if (!(member in (boto.members ?? {})))
      problems.push(`${operation}: botocore's model has no member ${member}`);
  }
  if ([...sdk.required].sort().join() !== [...(boto.required ?? [])].sort().join()) {
    problems.push(`${operation}: required members differ`);
  }
  return problems;
}
