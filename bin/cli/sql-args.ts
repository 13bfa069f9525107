import { isEra, type Era } from '../../sim/core/index.ts';
import { UsageError } from './io.ts';

/** What `bdlab sql` was asked to do. */
export interface SqlArgs {
  readonly script: string;
  /** Buckets to fill from folders, in the order given. */
  readonly mounts: readonly { readonly bucket: string; readonly dir: string }[];
  /** Role ARNs to create (trusting Redshift, reading the mounted buckets) and associate with the cluster. */
  readonly roles: readonly string[];
  readonly nodeType: string | undefined;
  readonly nodes: number | undefined;
  readonly era: Era;
  readonly json: boolean;
}

const OPTIONS =
  '--s3 BUCKET=DIR, --role ARN, --node-type TYPE, --nodes N, --era 2016|current, --json, --help';

/** The value after `flag` (as the next word or after `=`), or a usage error that says what to write. */
function valueOf(
  flag: string,
  inline: string | undefined,
  next: string | undefined,
  example: string,
): string {
  const value = inline ?? next;
  if (value === undefined || (inline === undefined && value.startsWith('--'))) {
    throw new UsageError(`${flag} needs a value, such as ${flag} ${example}.`);
  }
  return value;
}

/** Reads the command line of `bdlab sql`; a mistake is a UsageError naming the flag and the fix. */
export function parseSqlArgs(args: readonly string[]): SqlArgs | 'help' {
  let script: string | undefined;
  const mounts: { bucket: string; dir: string }[] = [];
  const roles: string[] = [];
  let nodeType: string | undefined;
  let nodes: number | undefined;
  let era: Era = '2016';
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    const inline = equals > 0 ? arg.slice(equals + 1) : undefined;
    const take = (example: string): string => {
      const value = valueOf(flag, inline, args[i + 1], example);
      if (inline === undefined) i++;
      return value;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--json':
        json = true;
        break;
      case '--s3': {
        const value = take('my-bucket=./data');
        const at = value.indexOf('=');
        if (at <= 0 || at === value.length - 1) {
          throw new UsageError(
            `--s3 ${value}: expected BUCKET=DIR (a bucket name, "=", a folder), such as --s3 my-bucket=./data.`,
          );
        }
        const bucket = value.slice(0, at);
        if (mounts.some((m) => m.bucket === bucket)) {
          throw new UsageError(
            `--s3 ${value}: bucket ${bucket} is mounted twice; give each bucket one folder.`,
          );
        }
        mounts.push({ bucket, dir: value.slice(at + 1) });
        break;
      }
      case '--role':
        roles.push(take('arn:aws:iam::123456789012:role/redshift-copy'));
        break;
      case '--node-type':
        nodeType = take('dc1.large');
        break;
      case '--nodes': {
        const value = take('2');
        if (!/^\d+$/.test(value) || Number(value) < 1) {
          throw new UsageError(
            `--nodes ${value}: give a whole number of compute nodes, 1 or more (1 is a single-node cluster).`,
          );
        }
        nodes = Number(value);
        break;
      }
      case '--era': {
        const value = take('2016');
        if (!isEra(value))
          throw new UsageError(`--era ${value}: choose 2016 (the workshop's node types) or current.`);
        era = value;
        break;
      }
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'. Allowed: ${OPTIONS}.`);
        if (script !== undefined) {
          throw new UsageError(
            `one SQL script at a time (got '${script}' and '${arg}'); put the statements in one file.`,
          );
        }
        script = arg;
    }
  }
  if (script === undefined)
    throw new UsageError('missing the SQL script: bdlab sql SCRIPT.sql [options] (see bdlab sql --help).');
  return { script, mounts, roles, nodeType, nodes, era, json };
}
