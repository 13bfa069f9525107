/**
 * The services a learner can pick in "the right tool for the job", each with what it is built for, in
 * the slides' terms (data structure, latency, throughput, access pattern).
 */

/** Every service id of the lab. */
export type ServiceId =
  | 's3'
  | 'glacier'
  | 'kinesis-streams'
  | 'kinesis-firehose'
  | 'dynamodb'
  | 'elasticache'
  | 'rds'
  | 'elasticsearch'
  | 'redshift'
  | 'emr'
  | 'lambda'
  | 'spark-streaming'
  | 'machine-learning';

/** A service card in the picker. */
export interface Service {
  readonly id: ServiceId;
  readonly name: string;
  /** Completes "… is built for …". */
  readonly builtFor: string;
}

/** The picker's services, stores first, then processing and analysis. */
export const services: readonly Service[] = [
  {
    id: 's3',
    name: 'Amazon S3',
    builtFor: 'storing objects and files of any size durably and cheaply, read whole or in ranges',
  },
  {
    id: 'glacier',
    name: 'Amazon Glacier',
    builtFor:
      'archives that are rarely read, at a quarter of S3’s price per TB ($7.16 vs $28.16 per TB-month on the slides), with retrievals that are requested and not immediate',
  },
  {
    id: 'kinesis-streams',
    name: 'Amazon Kinesis Streams',
    builtFor:
      'ordered streams of records that several applications read within a second of arrival and can replay for 24 hours (up to 7 days)',
  },
  {
    id: 'kinesis-firehose',
    name: 'Amazon Kinesis Firehose',
    builtFor:
      'delivering a stream into S3, Redshift or Elasticsearch with no code to run, batched, compressed and at least 60 seconds behind',
  },
  {
    id: 'dynamodb',
    name: 'Amazon DynamoDB',
    builtFor:
      'looking items up by key in single-digit milliseconds at any scale, written durably to three Availability Zones',
  },
  {
    id: 'elasticache',
    name: 'Amazon ElastiCache',
    builtFor: 'keeping hot data in memory for sub-millisecond reads, as a cache that can be rebuilt',
  },
  { id: 'rds', name: 'Amazon RDS', builtFor: 'relational records with joins, constraints and transactions' },
  {
    id: 'elasticsearch',
    name: 'Amazon Elasticsearch Service',
    builtFor: 'finding documents by the words in them, ranked by relevance',
  },
  {
    id: 'redshift',
    name: 'Amazon Redshift',
    builtFor: 'complex SQL over terabytes to petabytes of structured data, massively parallel, for BI tools',
  },
  {
    id: 'emr',
    name: 'Amazon EMR',
    builtFor: 'Hadoop and Spark clusters running your own code over large data sets, started when needed',
  },
  {
    id: 'lambda',
    name: 'AWS Lambda',
    builtFor:
      'running a small function on each batch of arriving records or events, with no servers to manage',
  },
  {
    id: 'spark-streaming',
    name: 'Spark Streaming',
    builtFor: 'stateful processing of a stream in micro-batches, such as counts over sliding windows',
  },
  {
    id: 'machine-learning',
    name: 'Amazon Machine Learning',
    builtFor: 'learning patterns from labelled examples and predicting new ones, in batch or in real time',
  },
];

const byId = new Map(services.map((service) => [service.id, service]));

/** Looks a service up by id. */
export const service = (id: ServiceId): Service => byId.get(id)!;

/** True when `id` names a service of the lab. */
export const isServiceId = (id: unknown): id is ServiceId =>
  typeof id === 'string' && byId.has(id as ServiceId);
