import { describe, expect, it } from 'vitest';
import { millis, type Millis } from '../../core/index.ts';
import {
  advanceClusters,
  clusterShape,
  createCluster,
  createClusterState,
  deleteCluster,
  describeClusters,
  NODE_QUOTA,
  type CreateClusterInput,
  type RedshiftClusterState,
} from './clusters.ts';
import { creatingDuration } from './lifecycle.ts';

/** The session's own command: aws redshift create-cluster --cluster-identifier demo --db-name demo … --port 8192. */
const WORKSHOP: CreateClusterInput = {
  ClusterIdentifier: 'demo',
  DBName: 'demo',
  NodeType: 'dc1.large',
  ClusterType: 'single-node',
  MasterUsername: 'master',
  MasterUserPassword: 'Workshop2016',
  PubliclyAccessible: true,
  Port: 8192,
};

function created(
  input: CreateClusterInput = WORKSHOP,
  state = createClusterState('2016'),
  now: Millis = millis(0),
) {
  const result = createCluster(state, input, now);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function refusal(
  input: Partial<CreateClusterInput>,
  state: RedshiftClusterState = createClusterState('2016'),
) {
  const result = createCluster(state, { ...WORKSHOP, ...input }, millis(0));
  if (result.ok) throw new Error(`expected a refusal of ${JSON.stringify(input)}`);
  return result.error;
}

describe('CreateCluster', () => {
  it('creates the workshop’s single dc1.large: one shared node with 2 slices, creating until its modelled time', () => {
    const { state, cluster } = created();
    expect(cluster).toMatchObject({
      ClusterIdentifier: 'demo',
      ClusterStatus: 'creating',
      NodeType: 'dc1.large',
      NumberOfNodes: 1,
      DBName: 'demo',
      Port: 8192,
      Endpoint: null,
      Encrypted: false,
      ClusterNodes: [{ NodeRole: 'SHARED', slices: [0, 1] }],
    });
    expect(clusterShape(cluster)).toEqual({ nodeType: 'dc1.large', nodes: 1, slicesPerNode: 2 });
    expect(cluster).not.toHaveProperty('MasterUserPassword');
    const early = advanceClusters(state, millis(creatingDuration(1) - 1));
    expect(early.clusters.demo!.ClusterStatus).toBe('creating');
    const later = advanceClusters(state, creatingDuration(1));
    expect(later.clusters.demo!.ClusterStatus).toBe('available');
    expect(later.clusters.demo!.Endpoint).toEqual({
      Address: expect.stringMatching(/^demo\.c[0-9a-z]{11}\.us-east-1\.redshift\.amazonaws\.com$/),
      Port: 8192,
    });
  });

  it('adds a leader node to a multi-node cluster and numbers the compute nodes’ slices across the cluster', () => {
    const { cluster } = created({
      ...WORKSHOP,
      NodeType: 'ds2.8xlarge',
      ClusterType: 'multi-node',
      NumberOfNodes: 2,
    });
    expect(cluster.ClusterNodes).toEqual([
      { NodeRole: 'LEADER', slices: [] },
      { NodeRole: 'COMPUTE-0', slices: [...Array(16).keys()] },
      { NodeRole: 'COMPUTE-1', slices: [...Array(16).keys()].map((s) => s + 16) },
    ]);
    expect(clusterShape(cluster)).toEqual({ nodeType: 'ds2.8xlarge', nodes: 2, slicesPerNode: 16 });
  });

  it('takes the defaults AWS documents: port 5439, database dev, single-node without ClusterType or NumberOfNodes', () => {
    const { cluster } = created({
      ClusterIdentifier: 'plain',
      NodeType: 'dc1.large',
      MasterUsername: 'master',
      MasterUserPassword: 'Passw0rdX',
    });
    expect(cluster).toMatchObject({
      Port: 5439,
      DBName: 'dev',
      ClusterType: 'single-node',
      NumberOfNodes: 1,
    });
  });

  it('changes the defaults of encryption and public access with the era (new clusters since January 2024)', () => {
    const input = {
      ClusterIdentifier: 'plain',
      NodeType: 'dc2.large',
      MasterUsername: 'master',
      MasterUserPassword: 'Passw0rdX',
    };
    expect(created(input, createClusterState('current')).cluster).toMatchObject({
      Encrypted: true,
      PubliclyAccessible: false,
      KmsKeyId: null,
    });
    expect(created({ ...input, NodeType: 'dc1.large' }).cluster).toMatchObject({
      Encrypted: false,
      PubliclyAccessible: true,
    });
    expect(created({ ...WORKSHOP, Encrypted: true, KmsKeyId: 'alias/redshift-demo' }).cluster).toMatchObject({
      Encrypted: true,
      KmsKeyId: 'alias/redshift-demo',
    });
  });

  it('refuses identifiers that break AWS’s naming rules, saying which rule', () => {
    const cases: [string, RegExp][] = [
      ['Demo', /lowercase: use "demo"/],
      ['1demo', /first character must be a letter/],
      ['demo-', /cannot end with a hyphen/],
      ['de--mo', /two consecutive hyphens/],
      ['de_mo', /"_" is not allowed/],
      ['d'.repeat(64), /1 to 63 characters \(it has 64\)/],
      ['', /1 to 63 characters \(it has 0\)/],
    ];
    for (const [id, message] of cases) {
      expect(refusal({ ClusterIdentifier: id }), id).toMatchObject({
        code: 'InvalidParameterValue',
        path: 'ClusterIdentifier',
        message,
      });
    }
    expect(
      created({ ...WORKSHOP, ClusterIdentifier: `a${'-b'.repeat(31)}` }).cluster.ClusterIdentifier,
    ).toHaveLength(63);
  });

  it('refuses database and master user names Redshift refuses', () => {
    expect(refusal({ DBName: 'Demo' })).toMatchObject({
      code: 'InvalidParameterValue',
      message: expect.stringMatching(/^Only lowercase Database names are supported\./),
    });
    expect(refusal({ DBName: 'select' })).toMatchObject({
      path: 'DBName',
      message: expect.stringMatching(/reserved word/),
    });
    expect(refusal({ DBName: 'web-logs' })).toMatchObject({
      path: 'DBName',
      message: expect.stringMatching(/"-" is not allowed/),
    });
    expect(refusal({ MasterUsername: 'Master' })).toMatchObject({
      path: 'MasterUsername',
      message: expect.stringMatching(/lowercase letters: use "master"/),
    });
    expect(refusal({ MasterUsername: 'user' })).toMatchObject({
      path: 'MasterUsername',
      message: expect.stringMatching(/reserved word/),
    });
    expect(refusal({ MasterUsername: 'public' })).toMatchObject({ path: 'MasterUsername' });
    expect(refusal({ MasterUsername: '_admin' })).toMatchObject({
      message: expect.stringMatching(/first character must be a letter/),
    });
    expect(refusal({ MasterUsername: 'ad:min' })).toMatchObject({
      message: expect.stringMatching(/":" is not allowed/),
    });
    expect(created({ ...WORKSHOP, MasterUsername: 'test_user' }).cluster.MasterUsername).toBe('test_user');
  });

  it('applies the password rules: 8–64 characters, upper, lower, digit, no \' " \\ / @ or space', () => {
    const cases: [string | undefined, string, RegExp][] = [
      ['Short1', 'InvalidParameterValue', /shorter than 8 characters/],
      [`A1${'a'.repeat(63)}`, 'InvalidParameterValue', /longer than 64 characters/],
      ['workshop2016', 'InvalidParameterValue', /at least one uppercase letter/],
      ['WORKSHOP2016', 'InvalidParameterValue', /at least one lowercase letter/],
      ['WorkshopDay', 'InvalidParameterValue', /at least one number/],
      [
        'Work shop2016',
        'InvalidParameterValue',
        /Only printable ASCII characters except for '\/', '@', '"', ' ', '\\', ''' may be used \(found " "\)/,
      ],
      ['Work@shop2016', 'InvalidParameterValue', /found "@"/],
      ["Work'shop2016", 'InvalidParameterValue', /found "'"/],
      ['Wörkshop2016', 'InvalidParameterValue', /found "ö"/],
      [undefined, 'MissingParameter', /MasterUserPassword/],
    ];
    for (const [password, code, message] of cases) {
      expect(refusal({ MasterUserPassword: password }), password).toMatchObject({
        code,
        path: 'MasterUserPassword',
        message,
      });
    }
    expect(
      created({ ...WORKSHOP, MasterUserPassword: 'Aa1!#$%&()*+,-.:;<=>?[]^_`{|}~' }).cluster.ClusterStatus,
    ).toBe('creating');
  });

  it('takes node types from the selected era only', () => {
    expect(refusal({ NodeType: 'dc2.large' })).toMatchObject({
      code: 'InvalidParameterValue',
      path: 'NodeType',
      message: expect.stringMatching(/^Invalid node type: dc2\.large\. DC2 launched after 2016/),
    });
    expect(refusal({ NodeType: 'dc1.large' }, createClusterState('current'))).toMatchObject({
      code: 'NumberOfNodesQuotaExceeded',
      message: expect.stringMatching(
        /^You do not have access to node type dc1\.large\. Choose another node type/,
      ),
    });
    expect(refusal({ NodeType: 'dc1.medium' })).toMatchObject({
      code: 'InvalidParameterValue',
      message: expect.stringMatching(/dc1\.large, dc1\.8xlarge, ds2\.xlarge, ds2\.8xlarge/),
    });
  });

  it('checks cluster type against the number of nodes as the API does', () => {
    expect(refusal({ NumberOfNodes: 1 })).toMatchObject({
      code: 'InvalidParameterValue',
      message: expect.stringMatching(
        /^Number of nodes must be not be supplied for cluster type single-node\./,
      ),
    });
    expect(refusal({ ClusterType: 'multi-node', NumberOfNodes: 1 })).toMatchObject({
      code: 'InvalidParameterCombination',
      message: expect.stringMatching(
        /^Number of nodes for cluster type multi-node must be greater than or equal to 2/,
      ),
    });
    expect(refusal({ ClusterType: 'multi-node' })).toMatchObject({
      code: 'MissingParameter',
      path: 'NumberOfNodes',
    });
    expect(refusal({ ClusterType: 'multinode' })).toMatchObject({
      code: 'InvalidParameterValue',
      message: expect.stringMatching(
        /^Invalid cluster type\. Cluster type can be one of multi-node or single-node/,
      ),
    });
    expect(refusal({ NodeType: 'dc1.8xlarge' })).toMatchObject({
      code: 'InvalidParameterCombination',
      message: expect.stringMatching(/dc1\.8xlarge has no single-node clusters: its clusters have 2 to 128/),
    });
    expect(refusal({ ClusterType: 'multi-node', NumberOfNodes: 33 })).toMatchObject({
      code: 'NumberOfNodesPerClusterLimitExceeded',
      message: expect.stringMatching(/at most 32 nodes/),
    });
    expect(created({ ...WORKSHOP, ClusterType: 'multi-node', NumberOfNodes: 32 }).cluster.NumberOfNodes).toBe(
      32,
    );
    expect(created({ ...WORKSHOP, ClusterType: undefined, NumberOfNodes: 4 }).cluster.ClusterType).toBe(
      'multi-node',
    );
  });

  it('keeps ports inside the documented ranges (RA3: 5431–5455 and 8191–8215)', () => {
    expect(refusal({ Port: 1149 })).toMatchObject({
      code: 'InvalidParameterValue',
      path: 'Port',
      message: expect.stringMatching(/1150–65535/),
    });
    expect(refusal({ Port: 65536 })).toMatchObject({ path: 'Port' });
    const current = createClusterState('current');
    const ra3 = { NodeType: 'ra3.4xlarge', ClusterType: 'multi-node', NumberOfNodes: 2 };
    expect(refusal({ ...ra3, Port: 5439 - 10 }, current)).toMatchObject({
      path: 'Port',
      message: expect.stringMatching(/5431–5455 or 8191–8215/),
    });
    expect(created({ ...WORKSHOP, ...ra3, Port: 8192 }, current).cluster.Port).toBe(8192);
  });

  it('refuses a KMS key without encryption, a malformed key, and role ARNs beyond the era’s limit', () => {
    expect(refusal({ KmsKeyId: 'alias/x', Encrypted: false })).toMatchObject({
      code: 'InvalidParameterCombination',
      path: 'KmsKeyId',
    });
    expect(refusal({ KmsKeyId: 'my key', Encrypted: true })).toMatchObject({
      code: 'InvalidParameterValue',
      path: 'KmsKeyId',
    });
    const role = (i: number) => `arn:aws:iam::123456789012:role/r${i}`;
    expect(refusal({ IamRoles: Array.from({ length: 11 }, (_, i) => role(i)) })).toMatchObject({
      path: 'IamRoles',
      message: expect.stringMatching(/at most 10 IAM roles/),
    });
    const current = createClusterState('current');
    const fifty = Array.from({ length: 50 }, (_, i) => role(i));
    expect(
      created({ ...WORKSHOP, NodeType: 'dc2.large', IamRoles: fifty }, current).cluster.IamRoles,
    ).toHaveLength(50);
    expect(refusal({ IamRoles: ['redshift-copy'] })).toMatchObject({
      path: 'IamRoles',
      message: expect.stringMatching(/role ARNs/),
    });
    expect(refusal({ IamRoles: [role(1), role(1)] })).toMatchObject({
      message: expect.stringMatching(/listed twice/),
    });
  });

  it('refuses a second cluster of the same name and nodes beyond the account quota', () => {
    const { state } = created();
    expect(refusal({}, state)).toMatchObject({
      code: 'ClusterAlreadyExists',
      message: expect.stringMatching(/^Cluster already exists/),
    });
    let big = createClusterState('2016');
    for (let i = 0; i < Math.floor(NODE_QUOTA / 32); i++) {
      big = created(
        { ...WORKSHOP, ClusterIdentifier: `c${i}`, ClusterType: 'multi-node', NumberOfNodes: 32 },
        big,
      ).state;
    }
    expect(
      refusal({ ClusterIdentifier: 'more', ClusterType: 'multi-node', NumberOfNodes: 9 }, big),
    ).toMatchObject({ code: 'NumberOfNodesQuotaExceeded', message: expect.stringMatching(/192 of 200/) });
    expect(
      created({ ...WORKSHOP, ClusterIdentifier: 'more', ClusterType: 'multi-node', NumberOfNodes: 8 }, big)
        .cluster.NumberOfNodes,
    ).toBe(8);
  });
});

describe('DescribeClusters and DeleteCluster', () => {
  const available = () => advanceClusters(created().state, millis(60 * 60_000));

  it('describes one cluster or all, and says ClusterNotFound for a name it lacks', () => {
    const state = available();
    expect(describeClusters(state)).toMatchObject({
      ok: true,
      value: { Clusters: [{ ClusterIdentifier: 'demo' }] },
    });
    expect(describeClusters(state, { ClusterIdentifier: 'demo' }).ok).toBe(true);
    expect(describeClusters(state, { ClusterIdentifier: 'dmeo' })).toMatchObject({
      ok: false,
      error: { code: 'ClusterNotFound', message: expect.stringMatching(/^Cluster dmeo not found\./) },
    });
  });

  it('requires a final snapshot name unless SkipFinalClusterSnapshot, and not both', () => {
    const state = available();
    expect(deleteCluster(state, { ClusterIdentifier: 'demo' }, millis(0))).toMatchObject({
      ok: false,
      error: {
        code: 'InvalidParameterCombination',
        message: expect.stringMatching(
          /^FinalClusterSnapshotIdentifier is required unless SkipFinalClusterSnapshot is specified\./,
        ),
      },
    });
    expect(
      deleteCluster(
        state,
        { ClusterIdentifier: 'demo', SkipFinalClusterSnapshot: true, FinalClusterSnapshotIdentifier: 'x' },
        millis(0),
      ),
    ).toMatchObject({ ok: false, error: { code: 'InvalidParameterCombination' } });
    expect(
      deleteCluster(state, { ClusterIdentifier: 'demo', FinalClusterSnapshotIdentifier: 'Final' }, millis(0)),
    ).toMatchObject({
      ok: false,
      error: { code: 'InvalidParameterValue', path: 'FinalClusterSnapshotIdentifier' },
    });
    expect(
      deleteCluster(state, { ClusterIdentifier: 'nope', SkipFinalClusterSnapshot: true }, millis(0)),
    ).toMatchObject({ ok: false, error: { code: 'ClusterNotFound' } });
  });

  it('deletes through `deleting`, keeps the final snapshot, and refuses a cluster still creating or already deleting', () => {
    expect(
      deleteCluster(
        created().state,
        { ClusterIdentifier: 'demo', SkipFinalClusterSnapshot: true },
        millis(1),
      ),
    ).toMatchObject({ ok: false, error: { code: 'InvalidClusterState' } });
    const now = millis(60 * 60_000);
    const deleted = deleteCluster(
      available(),
      { ClusterIdentifier: 'demo', FinalClusterSnapshotIdentifier: 'demo-final' },
      now,
    );
    if (!deleted.ok) throw new Error(deleted.error.message);
    expect(deleted.value.cluster.ClusterStatus).toBe('deleting');
    expect(deleted.value.state.snapshots['demo-final']).toMatchObject({
      ClusterIdentifier: 'demo',
      NodeType: 'dc1.large',
    });
    expect(
      deleteCluster(deleted.value.state, { ClusterIdentifier: 'demo', SkipFinalClusterSnapshot: true }, now),
    ).toMatchObject({
      ok: false,
      error: { code: 'InvalidClusterState', message: expect.stringMatching(/already being deleted/) },
    });
    const gone = advanceClusters(deleted.value.state, millis(deleted.value.cluster.deletedAt!));
    expect(gone.clusters).toEqual({});
    const again = created(WORKSHOP, gone, now);
    expect(
      deleteCluster(
        advanceClusters(again.state, millis(now * 2)),
        { ClusterIdentifier: 'demo', FinalClusterSnapshotIdentifier: 'demo-final' },
        millis(now * 2),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'ClusterSnapshotAlreadyExists' },
    });
  });
});
