import { describe, expect, it } from 'vitest';
import { parsePolicyDocument, policySize } from './policy-document.ts';

const refusal = (text: string, kind: 'trust' | 'permissions' = 'permissions') => {
  const parsed = parsePolicyDocument(text, kind);
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed.error;
};

describe('policy documents', () => {
  it('reads the workshop’s own policies, lower-case "version" and "statement" included', () => {
    // The session's firehose-policy.json and s3-rw-policy.json (shared/seed), as printed.
    const trust = parsePolicyDocument(
      '{ "version": "2012-10-17", "Statement": { "Effect": "Allow", "Principal": {"Service": "firehose.amazonaws.com"}, "Action": "sts:AssumeRole" } }',
      'trust',
    );
    expect(trust.ok && trust.value.statements[0]!.principal?.byType).toEqual({
      Service: ['firehose.amazonaws.com'],
    });
    const rw = parsePolicyDocument(
      '{ "version": "2012-10-17", "statement": { "Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"] } }',
      'permissions',
    );
    expect(rw.ok && rw.value.statements[0]!.resource).toEqual({
      not: false,
      patterns: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
    });
  });

  it('says where broken JSON breaks, by line and column', () => {
    const error = refusal(
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}',
    );
    expect(error.code).toBe('MalformedPolicyDocument');
    expect(error.message).toMatch(/^This policy contains invalid Json: .*line 4, column 24/);
  });

  it('refuses each malformed element with IAM’s sentence and the element’s path', () => {
    const cases: [string, 'trust' | 'permissions', RegExp, string][] = [
      [
        '{"Statement": {"Effect": "allow", "Action": "s3:*", "Resource": "*"}}',
        'permissions',
        /Effect must be "Allow" or "Deny".*"allow"/,
        'Statement.Effect',
      ],
      [
        '{"Statement": [{"Effect": "Allow", "Resource": "*"}]}',
        'permissions',
        /^Policy statement must contain actions\./,
        'Statement[0].Action',
      ],
      [
        '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject"}]}',
        'permissions',
        /^Policy statement must contain resources\./,
        'Statement[0].Resource',
      ],
      [
        '{"Statement": [{"Effect": "Allow", "Action": "GetObject", "Resource": "*"}]}',
        'permissions',
        /^Actions\/Conditions must be prefaced by a vendor/,
        'Statement[0].Action',
      ],
      [
        '{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "my-bucket/*"}]}',
        'permissions',
        /^Resource my-bucket\/\* must be in ARN format or "\*"/,
        'Statement[0].Resource',
      ],
      [
        '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}',
        'permissions',
        /^Policy document should not specify a principal\./,
        'Statement[0].Principal',
      ],
      [
        '{"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole"}]}',
        'trust',
        /has no Principal/,
        'Statement[0].Principal',
      ],
      [
        '{"Statement": [{"Effect": "Allow", "Principal": {"Service": "redshift.amazonaws.com"}, "Action": "sts:AssumeRole", "Resource": "*"}]}',
        'trust',
        /^Has prohibited field Resource/,
        'Statement[0].Resource',
      ],
      [
        '{"Statement": [{"Effect": "Allow", "Principal": {"Service": "redshift"}, "Action": "sts:AssumeRole"}]}',
        'trust',
        /^Invalid principal in policy: "SERVICE":"redshift"/,
        'Statement[0].Principal.Service',
      ],
      [
        '{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringLikes": {"s3:prefix": "a"}}}]}',
        'permissions',
        /^Invalid Condition type : StringLikes/,
        'Statement[0].Condition.StringLikes',
      ],
      [
        '{"Version": "2016-07-14", "Statement": []}',
        'permissions',
        /Version must be "2012-10-17"/,
        'Version',
      ],
      ['{"Version": "2012-10-17"}', 'permissions', /no Statement/, 'Statement'],
      ['[]', 'permissions', /A policy is a JSON object/, '$'],
      [
        '{"Statement": [{"Effect": "Allow", "Action": "s3:*", "NotAction": "iam:*", "Resource": "*"}]}',
        'permissions',
        /both Action and NotAction/,
        'Statement[0]',
      ],
      [
        '{"Statement": [{"Effect": "Allow", "Actions": "s3:*", "Resource": "*"}]}',
        'permissions',
        /unknown element "Actions"/,
        'Statement[0].Actions',
      ],
    ];
    for (const [text, kind, message, path] of cases) {
      const error = refusal(text, kind);
      expect(error.code, text).toBe('MalformedPolicyDocument');
      expect(error.message, text).toMatch(message);
      expect(error.path, text).toBe(path);
    }
  });

  it('counts a policy’s size without white space, as IAM’s quotas do', () => {
    expect(policySize('{ "a" :\n\t"b c" }')).toBe(10);
  });
});
