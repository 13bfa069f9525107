/**
 * A warehouse double for the engine's and the session's tests: records what it was asked, has a cluster
 * that takes 10 minutes to become available, and gives statement results the test decides (a promise the
 * test settles for a statement still running). Not used by the app: the real warehouse is sim-warehouse.ts.
 */
import type { SimError } from '../../../sim/core/index.ts';
import type { CreateClusterForm } from './protocol.ts';
import type { Warehouse, WarehouseFacts, WarehouseStatement } from './warehouse.ts';

export class RecordingWarehouse implements Warehouse {
  readonly calls: string[] = [];
  availableAt: number | null = null;
  available = false;
  constructor(
    readonly results: (
      sql: string,
    ) => Partial<WarehouseStatement> | Promise<Partial<WarehouseStatement>> = () => ({}),
  ) {}
  advanceTo(nowMs: number) {
    const becameAvailable = !this.available && this.availableAt !== null && nowMs >= this.availableAt;
    if (becameAvailable) this.available = true;
    return { becameAvailable };
  }
  nextChangeMs() {
    return this.available ? null : this.availableAt;
  }
  createCluster(form: CreateClusterForm, nowMs: number): SimError[] {
    this.calls.push(`create ${form.ClusterIdentifier} at ${nowMs}`);
    if (this.availableAt !== null) return [{ code: 'ClusterAlreadyExists', message: 'exists' }];
    this.availableAt = nowMs + 600_000;
    return [];
  }
  deleteCluster(): SimError[] {
    return [];
  }
  putSampleData(): SimError[] {
    return [];
  }
  async execute(sql: string, nowMs: number): Promise<WarehouseStatement> {
    this.calls.push(`${sql} at ${nowMs}`);
    return {
      sql,
      command: 'SELECT',
      status: 'ok',
      error: null,
      columns: ['n'],
      rows: [[1]],
      rowCount: 1,
      rowsLoaded: null,
      loadErrors: null,
      explain: null,
      modelledMillis: 0,
      changesState: false,
      ...(await this.results(sql)),
    };
  }
  facts(): WarehouseFacts {
    return {
      era: '2016',
      cluster: null,
      usdSoFar: 0,
      actions: [],
      tables: [],
      lastScan: null,
      loads: [],
      loadErrors: [],
      sampleData: null,
      copyRoleArn: 'arn:aws:iam::123456789012:role/RedshiftCopyRole',
      notes: [],
    };
  }
}

/** The workshop's create-cluster form. */
export const workshopForm: CreateClusterForm = {
  era: '2016',
  ClusterIdentifier: 'demo',
  DBName: 'demo',
  NodeType: 'dc1.large',
  ClusterType: 'single-node',
  NumberOfNodes: null,
  MasterUsername: 'master',
  MasterUserPassword: 'Passw0rd1',
  Port: 8192,
  PubliclyAccessible: true,
  Encrypted: false,
  IamRoles: [],
};
