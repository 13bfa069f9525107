import { fail, ok, parseJsonText, type Result, type SimError } from '../core/index.ts';

/**
 * IAM policy documents, read and checked the way IAM does when a policy is saved (CreateRole's
 * AssumeRolePolicyDocument, PutRolePolicy, CreatePolicy): valid JSON, a Statement of one object or a list,
 * each with Effect, Action or NotAction, and — by kind — Resource (permission policies) or Principal (trust
 * policies). Refusals are `MalformedPolicyDocument` with IAM's sentence where it has a well-known one, the
 * JSON path of the element, and how to fix it. Element names are read without regard to case, as IAM does
 * (the workshop's own policies write "version" and "statement"); Effect's values are case-sensitive.
 */

/** A trust policy says who may assume a role; a permission policy says what the role may do. */
export type PolicyKind = 'trust' | 'permissions';

/** Patterns of an Action/NotAction or Resource/NotResource element. */
export interface PatternList {
  /** True for NotAction / NotResource: the statement covers everything the patterns do not match. */
  readonly not: boolean;
  readonly patterns: readonly string[];
}

/** A Principal/NotPrincipal element: `"*"`, or lists by principal type (AWS, Service, Federated …). */
export interface PrincipalElement {
  readonly not: boolean;
  /** `"Principal": "*"`: everyone. */
  readonly anyone: boolean;
  readonly byType: Readonly<Record<string, readonly string[]>>;
}

/** One test of a Condition block: `"StringLike": { "s3:prefix": ["logs/*"] }` gives one clause per key. */
export interface ConditionClause {
  /** The operator as written, such as `StringLike`, `ForAnyValue:StringEquals` or `ArnLikeIfExists`. */
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

/** One statement, normalised: single values become lists. */
export interface PolicyStatement {
  readonly sid: string | null;
  readonly effect: 'Allow' | 'Deny';
  readonly action: PatternList;
  /** Null in a trust policy (it has no Resource). */
  readonly resource: PatternList | null;
  /** Null in a permission policy (it has no Principal). */
  readonly principal: PrincipalElement | null;
  readonly conditions: readonly ConditionClause[];
}

/** A checked policy document. */
export interface PolicyDocument {
  /** `2012-10-17`, the older `2008-10-17`, or null when the document leaves Version out. */
  readonly version: string | null;
  readonly statements: readonly PolicyStatement[];
}

const CONDITION_OPERATORS = new Set(
  [
    'StringEquals StringNotEquals StringEqualsIgnoreCase StringNotEqualsIgnoreCase StringLike StringNotLike',
    'NumericEquals NumericNotEquals NumericLessThan NumericLessThanEquals NumericGreaterThan NumericGreaterThanEquals',
    'DateEquals DateNotEquals DateLessThan DateLessThanEquals DateGreaterThan DateGreaterThanEquals',
    'Bool BinaryEquals IpAddress NotIpAddress ArnEquals ArnLike ArnNotEquals ArnNotLike',
  ]
    .join(' ')
    .split(' '),
);

/** The base operator of a condition (`ForAnyValue:StringLikeIfExists` → `StringLike`), or undefined. */
export function conditionBaseOperator(operator: string): string | undefined {
  const unqualified = operator.replace(/^(ForAnyValue|ForAllValues):/, '');
  if (unqualified === 'Null') return operator === 'Null' ? 'Null' : undefined;
  const base = unqualified.endsWith('IfExists') ? unqualified.slice(0, -'IfExists'.length) : unqualified;
  return CONDITION_OPERATORS.has(base) ? base : undefined;
}

const malformed = (message: string, path: string): SimError => ({
  code: 'MalformedPolicyDocument',
  message,
  path,
});

const SYNTAX = 'Syntax errors in policy.';
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;
const AWS_PRINCIPAL = /^(\*|\d{12}|arn:aws[a-z-]*:(iam|sts)::\d{12}:\S+)$/;
const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object's members by lower-case name (IAM reads element names without regard to case). */
function members(object: Json): Map<string, { name: string; value: unknown }> {
  return new Map(Object.entries(object).map(([name, value]) => [name.toLowerCase(), { name, value }]));
}

/** A string or a non-empty list of strings, as a list; undefined when it is neither. */
function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value;
  return undefined;
}

function patternElement(
  statement: Map<string, { name: string; value: unknown }>,
  names: readonly [string, string],
  path: string,
  check: (pattern: string, where: string) => SimError | undefined,
): Result<PatternList | null> {
  const [positive, negative] = names;
  const yes = statement.get(positive.toLowerCase());
  const no = statement.get(negative.toLowerCase());
  if (yes && no) {
    return fail(
      malformed(
        `${SYNTAX} ${path} has both ${positive} and ${negative}; a statement takes one of them.`,
        path,
      ),
    );
  }
  const found = yes ?? no;
  if (!found) return ok(null);
  const where = `${path}.${found.name}`;
  const patterns = stringList(found.value);
  if (patterns === undefined) {
    return fail(malformed(`${SYNTAX} ${where} must be a string or a list of strings.`, where));
  }
  for (const [i, pattern] of patterns.entries()) {
    const problem = check(pattern, patterns.length > 1 ? `${where}[${i}]` : where);
    if (problem) return fail(problem);
  }
  return ok({ not: found === no, patterns });
}

function checkAction(pattern: string, where: string): SimError | undefined {
  if (pattern === '*' || /^[a-zA-Z0-9-]+:[\w*?-]*$/.test(pattern)) return undefined;
  return malformed(
    `Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. (${where} is "${pattern}": write SERVICE:ACTION, such as s3:GetObject.)`,
    where,
  );
}

function checkResource(pattern: string, where: string): SimError | undefined {
  if (pattern === '*' || pattern.startsWith('arn:')) return undefined;
  return malformed(
    `Resource ${pattern} must be in ARN format or "*". (${where}: a bucket is arn:aws:s3:::BUCKET, its objects arn:aws:s3:::BUCKET/*.)`,
    where,
  );
}

function principalElement(value: unknown, not: boolean, where: string): Result<PrincipalElement> {
  if (value === '*') return ok({ not, anyone: true, byType: {} });
  if (!isObject(value)) {
    return fail(
      malformed(
        `${SYNTAX} ${where} must be "*" or an object such as {"Service": "redshift.amazonaws.com"}.`,
        where,
      ),
    );
  }
  const byType: Record<string, readonly string[]> = {};
  for (const [type, entries] of Object.entries(value)) {
    const known = PRINCIPAL_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
    const list = stringList(entries);
    if (known === undefined || list === undefined) {
      return fail(
        malformed(
          `Invalid principal in policy: ${JSON.stringify(type)}. (${where} takes AWS, Service, Federated or CanonicalUser, each a string or a list of strings.)`,
          `${where}.${type}`,
        ),
      );
    }
    for (const entry of list) {
      const valid =
        known === 'Service'
          ? SERVICE_PRINCIPAL.test(entry)
          : known === 'AWS'
            ? AWS_PRINCIPAL.test(entry)
            : entry !== '';
      if (!valid) {
        return fail(
          malformed(
            `Invalid principal in policy: "${known.toUpperCase()}":"${entry}". (${known === 'Service' ? 'A service principal is the service’s host name, such as redshift.amazonaws.com.' : 'An AWS principal is "*", an account id or an IAM ARN.'})`,
            `${where}.${type}`,
          ),
        );
      }
    }
    byType[known] = [...(byType[known] ?? []), ...list];
  }
  return ok({ not, anyone: false, byType });
}

function conditions(value: unknown, where: string): Result<ConditionClause[]> {
  if (!isObject(value)) {
    return fail(
      malformed(
        `${SYNTAX} ${where} must be an object such as {"StringLike": {"s3:prefix": "logs/*"}}.`,
        where,
      ),
    );
  }
  const clauses: ConditionClause[] = [];
  for (const [operator, tests] of Object.entries(value)) {
    if (conditionBaseOperator(operator) === undefined) {
      return fail(
        malformed(
          `Invalid Condition type : ${operator}. (${where}: see the IAM condition operators, such as StringEquals or StringLike.)`,
          `${where}.${operator}`,
        ),
      );
    }
    if (!isObject(tests)) {
      return fail(
        malformed(
          `${SYNTAX} ${where}.${operator} must map condition keys to values.`,
          `${where}.${operator}`,
        ),
      );
    }
    for (const [key, raw] of Object.entries(tests)) {
      const list = Array.isArray(raw) ? raw : [raw];
      if (list.length === 0 || !list.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
        return fail(
          malformed(
            `${SYNTAX} ${where}.${operator}.${key} must be a value or a list of values.`,
            `${where}.${operator}.${key}`,
          ),
        );
      }
      clauses.push({ operator, key, values: list.map(String) });
    }
  }
  return ok(clauses);
}

const STATEMENT_ELEMENTS = [
  'sid',
  'effect',
  'action',
  'notaction',
  'resource',
  'notresource',
  'principal',
  'notprincipal',
  'condition',
];

function statementOf(value: unknown, kind: PolicyKind, path: string): Result<PolicyStatement> {
  if (!isObject(value)) return fail(malformed(`${SYNTAX} ${path} must be an object.`, path));
  const element = members(value);
  for (const [lower, { name }] of element) {
    if (!STATEMENT_ELEMENTS.includes(lower)) {
      return fail(malformed(`${SYNTAX} ${path} has an unknown element "${name}".`, `${path}.${name}`));
    }
  }
  const sid = element.get('sid')?.value;
  if (sid !== undefined && typeof sid !== 'string') {
    return fail(malformed(`${SYNTAX} ${path}.Sid must be a string.`, `${path}.Sid`));
  }
  const effect = element.get('effect');
  if (effect === undefined) {
    return fail(
      malformed(
        `${SYNTAX} ${path} has no Effect: add "Effect": "Allow" or "Effect": "Deny".`,
        `${path}.Effect`,
      ),
    );
  }
  if (effect.value !== 'Allow' && effect.value !== 'Deny') {
    return fail(
      malformed(
        `${SYNTAX} ${path}.Effect must be "Allow" or "Deny", spelled exactly so (found ${JSON.stringify(effect.value)}).`,
        `${path}.Effect`,
      ),
    );
  }
  const action = patternElement(element, ['Action', 'NotAction'], path, checkAction);
  if (!action.ok) return action;
  if (action.value === null) {
    return fail(
      malformed(
        `Policy statement must contain actions. (${path}: add "Action", such as ${kind === 'trust' ? '"sts:AssumeRole"' : '"s3:GetObject"'}.)`,
        `${path}.Action`,
      ),
    );
  }
  const resource = patternElement(element, ['Resource', 'NotResource'], path, checkResource);
  if (!resource.ok) return resource;
  const principalEntry = element.get('principal') ?? element.get('notprincipal');
  let principal: PrincipalElement | null = null;
  if (kind === 'permissions') {
    if (principalEntry) {
      return fail(
        malformed(
          `Policy document should not specify a principal. (${path}.${principalEntry.name}: a permission policy applies to the role it is attached to; the principal belongs in the role's trust policy.)`,
          `${path}.${principalEntry.name}`,
        ),
      );
    }
    if (resource.value === null) {
      return fail(
        malformed(
          `Policy statement must contain resources. (${path}: add "Resource", such as "arn:aws:s3:::BUCKET/*".)`,
          `${path}.Resource`,
        ),
      );
    }
  } else {
    const resourceEntry = element.get('resource') ?? element.get('notresource');
    if (resourceEntry) {
      return fail(
        malformed(
          `Has prohibited field ${resourceEntry.name}. (${path}: a trust policy names who may assume the role, not resources.)`,
          `${path}.${resourceEntry.name}`,
        ),
      );
    }
    if (!principalEntry) {
      return fail(
        malformed(
          `${SYNTAX} ${path} has no Principal: a trust policy names who may assume the role, such as "Principal": {"Service": "redshift.amazonaws.com"}.`,
          `${path}.Principal`,
        ),
      );
    }
    const parsed = principalElement(
      principalEntry.value,
      principalEntry.name.toLowerCase() === 'notprincipal',
      `${path}.${principalEntry.name}`,
    );
    if (!parsed.ok) return parsed;
    principal = parsed.value;
  }
  const condition = element.get('condition');
  const clauses = condition ? conditions(condition.value, `${path}.${condition.name}`) : ok([]);
  if (!clauses.ok) return clauses;
  return ok({
    sid: sid ?? null,
    effect: effect.value,
    action: action.value,
    resource: kind === 'permissions' ? resource.value : null,
    principal,
    conditions: clauses.value,
  });
}

/** Reads and checks a policy document's JSON text. */
export function parsePolicyDocument(text: string, kind: PolicyKind): Result<PolicyDocument> {
  const json = parseJsonText(text);
  if (!json.ok) return fail(malformed(`This policy contains invalid Json: ${json.message}`, '$'));
  if (!isObject(json.value)) {
    return fail(
      malformed(`${SYNTAX} A policy is a JSON object: {"Version": "2012-10-17", "Statement": [...]}.`, '$'),
    );
  }
  const element = members(json.value);
  for (const [lower, { name }] of element) {
    if (!['version', 'id', 'statement'].includes(lower)) {
      return fail(
        malformed(
          `${SYNTAX} The policy has an unknown element "${name}" (it takes Version, Id and Statement).`,
          name,
        ),
      );
    }
  }
  const version = element.get('version');
  if (version && version.value !== '2012-10-17' && version.value !== '2008-10-17') {
    return fail(
      malformed(
        `${SYNTAX} Version must be "2012-10-17" (or the older "2008-10-17"), found ${JSON.stringify(version.value)}.`,
        version.name,
      ),
    );
  }
  const statement = element.get('statement');
  if (!statement) return fail(malformed(`${SYNTAX} The policy has no Statement.`, 'Statement'));
  const list = Array.isArray(statement.value) ? statement.value : [statement.value];
  if (list.length === 0) return fail(malformed(`${SYNTAX} The Statement list is empty.`, statement.name));
  const statements: PolicyStatement[] = [];
  for (const [i, item] of list.entries()) {
    const parsed = statementOf(
      item,
      kind,
      Array.isArray(statement.value) ? `${statement.name}[${i}]` : statement.name,
    );
    if (!parsed.ok) return parsed;
    statements.push(parsed.value);
  }
  return ok({ version: (version?.value as string | undefined) ?? null, statements });
}

/** The size IAM counts against its policy quotas: characters, not counting white space. */
export function policySize(text: string): number {
  let size = 0;
  for (const char of text) if (!/\s/.test(char)) size++;
  return size;
}
