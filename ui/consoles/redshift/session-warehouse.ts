/**
 * The console's warehouse over the simulation: the account's clusters (sim/redshift/cluster), its IAM with
 * the role COPY uses (sim/iam), the simulated S3 with the sample data (sim/s3, sim/weblogs), and the
 * cluster's database (sim/redshift's engine, opened when the cluster becomes available). Each change shows
 * its real command. Runs in the console's worker.
 */
import {
  bytes,
  formatDuration,
  millis,
  type Era,
  type Millis,
  type SimError,
} from '../../../sim/core/index.ts';
import { createIamState, createRole, putRolePolicy, type IamState } from '../../../sim/iam/index.ts';
import { PRICE_BOOKS } from '../../../sim/pricing/index.ts';
import {
  advanceClusters,
  clusterShape,
  clusterUsdPerHour,
  createCluster,
  createClusterState,
  deleteCluster,
  redshiftCost,
  storageUse,
  type CreateClusterInput,
  type RedshiftCluster,
  type RedshiftClusterState,
} from '../../../sim/redshift/index.ts';
import { createBucket, createS3State, putObject, type S3State } from '../../../sim/s3/index.ts';
import { processedAccessLogs } from '../../../sim/weblogs/index.ts';
import type { RealCommand } from '../../shared/cli-commands.ts';
import {
  createClusterCommand,
  createRoleCommand,
  deleteClusterCommand,
  psqlCommand,
  putRolePolicyCommand,
} from '../../shared/redshift-commands.ts';
import type { CreateClusterForm, SampleDataForm } from './protocol.ts';
import type { ClusterActionView, LoadView, SampleDataView } from './redshift-view.ts';
import type { Warehouse, WarehouseFacts, WarehouseStatement } from './warehouse.ts';

/** The bucket the sample data goes to, and its prefix (the workshop's EMR output folder). */
export const SAMPLE_BUCKET = 'bdlab-weblogs';
export const SAMPLE_PREFIX = 'access-log-processed';
/** The role the account has for COPY, as the workshop's prerequisites create it. */
export const COPY_ROLE_NAME = 'RedshiftCopyRole';

const DAY_MS = 86_400_000;

const TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'redshift.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});
const READ_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${SAMPLE_BUCKET}` },
    { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${SAMPLE_BUCKET}/*` },
  ],
});

/** A statement's result as the engine (sim/redshift) gives it. */
export interface EngineStatement {
  readonly sql: string;
  readonly command: string;
  readonly status: 'ok' | 'error';
  readonly error: WarehouseStatement['error'];
  readonly columns: string[] | null;
  readonly rows: (string | number | boolean | null)[][] | null;
  readonly rowCount: number;
  readonly rowsLoaded: number | null;
  readonly loadErrors: number | null;
  readonly explain: string[] | null;
  readonly modelledMillis: number;
  readonly scan:
    readonly { slice: number; rowsScanned: number; blocksScanned: number; blocksSkipped: number }[] | null;
}

/** The cluster's database as the console uses it. */
export interface ConsoleDatabase {
  /** Runs a script; the console gives one statement at a time. */
  execute(script: string): readonly EngineStatement[];
  /** The panels' facts the database knows (tables and their slices, load errors). */
  facts(): Pick<WarehouseFacts, 'tables' | 'loadErrors'> & { readonly storedBytes: number | null };
  close(): void;
}

/** What opening a cluster's database needs. */
export interface OpenDatabaseOptions {
  readonly cluster: ReturnType<typeof clusterShape>;
  readonly region: string;
  readonly clusterIdentifier: string;
  readonly dbName: string;
  readonly dbUser: string;
  readonly era: Era;
  readonly now: () => Millis;
  readonly s3: S3State;
  readonly iam: IamState;
  readonly attachedRoles: readonly string[];
}

/** Opens a cluster's empty database (sql.js loads asynchronously). */
export type OpenDatabase = (options: OpenDatabaseOptions) => Promise<ConsoleDatabase>;

const READ_ONLY = new Set(['SELECT', 'EXPLAIN', 'SHOW']);

function connectionRefused(message: string): WarehouseStatement {
  return {
    sql: '',
    command: '',
    status: 'error',
    // SQLSTATE 08001: the client could not establish the connection.
    error: { code: '08001', message },
    columns: null,
    rows: null,
    rowCount: 0,
    rowsLoaded: null,
    loadErrors: null,
    explain: null,
    modelledMillis: 0,
    changesState: false,
  };
}

/** The warehouse of one console session. */
export class SessionWarehouse implements Warehouse {
  #clusters: RedshiftClusterState;
  #iam: IamState;
  readonly #s3: S3State;
  readonly #epochMs: number;
  readonly #openDatabase: OpenDatabase;
  #database: Promise<ConsoleDatabase> | null = null;
  #opened: ConsoleDatabase | null = null;
  #now = 0;
  readonly #actions: ClusterActionView[] = [];
  readonly #loads: LoadView[] = [];
  #lastScan: WarehouseFacts['lastScan'] = null;
  #sampleData: SampleDataView | null = null;
  readonly #roleArn: string;

  constructor(epochMs: number, openDatabase: OpenDatabase) {
    this.#epochMs = epochMs;
    this.#openDatabase = openDatabase;
    this.#clusters = createClusterState('2016');
    this.#s3 = createS3State(millis(epochMs));
    // The workshop's prerequisites: a role Redshift may assume that may read the bucket.
    const role = createRole(
      (this.#iam = createIamState()),
      { RoleName: COPY_ROLE_NAME, AssumeRolePolicyDocument: TRUST_POLICY },
      millis(epochMs),
    );
    if (!role.ok) throw new Error(role.error.message);
    const policy = putRolePolicy(role.value.state, {
      RoleName: COPY_ROLE_NAME,
      PolicyName: 'ReadWebLogs',
      PolicyDocument: READ_POLICY,
    });
    if (!policy.ok) throw new Error(policy.error.message);
    this.#iam = policy.value;
    this.#roleArn = role.value.role.Arn;
    this.#record(
      0,
      `Account setup: role ${COPY_ROLE_NAME} that Redshift may assume`,
      createRoleCommand(COPY_ROLE_NAME, TRUST_POLICY),
    );
    this.#record(
      0,
      `Account setup: ${COPY_ROLE_NAME} may list and read s3://${SAMPLE_BUCKET}`,
      putRolePolicyCommand(COPY_ROLE_NAME, 'ReadWebLogs', READ_POLICY),
    );
  }

  #abs(nowMs: number): Millis {
    return millis(this.#epochMs + nowMs);
  }

  #cluster(): RedshiftCluster | null {
    return Object.values(this.#clusters.clusters)[0] ?? null;
  }

  #record(atMs: number, summary: string, command: RealCommand): void {
    this.#actions.push({ atMs, summary, command });
  }

  advanceTo(nowMs: number): { readonly becameAvailable: boolean } {
    const before = this.#cluster();
    this.#now = nowMs;
    this.#clusters = advanceClusters(this.#clusters, this.#abs(nowMs));
    const after = this.#cluster();
    if (before !== null && after === null) this.#closeDatabase();
    return { becameAvailable: before?.ClusterStatus === 'creating' && after?.ClusterStatus === 'available' };
  }

  nextChangeMs(): number | null {
    const cluster = this.#cluster();
    if (cluster?.ClusterStatus === 'creating') return cluster.availableAt - this.#epochMs;
    if (cluster?.ClusterStatus === 'deleting' && cluster.deletedAt !== null)
      return cluster.deletedAt - this.#epochMs;
    return null;
  }

  createCluster(form: CreateClusterForm, nowMs: number): readonly SimError[] {
    if (this.#cluster() === null && this.#clusters.era !== form.era)
      this.#clusters = createClusterState(form.era);
    const input: CreateClusterInput = {
      ClusterIdentifier: form.ClusterIdentifier,
      NodeType: form.NodeType,
      MasterUsername: form.MasterUsername,
      MasterUserPassword: form.MasterUserPassword,
      DBName: form.DBName,
      ClusterType: form.ClusterType,
      ...(form.ClusterType === 'multi-node' && form.NumberOfNodes !== null
        ? { NumberOfNodes: form.NumberOfNodes }
        : {}),
      Port: form.Port,
      PubliclyAccessible: form.PubliclyAccessible,
      Encrypted: form.Encrypted,
      IamRoles: form.IamRoles,
    };
    const created = createCluster(this.#clusters, input, this.#abs(nowMs));
    if (!created.ok) return [created.error];
    this.#clusters = created.value.state;
    // The command carries the password the learner chose: the CLI takes it in plain text, as the workshop shows.
    this.#record(
      nowMs,
      `Created cluster ${input.ClusterIdentifier} (${form.NodeType})`,
      createClusterCommand(input, this.#clusters.era),
    );
    return [];
  }

  deleteCluster(nowMs: number): readonly SimError[] {
    const cluster = this.#cluster();
    if (cluster === null) return [{ code: 'ClusterNotFound', message: 'There is no cluster to delete.' }];
    const input = { ClusterIdentifier: cluster.ClusterIdentifier, SkipFinalClusterSnapshot: true };
    const deleted = deleteCluster(this.#clusters, input, this.#abs(nowMs));
    if (!deleted.ok) return [deleted.error];
    this.#clusters = deleted.value.state;
    this.#closeDatabase();
    this.#record(nowMs, `Deleted cluster ${cluster.ClusterIdentifier}`, deleteClusterCommand(input, cluster));
    return [];
  }

  putSampleData(form: SampleDataForm, nowMs: number): readonly SimError[] {
    if (this.#sampleData !== null)
      return [
        {
          code: 'SampleDataExists',
          message: `The sample data is already in s3://${SAMPLE_BUCKET}/${SAMPLE_PREFIX}/.`,
        },
      ];
    const problems: SimError[] = [];
    if (!Number.isInteger(form.days) || form.days < 1 || form.days > 31)
      problems.push({
        code: 'InvalidParameterValue',
        path: 'days',
        message: 'Days must be a whole number from 1 to 31.',
      });
    if (!Number.isInteger(form.requestsPerDay) || form.requestsPerDay < 1 || form.requestsPerDay > 200_000)
      problems.push({
        code: 'InvalidParameterValue',
        path: 'requestsPerDay',
        message: 'Requests per day must be a whole number from 1 to 200,000.',
      });
    if (!Number.isInteger(form.seed) || form.seed < 0)
      problems.push({
        code: 'InvalidParameterValue',
        path: 'seed',
        message: 'The seed must be a whole number of 0 or more.',
      });
    if (problems.length > 0) return problems;
    const today = Math.floor((this.#epochMs + nowMs) / DAY_MS) * DAY_MS;
    const objects = processedAccessLogs({
      seed: form.seed,
      firstDayMs: today - form.days * DAY_MS,
      days: form.days,
      requestsPerDay: form.requestsPerDay,
      filesPerDay: 2,
      prefix: SAMPLE_PREFIX,
    });
    const at = this.#abs(nowMs);
    const bucket = createBucket(this.#s3, { Bucket: SAMPLE_BUCKET }, at);
    if (!bucket.ok) return [bucket.error];
    for (const object of objects) {
      const put = putObject(
        this.#s3,
        {
          Bucket: SAMPLE_BUCKET,
          Key: object.key,
          Body: object.body,
          ContentType: 'text/tab-separated-values',
          ContentEncoding: 'gzip',
        },
        at,
      );
      if (!put.ok) return [put.error];
    }
    this.#sampleData = {
      bucket: SAMPLE_BUCKET,
      prefix: SAMPLE_PREFIX,
      objects: objects.length,
      rows: objects.reduce((sum, o) => sum + o.rows, 0),
      bytes: objects.reduce((sum, o) => sum + o.body.length, 0),
      roleArn: this.#roleArn,
      copySql: [
        'COPY accesslogs',
        `FROM 's3://${SAMPLE_BUCKET}/${SAMPLE_PREFIX}'`,
        'CREDENTIALS',
        `'aws_iam_role=${this.#roleArn}'`,
        "DELIMITER '\\t'",
        'MAXERROR 0',
        'GZIP;',
      ].join('\n'),
    };
    return [];
  }

  async execute(sql: string, nowMs: number): Promise<WarehouseStatement> {
    const cluster = this.#cluster();
    if (cluster === null)
      return {
        ...connectionRefused(
          'could not connect to server: there is no cluster yet. Create one above, then play the clock until it is available.',
        ),
        sql,
      };
    if (cluster.ClusterStatus !== 'available') {
      const wait =
        cluster.ClusterStatus === 'creating'
          ? ` (available in about ${formatDuration(Math.max(0, cluster.availableAt - this.#abs(nowMs)) / 1000)} on the console's clock: play the clock)`
          : '';
      return {
        ...connectionRefused(
          `could not connect to server: cluster ${cluster.ClusterIdentifier} is ${cluster.ClusterStatus}${wait}.`,
        ),
        sql,
      };
    }
    const database = await this.#databaseFor(cluster);
    const [result] = database.execute(sql);
    if (result === undefined)
      return {
        ...connectionRefused('The statement was empty.'),
        sql,
        error: { code: '42601', message: 'The statement was empty.' },
      };
    if (result.scan !== null && result.status === 'ok')
      this.#lastScan = { sql, modelledMillis: result.modelledMillis, slices: result.scan };
    if (result.command === 'COPY') {
      this.#loads.push({
        atMs: nowMs,
        sql,
        status: result.status === 'ok' ? 'loaded' : 'failed',
        rowsLoaded: result.rowsLoaded ?? 0,
        errors: result.loadErrors ?? 0,
        modelledMillis: result.modelledMillis,
      });
    }
    return { ...result, changesState: !READ_ONLY.has(result.command) };
  }

  #databaseFor(cluster: RedshiftCluster): Promise<ConsoleDatabase> {
    if (this.#database === null) {
      this.#database = this.#openDatabase({
        cluster: clusterShape(cluster),
        region: this.#clusters.region,
        clusterIdentifier: cluster.ClusterIdentifier,
        dbName: cluster.DBName,
        dbUser: cluster.MasterUsername,
        era: this.#clusters.era,
        now: () => this.#abs(this.#now),
        s3: this.#s3,
        iam: this.#iam,
        attachedRoles: cluster.IamRoles.map((r) => r.IamRoleArn),
      }).then((db) => (this.#opened = db));
    }
    return this.#database;
  }

  #closeDatabase(): void {
    this.#opened?.close();
    this.#opened = null;
    this.#database = null;
    this.#lastScan = null;
  }

  facts(nowMs: number): WarehouseFacts {
    const cluster = this.#cluster();
    const book = PRICE_BOOKS[this.#clusters.era];
    const cost = redshiftCost(this.#clusters, book, this.#abs(nowMs));
    const database = this.#opened?.facts() ?? { tables: [], loadErrors: [], storedBytes: null };
    let clusterView: WarehouseFacts['cluster'] = null;
    if (cluster !== null) {
      const shape = clusterShape(cluster);
      const perHour = clusterUsdPerHour(cluster.NodeType, cluster.NumberOfNodes, book);
      const storage = storageUse(cluster, bytes(database.storedBytes ?? 0));
      clusterView = {
        identifier: cluster.ClusterIdentifier,
        dbName: cluster.DBName,
        nodeType: cluster.NodeType,
        nodes: cluster.NumberOfNodes,
        slicesPerNode: shape.slicesPerNode,
        status: cluster.ClusterStatus,
        readyAtMs:
          cluster.ClusterStatus === 'creating'
            ? cluster.availableAt - this.#epochMs
            : cluster.deletedAt === null
              ? null
              : cluster.deletedAt - this.#epochMs,
        port: cluster.Port,
        masterUsername: cluster.MasterUsername,
        endpoint: cluster.Endpoint?.Address ?? '(none until available)',
        usdPerHour: perHour.ok ? perHour.value : 0,
        priceSource: perHour.ok ? book.label : perHour.error.message,
        storageUsedBytes: database.storedBytes === null ? null : storage.usedBytes,
        storageCapacityBytes: storage.capacityBytes,
        psql: psqlCommand(cluster),
      };
    }
    return {
      era: this.#clusters.era,
      cluster: clusterView,
      usdSoFar: cost.ok ? cost.value.usdSoFar : 0,
      actions: [...this.#actions],
      tables: database.tables,
      lastScan: this.#lastScan,
      loads: [...this.#loads],
      loadErrors: database.loadErrors,
      sampleData: this.#sampleData,
      copyRoleArn: this.#roleArn,
      notes: NOTES,
    };
  }
}

/** Where the console's model approximates, said on the page. */
export const NOTES: readonly string[] = [
  'The SQL really runs (sql.js, SQLite compiled to WebAssembly) on the rows you loaded; Redshift’s dialect is translated to SQLite’s.',
  'Modelled time is worked out from the blocks and rows each slice reads and the node type’s throughput; it is not how long sql.js took on this computer.',
  'A cluster becomes available after a modelled creation time (real clusters take minutes to tens of minutes); billing starts then, as AWS bills.',
  'The console’s clock starts on the workshop’s day; GETDATE() reads it, never the computer’s clock.',
  'The sample data is generated from a seed: the workshop’s shop is fictional, its requests drawn from a fixed mix.',
];
