/**
 * The pieces of the data bus lab, from the reference architecture of the introductory session: sources
 * that collect, stores, processing and analysis, and consumers.
 */

/** The four stages of the decoupled data bus, in order. */
export type Stage = 'collect' | 'store' | 'process' | 'consume';

/** Stage ids in bus order with their labels and what each stage is for. */
export const stages: readonly { readonly id: Stage; readonly label: string; readonly purpose: string }[] = [
  { id: 'collect', label: 'Collect', purpose: 'where data is born' },
  { id: 'store', label: 'Store', purpose: 'where data waits, durably, until something reads it' },
  { id: 'process', label: 'Process / analyze', purpose: 'engines that compute on stored data' },
  { id: 'consume', label: 'Consume', purpose: 'people and programs that use the answers' },
];

/** A piece the learner places on the bus. */
export interface BusItem {
  readonly id: ItemId;
  /** The name as AWS (or the slides) spell it. */
  readonly name: string;
  /** The stage it belongs to. */
  readonly stage: Stage;
  /**
   * What it does with data, in words that do not name its stage: shown when it sits on a stage where it does
   * not belong, so the learner can work out where it goes.
   */
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
    role: 'web clients send clickstream events and write transactions as users click and buy',
  },
  {
    id: 'mobile-apps',
    name: 'Mobile apps',
    stage: 'collect',
    role: 'mobile clients send usage events and write records as people use them',
  },
  { id: 'logs', name: 'Logs', stage: 'collect', role: 'servers and services write log files, line by line' },
  {
    id: 'iot-devices',
    name: 'Devices and IoT sensors',
    stage: 'collect',
    role: 'devices send small telemetry readings, continuously',
  },
  {
    id: 's3',
    name: 'Amazon S3',
    stage: 'store',
    role: 'keeps objects (files) of any size, very durably and cheaply, until something reads them',
  },
  {
    id: 'kinesis',
    name: 'Amazon Kinesis Streams',
    stage: 'store',
    role: 'keeps a stream of records 24 hours by default (up to 7 days) so several applications can read and replay them',
  },
  {
    id: 'dynamodb',
    name: 'Amazon DynamoDB',
    stage: 'store',
    role: 'keeps items by key and returns them in single-digit milliseconds (NoSQL)',
  },
  {
    id: 'rds',
    name: 'Amazon RDS',
    stage: 'store',
    role: 'keeps related rows and transactions in a managed relational database',
  },
  {
    id: 'elasticache',
    name: 'Amazon ElastiCache',
    stage: 'store',
    role: 'keeps copies of hot data in memory for fast look-ups',
  },
  {
    id: 'elasticsearch',
    name: 'Amazon Elasticsearch Service',
    stage: 'store',
    role: 'keeps documents indexed by their words so they can be searched',
  },
  {
    id: 'emr',
    name: 'Amazon EMR',
    stage: 'process',
    role: 'runs Hadoop and Spark clusters that compute over large data sets, in batches or interactively',
  },
  {
    id: 'redshift',
    name: 'Amazon Redshift',
    stage: 'process',
    role: 'runs SQL queries over a data warehouse for interactive analysis',
  },
  {
    id: 'machine-learning',
    name: 'Amazon Machine Learning',
    stage: 'process',
    role: 'trains models on data and makes predictions',
  },
  {
    id: 'lambda',
    name: 'AWS Lambda',
    stage: 'process',
    role: 'runs your code on each batch of arriving records, with no servers',
  },
  {
    id: 'spark-streaming',
    name: 'Spark Streaming',
    stage: 'process',
    role: 'computes over a stream in micro-batches',
  },
  {
    id: 'dashboards',
    name: 'Dashboards and BI',
    stage: 'consume',
    role: 'shows answers to people as charts and reports',
  },
  {
    id: 'notebooks',
    name: 'Notebooks',
    stage: 'consume',
    role: 'lets analysts explore answers interactively',
  },
  { id: 'apps-api', name: 'Applications and APIs', stage: 'consume', role: 'lets software use the results' },
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

/** What a stage is for, in a few words. */
export const stagePurpose = (id: Stage): string => stages.find((stage) => stage.id === id)!.purpose;
