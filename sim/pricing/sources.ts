/**
 * The source key behind every price and limit: the tags used in AWS-FACTS.md §0 (text copied from that
 * table), plus the tags this project adds for the slides, third-party copies and AWS pages found since.
 * The UI shows a fact's sources by looking its tags up here.
 */

/** One source a fact can cite. */
export interface Source {
  readonly tag: string;
  /** Where the number comes from (repository @ commit and path, or a URL). */
  readonly description: string;
  /** When the source was written or captured. */
  readonly date: string;
  /** True when the source is AWS's own (docs, API model, price list, AWS-authored code). */
  readonly primary: boolean;
}

const table: readonly Source[] = [
  {
    tag: 'KDS17',
    description:
      'awsdocs/amazon-kinesis-data-streams-developer-guide @c002ba3, doc_source/*.md (AWS developer guide)',
    date: '2017-12-19',
    primary: true,
  },
  {
    tag: 'KDS23',
    description: 'awsdocs/amazon-kinesis-data-streams-developer-guide @61aeec1 (last commit with content)',
    date: '2023-06-15',
    primary: true,
  },
  {
    tag: 'BK16',
    description:
      'boto/botocore @f1d0c78eb, botocore/data/kinesis/2013-12-02/service-2.json (AWS Kinesis API model + docs)',
    date: '2016-04-18',
    primary: true,
  },
  {
    tag: 'BKnow',
    description: 'boto/botocore @0e6e2404b, botocore/data/kinesis/2013-12-02/service-2.json',
    date: '2026-08-07',
    primary: true,
  },
  {
    tag: 'BK16b',
    description:
      'boto/botocore @c840c1e6a, botocore/data/kinesis/2013-12-02/service-2.json (first model with UpdateShardCount)',
    date: '2016-11-15',
    primary: true,
  },
  {
    tag: 'BKhist',
    description:
      'git log -S over the botocore kinesis, firehose and lambda API models (commits cited in AWS-FACTS.md)',
    date: '2015–2026',
    primary: true,
  },
  {
    tag: 'LAM23',
    description:
      'awsdocs/aws-lambda-developer-guide @03f7fcb, doc_source/with-kinesis.md, retries-on-errors.md, API_CreateEventSourceMapping.md, lambda-releases.md',
    date: '2023-10-30',
    primary: true,
  },
  {
    tag: 'KCLnow',
    description:
      'awslabs/amazon-kinesis-client @024eb86e (v3.5.1), LeaseManagementConfig.java and CHANGELOG.md',
    date: '2026-07-21',
    primary: true,
  },
  {
    tag: 'BF16',
    description: 'boto/botocore @d2c158448, botocore/data/firehose/2015-08-04/service-2.json',
    date: '2016-05-19',
    primary: true,
  },
  {
    tag: 'BFnow',
    description: 'boto/botocore @0e6e2404b, botocore/data/firehose/2015-08-04/service-2.json',
    date: '2026-08-07',
    primary: true,
  },
  {
    tag: 'FH17',
    description:
      'awsdocs/amazon-kinesis-data-firehose-developer-guide @3422b72, doc_source/limits.md, basic-deliver.md, create-destination.md',
    date: '2017-12-19',
    primary: true,
  },
  {
    tag: 'FH23',
    description:
      'awsdocs/amazon-kinesis-data-firehose-developer-guide @0606011, doc_source/limits.md, basic-deliver.md, create-destination.md',
    date: '2023-06-15',
    primary: true,
  },
  {
    tag: 'KPL',
    description:
      'awslabs/amazon-kinesis-producer: aggregation-format.md (HEAD 11c4a64), java/amazon-kinesis-producer-sample/default_config.properties @b7971ec (2015-11-19, in force through 2016) and @11c4a64',
    date: '2015 / 2026',
    primary: true,
  },
  {
    tag: 'KCL16',
    description:
      'awslabs/amazon-kinesis-client @6647b4b6, KinesisClientLibConfiguration.java, LeaseCoordinator.java, LeaseTaker.java',
    date: '2016-06-29',
    primary: true,
  },
  {
    tag: 'S3-17',
    description: 'awsdocs/amazon-s3-developer-guide @16e8b15, doc_source/Introduction.md, DataDurability.md',
    date: '2017-12-07',
    primary: true,
  },
  {
    tag: 'EMR-RG23',
    description: 'awsdocs/amazon-emr-release-guide @44c8b09, doc_source/emr-450-release.md and others',
    date: '2023-06-15',
    primary: true,
  },
  {
    tag: 'EC2-18',
    description:
      'awsdocs/amazon-ec2-user-guide @d1a4d62, doc_source/InstanceStorage.md, spot-interruptions.md, using-eni.md',
    date: '2018-02',
    primary: true,
  },
  {
    tag: 'RS-MG18',
    description: 'awsdocs/amazon-redshift-management-guide @c816ef4, doc_source/working-with-clusters.md',
    date: '2018-01-15',
    primary: true,
  },
  {
    tag: 'RS-MG23',
    description: 'awsdocs/amazon-redshift-management-guide @0a83a47, doc_source/working-with-clusters.md',
    date: '2023-06-15',
    primary: true,
  },
  {
    tag: 'AML-DG',
    description:
      'docs.aws.amazon.com/machine-learning/latest/dg/ pages (pricing.html, system-limits.html, …) — stored copies',
    date: 'stored copies',
    primary: true,
  },
  {
    tag: 'KPRICE16',
    description: 'http://aws.amazon.com/kinesis/pricing/ (stored 2015/16 copy, PUT-Payload-Unit era)',
    date: 'stored copy',
    primary: true,
  },
  {
    tag: 'PL2023',
    description:
      'AWS Price List API JSON for AmazonKinesis us-east-1 (publication 2023-08-01) quoted in github.com/mlabouardy/komiser/pull/1137',
    date: '2023-08',
    primary: true,
  },
  {
    tag: 'EMR-SPOT',
    description:
      'docs.aws.amazon.com EMR AMI 2.x/3.x guide SpotInstancePricing.html (stored); EMR FAQ copy — billing granularity',
    date: 'stored copy',
    primary: true,
  },
  {
    tag: 'RS-PRICE',
    description: 'Amazon Redshift pricing page: "start at $0.25 per hour" (as cited in AWS-FACTS §6.1)',
    date: '2016',
    primary: true,
  },
  {
    tag: 'EC2-TABLE16',
    description:
      'The EC2 launch-wizard instance-type table (Family, Type, vCPUs, Memory GiB, Instance Storage GB) as copied in a blog post dated 2016-12-16 (search find_string id 34656664899) — a secondary copy of an AWS page',
    date: '2016-12-16',
    primary: false,
  },
  {
    tag: 'S',
    description:
      'Secondary: a third-party copy of an AWS page or price (calculators, study notes, cost tools), as graded in AWS-FACTS.md',
    date: 'various',
    primary: false,
  },
  {
    tag: 'SLIDES',
    description:
      'The workshop slides, "Big Data Solutions Day" 2016 (figures listed in shared/reference/SEED-FIGURES.md)',
    date: '2016',
    primary: false,
  },
  {
    tag: 'C',
    description: 'Computed from other sourced figures (the arithmetic is shown in the calculator)',
    date: '—',
    primary: false,
  },
  {
    tag: 'USER',
    description:
      'A price you supplied as an override (Settings → Price overrides in the app, or --prices FILE with bdlab calc)',
    date: 'now',
    primary: false,
  },
];

/** Every known source, by tag. */
export const SOURCES: Readonly<Record<string, Source>> = Object.fromEntries(table.map((s) => [s.tag, s]));

/** The source behind a tag, or undefined for an unknown tag. */
export function sourceFor(tag: string): Source | undefined {
  return SOURCES[tag];
}
