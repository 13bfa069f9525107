/**
 * The pieces of the data bus lab, from the reference architecture of the introductory session: sources
 * that collect, stores, processing and analysis, and consumers.
 */

/** The four stages of the decoupled data bus, in order. */
export type Stage = 'collect' | 'store' | 'process' | 'consume';

/** Stage ids in bus order with their labels. */
export const stages: readonly { readonly id: Stage; readonly label: string }[] = [
  { id: 'collect', label: 'Collect' },
  { id: 'store', label: 'Store' },
  { id: 'process', label: 'Process / analyze' },
  { id: 'consume', label: 'Consume' },
];

/** A piece the learner places on the bus. */
export interface BusItem {
  readonly id: ItemId;
  /** The name as AWS (or the slides) spell it. */
  readonly name: string;
  /** The stage it belongs to. */
  readonly stage: Stage;
  /** Why it belongs there, shown when it is misplaced. */
  readonly role: string;
}

/** Every item id of the lab. */
export type ItemId =
  | 'web-apps'
  | 'mobile-apps'
  | 'logs'
  | 'iot-devices'
  | 's3'
  | 'kinesis'
  | 'dynamodb'
  | 'rds'
  | 'elasticache'
  | 'elasticsearch'
  | 'emr'
  | 'redshift'
  | 'machine-learning'
  | 'lambda'
  | 'spark-streaming'
  | 'dashboards'
  | 'notebooks'
  | 'apps-api';

/** The catalogue, grouped by stage in bus order. */
export const busItems: readonly BusItem[] = [
  {
    id: 'web-apps',
    name: 'Web apps',
    stage: 'collect',
    role: 'web clients produce clickstream and transactions',
  },
  {
    id: 'mobile-apps',
    name: 'Mobile apps',
    stage: 'collect',
    role: 'mobile clients produce events and records',
  },
  { id: 'logs', name: 'Logs', stage: 'collect', role: 'servers and services produce log files' },
  { id: 'iot-devices', name: 'Devices and IoT sensors', stage: 'collect', role: 'devices produce telemetry' },
  {
    id: 's3',
    name: 'Amazon S3',
    stage: 'store',
    role: 'object storage for files of any size, very durable and cheap',
  },
  {
    id: 'kinesis',
    name: 'Amazon Kinesis Streams',
    stage: 'store',
    role: 'stream storage: records are kept 24 hours by default (up to 7 days) for consumers to read and replay',
  },
  {
    id: 'dynamodb',
    name: 'Amazon DynamoDB',
    stage: 'store',
    role: 'NoSQL key-value store with single-digit-millisecond latency',
  },
  {
    id: 'rds',
    name: 'Amazon RDS',
    stage: 'store',
    role: 'managed relational database for records and transactions',
  },
  { id: 'elasticache', name: 'Amazon ElastiCache', stage: 'store', role: 'in-memory cache for hot data' },
  {
    id: 'elasticsearch',
    name: 'Amazon Elasticsearch Service',
    stage: 'store',
    role: 'search documents by their content',
  },
  {
    id: 'emr',
    name: 'Amazon EMR',
    stage: 'process',
    role: 'managed Hadoop and Spark clusters for batch and interactive processing',
  },
  {
    id: 'redshift',
    name: 'Amazon Redshift',
    stage: 'process',
    role: 'data warehouse for interactive SQL analysis',
  },
  {
    id: 'machine-learning',
    name: 'Amazon Machine Learning',
    stage: 'process',
    role: 'trains models and makes predictions',
  },
  {
    id: 'lambda',
    name: 'AWS Lambda',
    stage: 'process',
    role: 'runs code for each batch of arriving records, no servers',
  },
  {
    id: 'spark-streaming',
    name: 'Spark Streaming',
    stage: 'process',
    role: 'processes a stream in micro-batches',
  },
  {
    id: 'dashboards',
    name: 'Dashboards and BI',
    stage: 'consume',
    role: 'people read answers as charts and reports',
  },
  { id: 'notebooks', name: 'Notebooks', stage: 'consume', role: 'analysts explore data interactively' },
  { id: 'apps-api', name: 'Applications and APIs', stage: 'consume', role: 'software uses the results' },
];

const byId = new Map(busItems.map((item) => [item.id, item]));

/** Looks an item up by id. */
export const busItem = (id: ItemId): BusItem => byId.get(id)!;

/** True when `id` names an item of the catalogue. */
export const isItemId = (id: unknown): id is ItemId => typeof id === 'string' && byId.has(id as ItemId);

/** True when `id` names a stage. */
export const isStage = (id: unknown): id is Stage => stages.some((stage) => stage.id === id);

/** The label of a stage. */
export const stageLabel = (id: Stage): string => stages.find((stage) => stage.id === id)!.label;
