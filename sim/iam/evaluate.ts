import {
  conditionBaseOperator,
  type ConditionClause,
  type PatternList,
  type PolicyDocument,
  type PolicyStatement,
  type PrincipalElement,
} from './policy-document.ts';

/**
 * IAM's evaluation logic for one account (IAM User Guide, "Policy evaluation logic"): every request starts
 * denied; an Allow in any applicable statement allows it; an explicit Deny in any statement overrides every
 * Allow. A statement applies when its Action (or NotAction), Resource (or NotResource), Principal (trust
 * policies) and every Condition match the request. Wildcards: `*` matches any run of characters
 * (including `/` and `:`), `?` any one character; actions match without regard to case, resources with it.
 *
 * Not modelled: policy variables (`${aws:username}` is compared literally, as in a 2008-10-17 policy),
 * permissions boundaries, session policies, SCPs and resource-based policies (the S3 bucket policy).
 */

/** What IAM is asked: may the principal do `action` on `resource`, with these request facts. */
export interface AuthorizationRequest {
  /** Such as `s3:GetObject` or `sts:AssumeRole`. */
  readonly action: string;
  /** An ARN such as `arn:aws:s3:::bucket/key`; absent for sts:AssumeRole in a trust policy. */
  readonly resource?: string;
  /** Who asks, for trust policies: principal type to identifier, such as `{ Service: 'redshift.amazonaws.com' }`. */
  readonly principal?: Readonly<Record<string, string>>;
  /** Condition keys of the request, such as `s3:prefix` or `sts:ExternalId`. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

/** A policy with the name the learner knows it by. */
export interface NamedPolicy {
  /** Such as `inline policy s3-read` or `arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess`. */
  readonly name: string;
  readonly document: PolicyDocument;
}

/** Which statement decided, so the learner can be shown it. */
export interface DecidingStatement {
  readonly policy: string;
  readonly index: number;
  readonly sid: string | null;
}

/** IAM's answer: allowed, explicitly denied (a Deny matched), or implicitly denied (nothing allowed it). */
export type Decision =
  | { readonly decision: 'Allow'; readonly statement: DecidingStatement }
  | { readonly decision: 'ExplicitDeny'; readonly statement: DecidingStatement }
  | { readonly decision: 'ImplicitDeny' };

const compiled = new Map<string, RegExp>();

/** True when `value` matches an IAM wildcard pattern (`*` any run, `?` one character). */
export function matchesWildcard(pattern: string, value: string, ignoreCase = false): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  }
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let regex = compiled.get(key);
  if (regex === undefined) {
    const body = pattern
      .split('')
      .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\/-]/g, '\\$&')))
      .join('');
    regex = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    compiled.set(key, regex);
  }
  return regex.test(value);
}

function matchesList(list: PatternList, value: string, ignoreCase: boolean): boolean {
  const any = list.patterns.some((pattern) => matchesWildcard(pattern, value, ignoreCase));
  return list.not ? !any : any;
}

function matchesPrincipal(element: PrincipalElement, who: Readonly<Record<string, string>>): boolean {
  const any =
    element.anyone ||
    Object.entries(who).some(([type, id]) =>
      (element.byType[type] ?? []).some((entry) => entry === '*' || entry === id),
    );
  return element.not ? !any : any;
}

function compare(base: string, pattern: string, actual: string): boolean {
  switch (base) {
    case 'StringEquals':
    case 'StringNotEquals':
    case 'ArnEquals':
    case 'ArnNotEquals':
    case 'BinaryEquals':
      return pattern === actual;
    case 'StringEqualsIgnoreCase':
    case 'StringNotEqualsIgnoreCase':
      return pattern.toLowerCase() === actual.toLowerCase();
    case 'StringLike':
    case 'StringNotLike':
    case 'ArnLike':
    case 'ArnNotLike':
      return matchesWildcard(pattern, actual);
    case 'Bool':
      return pattern.toLowerCase() === actual.toLowerCase();
    default: {
      const numeric = base.startsWith('Numeric');
      const a = numeric ? Number(actual) : Date.parse(actual);
      const b = numeric ? Number(pattern) : Date.parse(pattern);
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      if (base.endsWith('NotEquals')) return a === b;
      if (base.endsWith('LessThanEquals')) return a <= b;
      if (base.endsWith('GreaterThanEquals')) return a >= b;
      if (base.endsWith('LessThan')) return a < b;
      if (base.endsWith('GreaterThan')) return a > b;
      return a === b;
    }
  }
}

const NEGATED = /Not(Equals|Like|EqualsIgnoreCase)$|^NotIpAddress$/;

/**
 * One condition clause against the request. A key the request lacks makes a positive operator false and a
 * negated one (StringNotEquals, ArnNotLike …) true; `…IfExists` is true when the key is absent; `Null`
 * tests presence. `ForAllValues:` and `ForAnyValue:` compare each of a multivalued key's values.
 */
export function conditionHolds(clause: ConditionClause, context: AuthorizationRequest['context']): boolean {
  const base = conditionBaseOperator(clause.operator);
  if (base === undefined) return false;
  const raw = context?.[clause.key];
  const actual = raw === undefined ? undefined : typeof raw === 'string' ? [raw] : raw;
  if (base === 'Null') {
    const wantsAbsent = clause.values.some((v) => v.toLowerCase() === 'true');
    return wantsAbsent === (actual === undefined);
  }
  const negated = NEGATED.test(base);
  if (actual === undefined) return clause.operator.endsWith('IfExists') || negated;
  if (base === 'IpAddress' || base === 'NotIpAddress') return negated;
  const matchesOne = (value: string) => clause.values.some((pattern) => compare(base, pattern, value));
  if (clause.operator.startsWith('ForAllValues:')) {
    return actual.every((value) => (negated ? !matchesOne(value) : matchesOne(value)));
  }
  const any = actual.some(matchesOne);
  return negated ? !any : any;
}

function applies(statement: PolicyStatement, request: AuthorizationRequest): boolean {
  if (!matchesList(statement.action, request.action, true)) return false;
  if (statement.resource !== null) {
    if (request.resource === undefined || !matchesList(statement.resource, request.resource, false))
      return false;
  }
  if (statement.principal !== null) {
    if (request.principal === undefined || !matchesPrincipal(statement.principal, request.principal))
      return false;
  }
  return statement.conditions.every((clause) => conditionHolds(clause, request.context));
}

/** Evaluates a request against every policy that applies to the principal (or, for trust, to the role). */
export function evaluatePolicies(policies: readonly NamedPolicy[], request: AuthorizationRequest): Decision {
  let allow: DecidingStatement | undefined;
  for (const policy of policies) {
    for (const [index, statement] of policy.document.statements.entries()) {
      if (!applies(statement, request)) continue;
      const deciding = { policy: policy.name, index, sid: statement.sid };
      if (statement.effect === 'Deny') return { decision: 'ExplicitDeny', statement: deciding };
      allow ??= deciding;
    }
  }
  return allow ? { decision: 'Allow', statement: allow } : { decision: 'ImplicitDeny' };
}
