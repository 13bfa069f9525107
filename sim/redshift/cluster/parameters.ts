import { fail, ok, type Era, type Result } from '../../core/index.ts';
import { findRedshiftNodeType, REDSHIFT_NODE_TYPES, type RedshiftNodeType } from '../../catalog/index.ts';
import { parseRoleArn } from '../../iam/index.ts';
import { clusterError, type ClusterError } from './errors.ts';
import { isReservedWord } from './reserved-words.ts';

/**
 * CreateCluster's parameter rules, from the Redshift API reference (CreateCluster) and the Cluster
 * Management Guide ("Quotas and limits", "Clusters and nodes"). Where AWS's refusal text is known from its
 * answers it is used as written (including its "must be not be supplied"); the fix follows in plain words.
 */

/** A Result whose error is a cluster refusal. */
export type Checked<T> = Result<T, ClusterError>;

const invalid = (message: string, parameter: string) =>
  fail(clusterError('InvalidParameterValue', message, parameter));

/**
 * Cluster identifiers (and snapshot identifiers): 1–63 characters, lowercase letters, digits and hyphens,
 * a letter first, no hyphen last and no two hyphens in a row.
 */
export function checkIdentifier(value: string, parameter = 'ClusterIdentifier'): Checked<string> {
  const what = parameter === 'ClusterIdentifier' ? 'cluster identifier' : 'snapshot identifier';
  const bad = (why: string) => invalid(`The ${what} "${value}" is not valid: ${why}`, parameter);
  if (value.length < 1 || value.length > 63) return bad(`use 1 to 63 characters (it has ${value.length}).`);
  if (/[A-Z]/.test(value))
    return bad(`alphabetic characters must be lowercase: use "${value.toLowerCase()}".`);
  const other = /[^a-z0-9-]/.exec(value);
  if (other) return bad(`"${other[0]}" is not allowed; use lowercase letters, digits and hyphens.`);
  if (!/^[a-z]/.test(value)) return bad('the first character must be a letter.');
  if (value.endsWith('-')) return bad('it cannot end with a hyphen.');
  if (value.includes('--')) return bad('it cannot contain two consecutive hyphens.');
  return ok(value);
}

/** The first database's name: 1–64 lowercase letters and digits, not a reserved word; `dev` by default. */
export function checkDbName(value: string | undefined): Checked<string> {
  if (value === undefined) return ok('dev');
  if (value.length < 1 || value.length > 64) {
    return invalid(`The database name must have 1 to 64 characters (it has ${value.length}).`, 'DBName');
  }
  if (/[A-Z]/.test(value)) {
    return invalid(`Only lowercase Database names are supported. Use "${value.toLowerCase()}".`, 'DBName');
  }
  const other = /[^a-z0-9]/.exec(value);
  if (other) {
    return invalid(
      `The database name "${value}" is not valid: "${other[0]}" is not allowed; use lowercase letters and digits.`,
      'DBName',
    );
  }
  if (isReservedWord(value)) {
    return invalid(
      `The database name "${value}" is a reserved word in Redshift; pick another, such as "demo".`,
      'DBName',
    );
  }
  return ok(value);
}

/**
 * The master user name: 1–128 characters, a letter first; lowercase letters, digits, `_ + . @ -`; not
 * PUBLIC or a reserved word. (The 2016 reference said "alphanumeric" but accepted underscores.)
 */
export function checkMasterUsername(value: string | undefined): Checked<string> {
  if (value === undefined || value === '') {
    return fail(
      clusterError(
        'MissingParameter',
        'The request must contain the parameter MasterUsername, such as --master-username master.',
        'MasterUsername',
      ),
    );
  }
  const bad = (why: string) =>
    invalid(`The master user name "${value}" is not valid: ${why}`, 'MasterUsername');
  if (value.length > 128) return bad(`use at most 128 characters (it has ${value.length}).`);
  if (!/^[A-Za-z]/.test(value)) return bad('the first character must be a letter.');
  if (/[A-Z]/.test(value))
    return bad(`it must contain only lowercase letters: use "${value.toLowerCase()}".`);
  const other = /[^a-z0-9_+.@-]/.exec(value);
  if (other) return bad(`"${other[0]}" is not allowed; use lowercase letters, digits, _ + . @ or -.`);
  if (value === 'public' || isReservedWord(value))
    return bad('it is a reserved word; pick another, such as "master".');
  return ok(value);
}

const PASSWORD_FORBIDDEN = `/@"' \\`;

/**
 * The master user password: 8–64 characters with an uppercase letter, a lowercase letter and a digit;
 * printable ASCII (33–126) except `' " \ / @`. The password is checked, never stored.
 */
export function checkMasterUserPassword(value: string | undefined): Checked<true> {
  if (value === undefined || value === '') {
    return fail(
      clusterError(
        'MissingParameter',
        'The request must contain the parameter MasterUserPassword, such as --master-user-password Workshop2016.',
        'MasterUserPassword',
      ),
    );
  }
  const bad = (why: string) =>
    invalid(`The parameter MasterUserPassword is not a valid password${why}`, 'MasterUserPassword');
  if (value.length < 8) return bad(` because it is shorter than 8 characters (it has ${value.length}).`);
  if (value.length > 64) return bad(` because it is longer than 64 characters (it has ${value.length}).`);
  const outside = [...value].find(
    (c) => c.charCodeAt(0) < 33 || c.charCodeAt(0) > 126 || PASSWORD_FORBIDDEN.includes(c),
  );
  if (outside !== undefined) {
    return bad(
      `. Only printable ASCII characters except for '/', '@', '"', ' ', '\\', ''' may be used (found ${JSON.stringify(outside)}).`,
    );
  }
  if (!/[A-Z]/.test(value)) return bad('. It must contain at least one uppercase letter.');
  if (!/[a-z]/.test(value)) return bad('. It must contain at least one lowercase letter.');
  if (!/[0-9]/.test(value)) return bad('. It must contain at least one number.');
  return ok(true);
}

/** The default port, and the workshop's. */
export const DEFAULT_PORT = 5439;
export const WORKSHOP_PORT = 8192;

/** Ports a cluster may listen on: 1150–65535, or for RA3 5431–5455 and 8191–8215. */
export function checkPort(value: number | undefined, node: RedshiftNodeType): Checked<number> {
  const port = value ?? DEFAULT_PORT;
  const ra3 = node.family === 'ra3 managed storage';
  const inRange = ra3
    ? (port >= 5431 && port <= 5455) || (port >= 8191 && port <= 8215)
    : port >= 1150 && port <= 65535;
  if (!Number.isInteger(port) || !inRange) {
    const ranges = ra3 ? '5431–5455 or 8191–8215' : '1150–65535';
    return invalid(
      `The port number ${port} is not valid for ${node.name}: choose a port within ${ranges} (default ${DEFAULT_PORT}).`,
      'Port',
    );
  }
  return ok(port);
}

/** The node type of the selected era. */
export function checkNodeType(value: string | undefined, era: Era): Checked<RedshiftNodeType> {
  const ofEra = REDSHIFT_NODE_TYPES.filter((n) => n.era === era).map((n) => n.name);
  if (value === undefined || value === '') {
    return fail(
      clusterError(
        'MissingParameter',
        `The request must contain the parameter NodeType, one of ${ofEra.join(', ')}.`,
        'NodeType',
      ),
    );
  }
  const node = findRedshiftNodeType(value);
  if (node === undefined)
    return invalid(`Invalid node type: ${value}. The node types are ${ofEra.join(', ')}.`, 'NodeType');
  if (node.era !== era) {
    return era === '2016'
      ? invalid(
          `Invalid node type: ${value}. ${node.introduced ?? 'It did not exist in 2016'}; in 2016 the node types were ${ofEra.join(', ')}.`,
          'NodeType',
        )
      : fail(
          clusterError(
            'NumberOfNodesQuotaExceeded',
            `You do not have access to node type ${value}. Choose another node type: ${node.name} is a legacy type today (upgrade path to ${ofEra.join(', ')}).`,
            'NodeType',
          ),
        );
  }
  return ok(node);
}

/** How many compute nodes, from ClusterType and NumberOfNodes as the API combines them. */
export function checkNodeCount(
  clusterType: string | undefined,
  numberOfNodes: number | undefined,
  node: RedshiftNodeType,
): Checked<{ readonly clusterType: 'single-node' | 'multi-node'; readonly nodes: number }> {
  // Without ClusterType, leaving NumberOfNodes out gives a single-node cluster; otherwise multi-node is the default.
  const type = clusterType ?? (numberOfNodes === undefined ? 'single-node' : 'multi-node');
  if (type !== 'single-node' && type !== 'multi-node') {
    return invalid(
      `Invalid cluster type. Cluster type can be one of multi-node or single-node (found "${type}").`,
      'ClusterType',
    );
  }
  if (type === 'single-node') {
    if (numberOfNodes !== undefined) {
      return invalid(
        'Number of nodes must be not be supplied for cluster type single-node. Leave out --number-of-nodes, or choose --cluster-type multi-node with 2 or more nodes.',
        'NumberOfNodes',
      );
    }
    if (node.minNodes > 1) {
      return fail(
        clusterError(
          'InvalidParameterCombination',
          `Node type ${node.name} has no single-node clusters: its clusters have ${node.minNodes} to ${node.maxNodes} compute nodes. Choose --cluster-type multi-node --number-of-nodes ${node.minNodes}, or a smaller node type.`,
          'ClusterType',
        ),
      );
    }
    return ok({ clusterType: type, nodes: 1 });
  }
  if (numberOfNodes === undefined) {
    return fail(
      clusterError(
        'MissingParameter',
        'A multi-node cluster needs the parameter NumberOfNodes (2 or more), such as --number-of-nodes 2.',
        'NumberOfNodes',
      ),
    );
  }
  if (!Number.isInteger(numberOfNodes) || numberOfNodes < 2) {
    return fail(
      clusterError(
        'InvalidParameterCombination',
        `Number of nodes for cluster type multi-node must be greater than or equal to 2 (found ${numberOfNodes}). For one node, use --cluster-type single-node without --number-of-nodes.`,
        'NumberOfNodes',
      ),
    );
  }
  if (numberOfNodes > node.maxNodes) {
    return fail(
      clusterError(
        'NumberOfNodesPerClusterLimitExceeded',
        `The operation would exceed the number of nodes allowed for a cluster: ${node.name} clusters have at most ${node.maxNodes} nodes (asked for ${numberOfNodes}). Choose a larger node type for more capacity.`,
        'NumberOfNodes',
      ),
    );
  }
  return ok({ clusterType: type, nodes: numberOfNodes });
}

const KMS_KEY =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|alias\/[\w/.-]+|arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(?:key\/[0-9a-f-]{36}|alias\/[\w/.-]+))$/;

/**
 * Whether a new cluster is encrypted when Encrypted is left out: not in 2016; today yes, since AWS changed
 * the defaults of new clusters in January 2024 (encrypted, not publicly accessible).
 */
export const DEFAULT_ENCRYPTED: Readonly<Record<Era, boolean>> = { '2016': false, current: true };
/** Whether a new cluster is publicly accessible when PubliclyAccessible is left out (see DEFAULT_ENCRYPTED). */
export const DEFAULT_PUBLICLY_ACCESSIBLE: Readonly<Record<Era, boolean>> = { '2016': true, current: false };

/**
 * Encryption at rest: Encrypted with an optional KMS key (by id, ARN, alias name or alias ARN). Without a
 * key Redshift uses its default one (KmsKeyId null): AWS's managed key for Redshift in 2016, an AWS owned
 * key today.
 */
export function checkEncryption(
  encrypted: boolean | undefined,
  kmsKeyId: string | undefined,
  era: Era,
): Checked<{ readonly Encrypted: boolean; readonly KmsKeyId: string | null }> {
  const on = encrypted ?? DEFAULT_ENCRYPTED[era];
  if (kmsKeyId === undefined) return ok({ Encrypted: on, KmsKeyId: null });
  if (!on) {
    return fail(
      clusterError(
        'InvalidParameterCombination',
        'KmsKeyId can be given only for an encrypted cluster: add --encrypted, or leave out --kms-key-id.',
        'KmsKeyId',
      ),
    );
  }
  if (!KMS_KEY.test(kmsKeyId)) {
    return invalid(
      `The KMS key "${kmsKeyId}" is not a key id, key ARN, alias name or alias ARN (such as alias/redshift-demo or arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab).`,
      'KmsKeyId',
    );
  }
  return ok({ Encrypted: true, KmsKeyId: kmsKeyId });
}

/** Roles a cluster may have: 10 in 2016 (Management Guide, "Limits", January 2018), 50 today. */
export const MAX_IAM_ROLES: Readonly<Record<Era, number>> = { '2016': 10, current: 50 };

/** The IAM roles to associate, as role ARNs. */
export function checkIamRoles(roles: readonly string[] | undefined, era: Era): Checked<readonly string[]> {
  const list = roles ?? [];
  if (list.length > MAX_IAM_ROLES[era]) {
    return invalid(
      `A cluster can have at most ${MAX_IAM_ROLES[era]} IAM roles (asked for ${list.length}).`,
      'IamRoles',
    );
  }
  for (const arn of list) {
    const parsed = parseRoleArn(arn);
    if (!parsed.ok) return invalid(`IamRoles takes role ARNs: ${parsed.error.message}`, 'IamRoles');
  }
  const duplicate = list.find((arn, i) => list.indexOf(arn) !== i);
  if (duplicate !== undefined)
    return invalid(`The role ${duplicate} is listed twice in IamRoles.`, 'IamRoles');
  return ok(list);
}
