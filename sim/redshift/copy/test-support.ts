import { gzipSync } from 'fflate';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { millis } from '../../core/index.ts';
import { createIamState, createRole, putRolePolicy, type IamState } from '../../iam/index.ts';
import { createBucket, createS3State, putObject, type S3State } from '../../s3/index.ts';
import { parseAccessLogTime } from '../../weblogs/index.ts';
import { isTypeNameError, parseTypeName, type RedshiftType, type StoredValue } from '../types/index.ts';
import type { CopyContext, CopyTarget } from './context.ts';
import { s3AccessFromIam } from './iam-access.ts';
import { createLoadLog } from './load-log.ts';
import { runCopy, type CopyOutcome } from './run-copy.ts';
import type { SqlToken } from './tokens.ts';
import { runUnload, type UnloadOutcome } from './unload.ts';

/**
 * Hand-made tokens for this folder's tests: words, 'strings' ('' inside), "quoted" names, numbers and
 * one-character symbols — enough for COPY and UNLOAD statements, so the option model is tested on tokens
 * the way the SQL front end hands them over.
 */
export function tokensOf(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (c === "'" || c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= sql.length) throw new Error(`unterminated ${c} at ${start}`);
        if (sql[i] === c) {
          if (sql[i + 1] === c) {
            value += c;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += sql[i];
        i++;
      }
      tokens.push({ kind: c === "'" ? 'string' : 'quoted', value, start });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      while (i < sql.length && /[A-Za-z0-9_$]/.test(sql[i]!)) i++;
      tokens.push({ kind: 'word', value: sql.slice(start, i), start });
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < sql.length && /[0-9.]/.test(sql[i]!)) i++;
      tokens.push({ kind: 'number', value: sql.slice(start, i), start });
      continue;
    }
    tokens.push({ kind: 'punctuation', value: c, start });
    i++;
  }
  return tokens;
}

const utf8 = new TextEncoder();

/** Gzip of a text, as the workshop's EMR step writes its output. */
export function gzipText(text: string): Uint8Array {
  return gzipSync(utf8.encode(text), { mtime: 0 });
}

/**
 * One line of the real Apache log (/work/shared/data) as the workshop's EMR step writes it for COPY: the
 * nine accesslogs columns, tab-separated, the time as Hive prints a timestamp, and `-` response sizes
 * emptied (seed: "Create a Data Frame and Transform the Data").
 */
export function accessLogToTsv(line: string): string {
  const space1 = line.indexOf(' ');
  const host = line.slice(0, space1);
  const open = line.indexOf('[');
  const close = line.indexOf(']', open);
  const at = parseAccessLogTime(line);
  if (at === undefined) throw new Error(`no time in: ${line}`);
  const q1 = line.indexOf('"', close);
  const q2 = line.indexOf('"', q1 + 1);
  const request = line.slice(q1 + 1, q2).split(' ');
  const rest = line.slice(q2 + 2);
  const sp = rest.indexOf(' ');
  const code = rest.slice(0, sp);
  const sp2 = rest.indexOf(' ', sp + 1);
  const size = rest.slice(sp + 1, sp2);
  const r1 = rest.indexOf('"', sp2);
  const r2 = rest.indexOf('"', r1 + 1);
  const a1 = rest.indexOf('"', r2 + 1);
  const a2 = rest.lastIndexOf('"');
  const iso = new Date(at).toISOString();
  return [
    host,
    `${iso.slice(0, 10)} ${iso.slice(11, 19)}`,
    request[0] ?? '',
    request[1] ?? '',
    request[2] ?? '',
    code.replace('-', ''),
    size.replace('-', ''),
    rest.slice(r1 + 1, r2),
    rest.slice(a1 + 1, a2),
  ].join('\t');
}

/**
 * The real log's lines (10,000, 17–20 May 2015), from the project's shared data folder beside the checkout
 * (`shared/data/apache_access_2015.log` in this folder or any parent).
 */
export function realAccessLogLines(): string[] {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'shared', 'data', 'apache_access_2015.log');
    if (existsSync(file))
      return readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l !== '');
    if (dirname(dir) === dir)
      throw new Error(
        'shared/data/apache_access_2015.log (the real Apache log) was not found above the checkout.',
      );
  }
}

export const ROLE_ARN = 'arn:aws:iam::123456789012:role/redshift-copy';
const TRUST_REDSHIFT = JSON.stringify({
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Action: 'sts:AssumeRole' },
});
const READ_WRITE = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::*' },
    { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::*/*' },
  ],
});

/** The workshop's accesslogs table (seed: "Create an Amazon Redshift Table to Hold Your Data"). */
export const ACCESSLOGS: CopyTarget = {
  name: 'accesslogs',
  id: 108_123,
  columns: [
    ['host_address', 'varchar(512)'],
    ['request_time', 'timestamp'],
    ['request_method', 'varchar(5)'],
    ['request_path', 'varchar(1024)'],
    ['request_protocol', 'varchar(10)'],
    ['response_code', 'int'],
    ['response_size', 'int'],
    ['referrer_host', 'varchar(1024)'],
    ['user_agent', 'varchar(512)'],
  ].map(([name, type]) => ({ name: name!, type: typeOf(type!), notNull: false })),
};

export function typeOf(name: string): RedshiftType {
  const t = parseTypeName(name);
  if (isTypeNameError(t)) throw new Error(t.error);
  return t;
}

/** A cluster with S3, IAM, a table store and a load log: what the database gives COPY, in memory. */
export interface Fixture {
  readonly ctx: CopyContext;
  readonly s3: S3State;
  /** Rows inserted per table, in insertion order. */
  readonly tables: Map<string, StoredValue[][]>;
  /** Runs a COPY or UNLOAD statement written as text. */
  copy(sql: string): CopyOutcome;
  unload(sql: string): UnloadOutcome;
  put(key: string, body: Uint8Array | string, bucket?: string): void;
}

export interface FixtureOptions {
  readonly targets?: readonly CopyTarget[];
  readonly slicesPerNode?: number;
  readonly nodes?: number;
  /** Roles associated with the cluster (default: the role). */
  readonly associated?: readonly string[];
  /** Replace the IAM account (for refusal tests). */
  readonly iam?: IamState;
  readonly select?: CopyContext['select'];
}

/** An IAM account whose role trusts Redshift and may read and write every bucket. */
export function iamWithRole(trust = TRUST_REDSHIFT, permissions: string | null = READ_WRITE): IamState {
  const created = createRole(
    createIamState(),
    { RoleName: 'redshift-copy', AssumeRolePolicyDocument: trust },
    millis(0),
  );
  if (!created.ok) throw new Error(created.error.message);
  if (permissions === null) return created.value.state;
  const put = putRolePolicy(created.value.state, {
    RoleName: 'redshift-copy',
    PolicyName: 's3',
    PolicyDocument: permissions,
  });
  if (!put.ok) throw new Error(put.error.message);
  return put.value;
}

export function fixture(options: FixtureOptions = {}): Fixture {
  const s3 = createS3State(millis(0));
  createBucket(s3, { Bucket: 'logs' }, millis(0));
  const tables = new Map<string, StoredValue[][]>();
  const targets = options.targets ?? [ACCESSLOGS];
  let query = 1000;
  const base = {
    table: (name: string) => targets.find((t) => t.name === name),
    insertRows: (table: string, rows: StoredValue[][]) => {
      tables.set(table, [...(tables.get(table) ?? []), ...rows]);
    },
    transaction: <T>(fn: () => T): T => {
      const before = new Map(tables);
      try {
        return fn();
      } catch (e) {
        tables.clear();
        before.forEach((rows, name) => tables.set(name, rows));
        throw e;
      }
    },
    s3,
    access: s3AccessFromIam(options.iam ?? iamWithRole(), options.associated ?? [ROLE_ARN], {
      region: 'us-east-1',
      clusterIdentifier: 'demo',
      dbUser: 'master',
    }),
    defaultRoleArn: null,
    region: 'us-east-1',
    cluster: { nodeType: 'dc1.large', nodes: options.nodes ?? 1, slicesPerNode: options.slicesPerNode ?? 2 },
    now: () => millis(Date.UTC(2016, 5, 7, 16, 30)),
    userId: 100,
    session: 4242,
    log: createLoadLog(),
    select: options.select ?? (() => ({ code: '0A000', message: 'no SELECT in this fixture' })),
  };
  const ctxFor = (): CopyContext => ({ ...base, queryId: ++query });
  return {
    get ctx() {
      return ctxFor();
    },
    s3,
    tables,
    copy: (sql) => runCopy(ctxFor(), tokensOf(sql), sql.length),
    unload: (sql) => runUnload(ctxFor(), tokensOf(sql), sql.length),
    put: (key, body, bucket = 'logs') => {
      const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
      const put = putObject(s3, { Bucket: bucket, Key: key, Body: bytes }, millis(0));
      if (!put.ok) throw new Error(put.error.message);
    },
  };
}
