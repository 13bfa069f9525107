/**
 * Which piece fits which data, from the session's reference architecture ("Types of data", "Storage",
 * "Use the right tool for the job"): where each source's data lands, which engines can read each store
 * (as they could in 2016), and what each consumer reads. Each mismatch has a reason that names what is
 * wrong without naming the piece that would fit.
 */
import { busItem, type ItemId } from './catalogue.ts';

/** The stores each source's data fits: streams of events, files, or records an application writes. */
const landsIn: Partial<Record<ItemId, readonly ItemId[]>> = {
  // Clickstream events go to a stream; orders and profiles are records an application reads and updates.
  'web-apps': ['kinesis', 'dynamodb', 'rds'],
  'mobile-apps': ['kinesis', 'dynamodb', 'rds'],
  // Log files land in object storage, or are streamed line by line (the session's own lab sends access
  // logs through Kinesis Firehose to S3).
  logs: ['s3', 'kinesis'],
  'iot-devices': ['kinesis'],
};

/** Why a store is the wrong place for a source's data to land. */
const landingMismatch: Partial<Record<ItemId, string>> = {
  s3: 'keeps whole objects, not small events sent one at a time',
  dynamodb: 'keeps items to look up by key, not a continuous flow to be read in order',
  rds: 'keeps related rows for transactions, not a continuous flow to be read in order',
  elasticache: 'keeps copies in memory and may evict them, so the collected data would not be kept',
  elasticsearch: 'indexes documents for search, built from data kept elsewhere, not where data first lands',
};

/**
 * The engines that can read each store: Redshift loads with COPY (from S3, DynamoDB or EMR), Amazon Machine
 * Learning takes data sources in S3, Redshift or RDS for MySQL, Lambda is invoked by S3 events, DynamoDB
 * Streams and Kinesis Streams, Spark Streaming reads a stream or new files, EMR reads them all but a cache.
 */
const readBy: Partial<Record<ItemId, readonly ItemId[]>> = {
  s3: ['emr', 'redshift', 'machine-learning', 'lambda', 'spark-streaming'],
  kinesis: ['lambda', 'spark-streaming', 'emr'],
  dynamodb: ['emr', 'redshift', 'lambda'],
  rds: ['emr', 'machine-learning'],
  elasticsearch: ['emr'],
  elasticache: [],
};

/** What each engine reads, said without naming the stores it reads. */
const engineReads: Partial<Record<ItemId, string>> = {
  emr: 'Amazon EMR reads durable stores, not copies that a cache may evict',
  redshift:
    'Redshift loads its tables with COPY from files or tables at rest, not from a stream, a cache or a search index',
  'machine-learning':
    'Amazon Machine Learning trains on a data set at rest (files or tables it can query), not on a stream',
  lambda:
    'Lambda runs when a store sends it events (a new object, new stream records, changed items); this store sends none',
  'spark-streaming':
    'Spark Streaming reads data as it arrives (a stream or new files), not a table or an index',
};

/** What each consumer reads. */
const fedBy: Partial<Record<ItemId, readonly ItemId[]>> = {
  dashboards: ['redshift', 'emr', 'elasticsearch', 'dynamodb', 'elasticache', 'rds'],
  notebooks: ['emr', 'redshift'],
  'apps-api': ['dynamodb', 'rds', 'elasticache', 'elasticsearch', 'machine-learning'],
};

/** What each consumer needs, said without naming what provides it. */
const consumerNeeds: Partial<Record<ItemId, string>> = {
  dashboards: 'need something that answers their queries: a query engine or a store that keeps the results',
  notebooks: 'need an engine that runs analysts’ queries and code interactively over the data',
  'apps-api': 'need fast answers on request: look-ups by key, searches or predictions',
};

/** Null when `store` fits the data of `source`, else why not. */
export function landingProblem(source: ItemId, store: ItemId): string | null {
  if (landsIn[source]?.includes(store)) return null;
  const reason = landingMismatch[store] ?? 'does not keep this kind of data';
  return `${busItem(source).name}: ${busItem(source).role}; ${busItem(store).name} ${reason}.`;
}

/** Null when `engine` can read `store`, else why not. */
export function readingProblem(store: ItemId, engine: ItemId): string | null {
  if (readBy[store]?.includes(engine)) return null;
  if (store === 'elasticache') {
    return `${busItem(store).name} keeps copies of hot data that it may evict; engines read the durable copy, not the cache.`;
  }
  return `${engineReads[engine] ?? `${busItem(engine).name} cannot read ${busItem(store).name}`}.`;
}

/** True when a consumer can read its answers straight from `engine`, so its results need no store. */
export const answersConsumers = (engine: ItemId): boolean =>
  Object.values(fedBy).some((feeders) => feeders.includes(engine));

/** Null when `consumer` can read its answers from `feeder`, else why not. */
export function feedingProblem(feeder: ItemId, consumer: ItemId): string | null {
  if (fedBy[consumer]?.includes(feeder)) return null;
  return `${busItem(consumer).name} ${consumerNeeds[consumer] ?? 'need answers'}; ${busItem(feeder).name} ${busItem(feeder).role}.`;
}
