import { describe, expect, it } from 'vitest';
import { millis } from '../../sim/core/index.ts';
import {
  attachRolePolicy,
  createIamState,
  createPolicy,
  createRole,
  putRolePolicy,
  updateAssumeRolePolicy,
} from '../../sim/iam/index.ts';
import {
  advanceClusters,
  createCluster,
  createClusterState,
  deleteCluster,
  describeClusters,
  type CreateClusterInput,
  type DeleteClusterInput,
} from '../../sim/redshift/index.ts';
import { operationErrors, serviceModel } from '../cli-commands/aws-models.ts';

/**
 * The simulated Redshift and IAM speak AWS's API: every input member the simulator takes is a member of
 * the operation's input in AWS's models (the SDK's and botocore's), and every error code it answers with
 * is one the operation declares — or one of the errors AWS's query APIs share (InvalidParameterValue,
 * InvalidParameterCombination, MissingParameter, ValidationError), which the models leave undeclared.
 */
const COMMON_ERRORS = [
  'InvalidParameterValue',
  'InvalidParameterCombination',
  'MissingParameter',
  'ValidationError',
];

/** Every member of CreateClusterInput, so adding one to the type without a value here fails typecheck. */
const CREATE: Required<CreateClusterInput> = {
  ClusterIdentifier: 'demo',
  NodeType: 'dc1.large',
  MasterUsername: 'master',
  MasterUserPassword: 'Workshop2016',
  DBName: 'demo',
  ClusterType: 'multi-node',
  NumberOfNodes: 2,
  Port: 8192,
  PubliclyAccessible: true,
  Encrypted: true,
  KmsKeyId: 'alias/redshift-demo',
  IamRoles: ['arn:aws:iam::123456789012:role/redshift-copy'],
};
const DELETE: Required<DeleteClusterInput> = {
  ClusterIdentifier: 'demo',
  SkipFinalClusterSnapshot: false,
  FinalClusterSnapshotIdentifier: 'demo-final',
};

describe('Redshift’s API model', () => {
  const redshift = serviceModel('redshift')!;

  it('has every member CreateCluster and DeleteCluster take, and the same required ones', () => {
    const create = redshift.input('CreateCluster');
    expect(Object.keys(CREATE).filter((member) => !(member in create.members))).toEqual([]);
    expect([...create.required].sort()).toEqual(['ClusterIdentifier', 'MasterUsername', 'NodeType']);
    expect(create.members.NumberOfNodes!.type).toBe('integer');
    expect(create.members.IamRoles!.type).toBe('list');
    const remove = redshift.input('DeleteCluster');
    expect(Object.keys(DELETE).filter((member) => !(member in remove.members))).toEqual([]);
    expect(redshift.input('DescribeClusters').members).toHaveProperty('ClusterIdentifier');
  });

  it('declares every error code the simulated operations answer with', () => {
    const state = createClusterState('2016');
    const create = (input: Partial<CreateClusterInput>, on = state) =>
      createCluster(on, { ...CREATE, ...input }, millis(0));
    const made = create({});
    if (!made.ok) throw new Error(made.error.message);
    const createCodes = new Set<string>();
    for (const input of [
      { ClusterIdentifier: 'Demo' },
      { NodeType: 'dc2.large' },
      { ClusterType: 'single-node' },
      { NumberOfNodes: 1 },
      { NumberOfNodes: 40 },
      { MasterUserPassword: undefined },
      { Encrypted: false },
    ]) {
      const result = create(input);
      if (!result.ok) createCodes.add(result.error.code);
    }
    const again = create({}, made.value.state);
    if (!again.ok) createCodes.add(again.error.code);
    const legacy = create({}, createClusterState('current'));
    if (!legacy.ok) createCodes.add(legacy.error.code);
    const quota = create(
      { ClusterIdentifier: 'big', NumberOfNodes: 32 },
      {
        ...state,
        clusters: Object.fromEntries(
          Array.from({ length: 6 }, (_, i) => [`c${i}`, { ...made.value.cluster, NumberOfNodes: 32 }]),
        ),
      },
    );
    if (!quota.ok) createCodes.add(quota.error.code);
    expect([...createCodes].sort()).toEqual([
      'ClusterAlreadyExists',
      'InvalidParameterCombination',
      'InvalidParameterValue',
      'MissingParameter',
      'NumberOfNodesPerClusterLimitExceeded',
      'NumberOfNodesQuotaExceeded',
    ]);
    const declared = [...operationErrors('redshift', 'CreateCluster')!, ...COMMON_ERRORS];
    expect([...createCodes].filter((code) => !declared.includes(code))).toEqual([]);

    const deleteCodes = new Set<string>();
    const running = advanceClusters(made.value.state, millis(3_600_000));
    for (const [on, input] of [
      [made.value.state, { ...DELETE, FinalClusterSnapshotIdentifier: undefined }],
      [made.value.state, { ...DELETE, ClusterIdentifier: 'nope' }],
      [made.value.state, DELETE],
    ] as const) {
      const result = deleteCluster(on, input, millis(0));
      if (!result.ok) deleteCodes.add(result.error.code);
    }
    const deleted = deleteCluster(running, DELETE, millis(3_600_000));
    if (!deleted.ok) throw new Error(deleted.error.message);
    const twice = deleteCluster(
      deleted.value.state,
      { ...DELETE, FinalClusterSnapshotIdentifier: 'other' },
      millis(3_600_000),
    );
    if (!twice.ok) deleteCodes.add(twice.error.code);
    const gone = advanceClusters(deleted.value.state, millis(10 * 3_600_000));
    const remade = create({}, gone);
    if (!remade.ok) throw new Error(remade.error.message);
    const sameSnapshot = deleteCluster(
      advanceClusters(remade.value.state, millis(20 * 3_600_000)),
      DELETE,
      millis(20 * 3_600_000),
    );
    if (!sameSnapshot.ok) deleteCodes.add(sameSnapshot.error.code);
    expect([...deleteCodes].sort()).toEqual([
      'ClusterNotFound',
      'ClusterSnapshotAlreadyExists',
      'InvalidClusterState',
      'InvalidParameterCombination',
    ]);
    const declaredDelete = [...operationErrors('redshift', 'DeleteCluster')!, ...COMMON_ERRORS];
    expect([...deleteCodes].filter((code) => !declaredDelete.includes(code))).toEqual([]);
    const missing = describeClusters(state, { ClusterIdentifier: 'nope' });
    expect(!missing.ok && operationErrors('redshift', 'DescribeClusters')).toContain(
      !missing.ok && missing.error.code,
    );
  });
});

describe('IAM’s API model', () => {
  const iam = serviceModel('iam')!;
  const TRUST =
    '{"Statement": {"Effect": "Allow", "Principal": {"Service": "redshift.amazonaws.com"}, "Action": "sts:AssumeRole"}}';

  it('has the members the simulated operations take', () => {
    const members = (operation: string) => Object.keys(iam.input(operation).members);
    expect(members('CreateRole')).toEqual(
      expect.arrayContaining(['RoleName', 'AssumeRolePolicyDocument', 'Path', 'Description']),
    );
    expect(members('PutRolePolicy')).toEqual(
      expect.arrayContaining(['RoleName', 'PolicyName', 'PolicyDocument']),
    );
    expect(members('AttachRolePolicy')).toEqual(expect.arrayContaining(['RoleName', 'PolicyArn']));
    expect(members('UpdateAssumeRolePolicy')).toEqual(expect.arrayContaining(['RoleName', 'PolicyDocument']));
    expect(members('CreatePolicy')).toEqual(expect.arrayContaining(['PolicyName', 'PolicyDocument', 'Path']));
  });

  it('declares the error codes the simulated IAM answers with', () => {
    const created = createRole(
      createIamState(),
      { RoleName: 'r', AssumeRolePolicyDocument: TRUST },
      millis(0),
    );
    if (!created.ok) throw new Error(created.error.message);
    const state = created.value.state;
    const outcomes: [string, { ok: boolean; error?: { code: string } }][] = [
      ['CreateRole', createRole(state, { RoleName: 'r', AssumeRolePolicyDocument: TRUST }, millis(0))],
      ['CreateRole', createRole(state, { RoleName: 's', AssumeRolePolicyDocument: '{' }, millis(0))],
      [
        'CreateRole',
        createRole(
          state,
          {
            RoleName: 's',
            AssumeRolePolicyDocument: TRUST.replace('"Allow"', `"Allow", "Sid": "${'x'.repeat(3000)}"`),
          },
          millis(0),
        ),
      ],
      ['PutRolePolicy', putRolePolicy(state, { RoleName: 'nobody', PolicyName: 'p', PolicyDocument: '{}' })],
      ['PutRolePolicy', putRolePolicy(state, { RoleName: 'r', PolicyName: 'p', PolicyDocument: TRUST })],
      [
        'AttachRolePolicy',
        attachRolePolicy(state, { RoleName: 'r', PolicyArn: 'arn:aws:iam::aws:policy/Nope' }),
      ],
      ['UpdateAssumeRolePolicy', updateAssumeRolePolicy(state, { RoleName: 'r', PolicyDocument: '[' })],
      ['CreatePolicy', createPolicy(state, { PolicyName: 'bad name', PolicyDocument: '{}' })],
    ];
    for (const [operation, outcome] of outcomes) {
      expect(outcome.ok, operation).toBe(false);
      expect([...operationErrors('iam', operation)!, ...COMMON_ERRORS], operation).toContain(
        outcome.error!.code,
      );
    }
  });
});
