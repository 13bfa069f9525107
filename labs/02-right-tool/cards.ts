/**
 * Scenario cards: each describes a workload by the four properties the session uses to choose a tool —
 * data structure, latency, throughput and access pattern — with the tool that fits and why the near
 * misses do not.
 */
import type { ServiceId } from './services.ts';

/** One workload to match with a service. */
export interface ScenarioCard {
  readonly id: CardId;
  readonly title: string;
  readonly dataStructure: string;
  readonly latency: string;
  readonly throughput: string;
  readonly accessPattern: string;
  /** Services that fit. */
  readonly accepted: readonly ServiceId[];
  /** Why the fitting choice fits, shown once picked. */
  readonly why: string;
  /** The trade-off behind tempting wrong picks; other wrong picks get the service's "built for" line. */
  readonly tradeOffs: Partial<Record<ServiceId, string>>;
}

/** Every card id of the lab. */
export type CardId =
  | 'clickstream-ingest'
  | 'log-archive'
  | 'user-profiles'
  | 'hot-top-ten'
  | 'orders'
  | 'product-search'
  | 'logs-to-warehouse'
  | 'bi-sql'
  | 'nightly-etl'
  | 'per-event-alert'
  | 'window-counts'
  | 'fraud-score';

/** Where the data lives: stores and ingest. */
export const storageCards: readonly ScenarioCard[] = [
  {
    id: 'clickstream-ingest',
    title: 'Clickstream for live counters',
    dataStructure: 'small JSON events, one per click',
    latency: 'readers see each event within a second',
    throughput: 'thousands of events per second, bursty',
    accessPattern:
      'several applications read the same events in order; after a bug fix they re-read the last hours',
    accepted: ['kinesis-streams'],
    why: 'Kinesis Streams keeps the ordered stream for 24 hours (up to 7 days), lets several applications read it at their own pace within a second, and lets them replay.',
    tradeOffs: {
      'kinesis-firehose':
        'Firehose delivers in batches 60 seconds or more behind and has no readers of your own, so nothing can replay the stream; these readers need sub-second access.',
      s3: 'S3 stores whole objects: thousands of tiny writes per second become thousands of objects, and readers would poll for new ones instead of reading a stream in order.',
      dynamodb:
        'DynamoDB stores the latest item per key; it is not an ordered log that several readers consume and replay.',
    },
  },
  {
    id: 'log-archive',
    title: 'Raw web logs, the source of truth',
    dataStructure: 'log files, never changed once written',
    latency: 'minutes are fine',
    throughput: 'gigabytes to terabytes per day',
    accessPattern: 'batch jobs re-read whole days whenever the processing code changes; kept for years',
    accepted: ['s3'],
    why: 'S3 is durable, cheap object storage that any engine (EMR, Redshift COPY) can read in bulk whenever a job needs it: the immutable master copy of a decoupled bus.',
    tradeOffs: {
      glacier:
        'Glacier costs a fraction per TB, but retrievals are requested and not immediate, so batch jobs could not re-read the logs at will. Move logs there once nobody re-processes them.',
      'kinesis-firehose':
        'Firehose delivers a stream to a destination and keeps nothing itself; the question is where the logs live for years.',
      'kinesis-streams':
        'Kinesis Streams keeps data for at most 7 days; years of history need durable storage for whole files.',
      redshift:
        'Redshift is for structured, queryable tables; raw text logs are cheaper kept as files and loaded after parsing.',
    },
  },
  {
    id: 'user-profiles',
    title: 'User profiles on every page view',
    dataStructure: 'one record per user, read and written by user id',
    latency: 'single-digit milliseconds',
    throughput: 'millions of users, steady traffic',
    accessPattern: 'get and put by key; must survive the loss of a data centre',
    accepted: ['dynamodb'],
    why: 'DynamoDB serves key lookups in single-digit milliseconds at any scale, and every write is replicated to three Availability Zones before it is acknowledged.',
    tradeOffs: {
      elasticache:
        'ElastiCache is faster still, but it is a cache in memory: the durable record of every user must live somewhere that survives failures.',
      rds: 'RDS would work at first, but nothing here needs joins, and scaling writes for millions of users means sharding the database yourself.',
    },
  },
  {
    id: 'hot-top-ten',
    title: 'Top-ten products right now',
    dataStructure: 'a few small keys holding ranked lists',
    latency: 'sub-millisecond',
    throughput: 'tens of thousands of reads per second on the same few keys',
    accessPattern:
      'read on every page; recomputed every minute from the stream, so it can be rebuilt if lost',
    accepted: ['elasticache'],
    why: 'ElastiCache keeps the hot keys in memory for sub-millisecond reads; since the lists are recomputed every minute, losing a cache node costs nothing.',
    tradeOffs: {
      dynamodb:
        'DynamoDB would answer each read in milliseconds, but all those reads land on the same few keys — a hot partition — and you would pay for durability this data does not need.',
      rds: 'RDS would serve every read from a database connection; a cache in memory is the tool for the same few keys read all the time.',
    },
  },
  {
    id: 'orders',
    title: 'Orders and payments',
    dataStructure: 'related rows: customers, orders, order lines, payments',
    latency: 'tens of milliseconds',
    throughput: 'moderate: hundreds of orders per minute',
    accessPattern: 'an order and its lines commit together; the order page joins four tables',
    accepted: ['rds'],
    why: 'RDS gives a relational database with transactions and joins, managed for you: the right home for records that must stay consistent with each other.',
    tradeOffs: {
      dynamodb:
        'DynamoDB has no joins, and keeping an order and its lines consistent across items would be your code’s job.',
      redshift:
        'Redshift is a warehouse for analytic queries over many rows, not for many small transactional writes.',
    },
  },
  {
    id: 'product-search',
    title: 'Search the catalogue',
    dataStructure: 'product descriptions as text documents',
    latency: 'tens of milliseconds per query',
    throughput: 'hundreds of queries per second',
    accessPattern: 'find products by words in their description, best matches first',
    accepted: ['elasticsearch'],
    why: 'Elasticsearch indexes every word of every document, so a query finds matching products at once and ranks them by relevance.',
    tradeOffs: {
      rds: 'In RDS, LIKE "%word%" scans every row and has no idea which match is most relevant.',
      dynamodb: 'DynamoDB finds items by key; it cannot find them by the words in their text.',
    },
  },
  {
    id: 'logs-to-warehouse',
    title: 'Web logs into S3 and the warehouse',
    dataStructure: 'log lines arriving continuously',
    latency: 'a minute or more is fine',
    throughput: 'steady, growing',
    accessPattern:
      'land compressed batches in S3 and load them into Redshift; nobody wants to run servers for it',
    accepted: ['kinesis-firehose'],
    why: 'Firehose batches, compresses and delivers the stream into S3 and Redshift with zero administration — exactly when a minute of delay is acceptable.',
    tradeOffs: {
      'kinesis-streams':
        'Kinesis Streams would work, but you would write and run the consumer that batches the records and writes them to S3 and Redshift — the work Firehose does for you.',
      lambda:
        'A function per batch could write objects, but batching, compression, retries and loading Redshift would all be your code.',
    },
  },
];

/** What works on the data: processing and analysis. */
export const processingCards: readonly ScenarioCard[] = [
  {
    id: 'bi-sql',
    title: 'Analysts and BI dashboards',
    dataStructure: 'structured sales history in tables',
    latency: 'seconds per query',
    throughput: 'terabytes, growing to petabytes',
    accessPattern: 'complex SQL with joins and aggregations from BI tools over JDBC/ODBC',
    accepted: ['redshift'],
    why: 'Redshift is a massively parallel data warehouse that speaks SQL to BI tools and scales from gigabytes to petabytes.',
    tradeOffs: {
      emr: 'EMR with Presto or Spark SQL can answer SQL too, but a cluster you run is not what BI tools should query all day: they need a managed data warehouse they connect to directly.',
      'kinesis-firehose':
        'Firehose delivers data into stores but answers no queries; analysts need something their BI tools can query with SQL.',
      rds: 'RDS runs one database server; joins over terabytes need a parallel warehouse.',
    },
  },
  {
    id: 'nightly-etl',
    title: 'Nightly clean-up of raw logs',
    dataStructure: 'raw text logs in S3',
    latency: 'done before morning',
    throughput: 'terabytes per night',
    accessPattern:
      'custom Spark or Hive code parses, cleans and partitions, writes back to S3; the cluster is not needed in between',
    accepted: ['emr'],
    why: 'EMR runs Spark and Hive over data in S3 on a cluster you start for the job and shut down afterwards (Redfin spins clusters up and down on spot instances).',
    tradeOffs: {
      redshift:
        'Redshift loads and queries structured data; parsing raw text at scale with custom code is a job for a cluster you can throw away.',
      lambda:
        'One function invocation handles one small batch; a terabyte job with shuffles and joins needs a cluster.',
    },
  },
  {
    id: 'per-event-alert',
    title: 'Alert on a suspicious order',
    dataStructure: 'order events on a Kinesis stream',
    latency: 'about a second',
    throughput: 'a few hundred per second',
    accessPattern: 'check each event against a simple rule and send an alert; a few lines of code',
    accepted: ['lambda'],
    why: 'Lambda runs the rule on each batch of records as it arrives on the stream, with no servers or cluster to keep running.',
    tradeOffs: {
      'spark-streaming':
        'Spark Streaming could do it, but it needs a running cluster for a rule that looks at one event at a time.',
      emr: 'A cluster for a per-event rule is far more than the job needs.',
    },
  },
  {
    id: 'window-counts',
    title: 'Mentions over a sliding window',
    dataStructure: 'a stream of posts',
    latency: 'updated every few seconds',
    throughput: 'thousands per second',
    accessPattern: 'count posts mentioning a term over the last few seconds, window after window',
    accepted: ['spark-streaming'],
    why: 'Spark Streaming keeps the window’s state between micro-batches for you — the countByWindow example from the session.',
    tradeOffs: {
      lambda:
        'Each Lambda invocation sees one batch and keeps nothing between invocations, so your code would have to keep the window in an external store.',
      redshift:
        'Loading into a warehouse and querying it every few seconds is batch analysis, not stream processing.',
    },
  },
  {
    id: 'fraud-score',
    title: 'Fraud score for each new order',
    dataStructure: 'orders with dozens of attributes, past ones labelled fraud or not',
    latency: 'in time to hold the order',
    throughput: 'every order',
    accessPattern: 'predict a probability for each new order from patterns in the labelled history',
    accepted: ['machine-learning'],
    why: 'Amazon Machine Learning learns the pattern from labelled examples and returns a prediction per order in real time — no hand-written rules to keep tuning.',
    tradeOffs: {
      redshift:
        'SQL finds what you already know to look for; the session’s counterexample showed rules growing query by query. A model learns the pattern from the data.',
      lambda:
        'Lambda could call a model, but the model itself has to be learned: that is the machine learning service’s job.',
    },
  },
];

/** Every card. */
export const allCards: readonly ScenarioCard[] = [...storageCards, ...processingCards];
