/**
 * The AWS managed policies a learner attaches to a Redshift role for COPY and UNLOAD, with their documents
 * as AWS publishes them (IAM console, "AWS managed policy" pages). AWS owns them, so they are constants
 * rather than state: attaching one stores only its ARN.
 */

/** One AWS managed policy. */
export interface AwsManagedPolicy {
  readonly PolicyName: string;
  readonly Arn: string;
  readonly document: string;
  readonly note: string;
}

const awsPolicy = (name: string, document: object, note: string): AwsManagedPolicy => ({
  PolicyName: name,
  Arn: `arn:aws:iam::aws:policy/${name}`,
  document: JSON.stringify(document),
  note,
});

/** The AWS managed policies the simulation knows, by ARN. */
export const AWS_MANAGED_POLICIES: Readonly<Record<string, AwsManagedPolicy>> = Object.fromEntries(
  [
    awsPolicy(
      'AmazonS3ReadOnlyAccess',
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['s3:Get*', 's3:List*', 's3-object-lambda:Get*', 's3-object-lambda:List*'],
            Resource: '*',
          },
        ],
      },
      'Read every bucket of the account: enough for COPY, not for UNLOAD. The 2016 version had only s3:Get* and s3:List*.',
    ),
    awsPolicy(
      'AmazonS3FullAccess',
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }],
      },
      'Everything on every bucket: more than COPY and UNLOAD need.',
    ),
  ].map((policy) => [policy.Arn, policy]),
);
