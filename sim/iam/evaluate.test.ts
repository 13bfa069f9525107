import { describe, expect, it } from 'vitest';
import { evaluatePolicies, matchesWildcard, type NamedPolicy } from './evaluate.ts';
import { parsePolicyDocument } from './policy-document.ts';

/**
 * Cases from the IAM User Guide: "Policy evaluation logic" (default deny, explicit deny wins), "IAM JSON
 * policy elements: NotAction / NotResource / Resource" (wildcards span path segments) and "Condition
 * operators" (a missing key fails a positive operator and satisfies a negated one).
 */

function policy(name: string, document: object): NamedPolicy {
  const parsed = parsePolicyDocument(JSON.stringify(document), 'permissions');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { name, document: parsed.value };
}

const allowReadLogs = policy('read', {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'],
    },
  ],
});

describe('IAM wildcards', () => {
  it('lets * span slashes and colons and ? stand for exactly one character', () => {
    expect(matchesWildcard('arn:aws:s3:::logs/*', 'arn:aws:s3:::logs/2016/07/14/part-0.gz')).toBe(true);
    expect(matchesWildcard('arn:aws:s3:::logs/*', 'arn:aws:s3:::logs')).toBe(false);
    expect(matchesWildcard('arn:aws:s3:::log?', 'arn:aws:s3:::logs')).toBe(true);
    expect(matchesWildcard('arn:aws:s3:::log?', 'arn:aws:s3:::log')).toBe(false);
    expect(matchesWildcard('arn:aws:s3:::a.b', 'arn:aws:s3:::aXb')).toBe(false);
  });

  it('compares actions without regard to case and resources with it', () => {
    const decide = (action: string, resource: string) =>
      evaluatePolicies([allowReadLogs], { action, resource }).decision;
    expect(decide('S3:getobject', 'arn:aws:s3:::logs/a.gz')).toBe('Allow');
    expect(decide('s3:GetObject', 'arn:aws:s3:::LOGS/a.gz')).toBe('ImplicitDeny');
  });
});

describe('IAM evaluation logic', () => {
  it('denies by default when no statement allows the request', () => {
    expect(
      evaluatePolicies([allowReadLogs], { action: 's3:PutObject', resource: 'arn:aws:s3:::logs/a' }),
    ).toEqual({
      decision: 'ImplicitDeny',
    });
    expect(evaluatePolicies([], { action: 's3:GetObject', resource: 'arn:aws:s3:::logs/a' }).decision).toBe(
      'ImplicitDeny',
    );
  });

  it('lets an explicit Deny in any policy override every Allow, whatever the order', () => {
    const deny = policy('deny-private', {
      Statement: {
        Sid: 'NoPrivate',
        Effect: 'Deny',
        Action: 's3:*',
        Resource: 'arn:aws:s3:::logs/private/*',
      },
    });
    for (const policies of [
      [allowReadLogs, deny],
      [deny, allowReadLogs],
    ]) {
      const decision = evaluatePolicies(policies, {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::logs/private/x',
      });
      expect(decision).toEqual({
        decision: 'ExplicitDeny',
        statement: { policy: 'deny-private', index: 0, sid: 'NoPrivate' },
      });
      expect(
        evaluatePolicies(policies, { action: 's3:GetObject', resource: 'arn:aws:s3:::logs/public/x' })
          .decision,
      ).toBe('Allow');
    }
  });

  it('reads NotAction with Allow as "everything but these actions" (the guide’s "all but IAM" example)', () => {
    const allButIam = policy('all-but-iam', {
      Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
    });
    expect(
      evaluatePolicies([allButIam], { action: 's3:GetObject', resource: 'arn:aws:s3:::x/y' }).decision,
    ).toBe('Allow');
    expect(
      evaluatePolicies([allButIam], {
        action: 'iam:CreateRole',
        resource: 'arn:aws:iam::123456789012:role/r',
      }).decision,
    ).toBe('ImplicitDeny');
  });

  it('reads NotResource with Deny as "deny everywhere except these resources"', () => {
    const onlyLogs = policy('only-logs', {
      Statement: [
        { Effect: 'Allow', Action: 's3:*', Resource: '*' },
        { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::logs', 'arn:aws:s3:::logs/*'] },
      ],
    });
    expect(
      evaluatePolicies([onlyLogs], { action: 's3:GetObject', resource: 'arn:aws:s3:::logs/a' }).decision,
    ).toBe('Allow');
    expect(
      evaluatePolicies([onlyLogs], { action: 's3:GetObject', resource: 'arn:aws:s3:::other/a' }).decision,
    ).toBe('ExplicitDeny');
  });

  it('does not let an object ARN (bucket/*) allow ListBucket, which needs the bucket ARN itself', () => {
    const objectsOnly = policy('objects', {
      Statement: { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::logs/*' },
    });
    expect(
      evaluatePolicies([objectsOnly], { action: 's3:ListBucket', resource: 'arn:aws:s3:::logs' }).decision,
    ).toBe('ImplicitDeny');
  });
});

describe('IAM conditions', () => {
  const homeOnly = policy('home', {
    Statement: {
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::logs',
      Condition: { StringLike: { 's3:prefix': ['home/*', 'home/'] } },
    },
  });

  it('applies s3:prefix as in the guide’s "list only the home folder" example', () => {
    const list = (prefix: string | undefined) =>
      evaluatePolicies([homeOnly], {
        action: 's3:ListBucket',
        resource: 'arn:aws:s3:::logs',
        context: prefix === undefined ? {} : { 's3:prefix': prefix },
      }).decision;
    expect(list('home/ana/')).toBe('Allow');
    expect(list('home/')).toBe('Allow');
    expect(list('access-log/')).toBe('ImplicitDeny');
    expect(list(undefined)).toBe('ImplicitDeny');
  });

  it('treats a missing key as satisfying a negated operator and IfExists, and failing a positive one', () => {
    const deny = (operator: string) =>
      policy('d', {
        Statement: [
          { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
          {
            Effect: 'Deny',
            Action: 's3:GetObject',
            Resource: '*',
            Condition: { [operator]: { 'aws:SourceVpce': 'vpce-1' } },
          },
        ],
      });
    const decide = (operator: string) =>
      evaluatePolicies([deny(operator)], { action: 's3:GetObject', resource: 'arn:aws:s3:::a/b' }).decision;
    expect(decide('StringNotEquals')).toBe('ExplicitDeny');
    expect(decide('StringEquals')).toBe('Allow');
    expect(decide('StringEqualsIfExists')).toBe('ExplicitDeny');
  });

  it('tests presence with Null and compares numbers with Numeric operators', () => {
    const p = policy('n', {
      Statement: {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: '*',
        Condition: { Null: { 's3:prefix': 'false' }, NumericLessThanEquals: { 's3:max-keys': '10' } },
      },
    });
    const decide = (context: Record<string, string>) =>
      evaluatePolicies([p], { action: 's3:ListBucket', resource: 'arn:aws:s3:::a', context }).decision;
    expect(decide({ 's3:prefix': 'x', 's3:max-keys': '10' })).toBe('Allow');
    expect(decide({ 's3:prefix': 'x', 's3:max-keys': '11' })).toBe('ImplicitDeny');
    expect(decide({ 's3:max-keys': '5' })).toBe('ImplicitDeny');
  });
});
