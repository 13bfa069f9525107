/**
 * The workshop day as the slides give it (SEED-FIGURES.md, "Agenda"): four sessions and a break, each
 * session with the labs it will hold. A lab is available once its definition is registered in labs/;
 * until then the agenda lists it honestly as not available yet.
 */

/** One of the day's four teaching sessions. */
export type SessionNumber = 1 | 2 | 3 | 4;

/** A lab the session is planned to hold, by id; `labs/` registers the definitions that exist. */
export interface PlannedLab {
  /** Stable id, also the lab folder's slug (`labs/NN-slug/`). */
  readonly id: string;
  readonly title: string;
}

/** A block of the day's timetable. */
export type AgendaItem =
  | {
      readonly kind: 'session';
      readonly session: SessionNumber;
      /** Local start time as printed on the agenda slide, 24-hour `HH:MM`. */
      readonly startsAt: string;
      readonly title: string;
      /** The title as the slide printed it. */
      readonly slideTitle: string;
      readonly summary: string;
      readonly labs: readonly PlannedLab[];
    }
  | { readonly kind: 'break'; readonly startsAt: string; readonly title: string };

/** The day, in order. */
export const agenda: readonly AgendaItem[] = [
  {
    kind: 'session',
    session: 1,
    startsAt: '12:30',
    title: 'Introduction',
    slideTitle: 'Introductory Session',
    summary:
      'Big data on AWS: the decoupled data bus, the right tool for the job, the Lambda architecture, and why big data need not mean big cost.',
    labs: [
      { id: 'data-bus', title: 'The data bus' },
      { id: 'right-tool', title: 'The right tool for the job' },
      { id: 'lambda-architecture', title: 'Lambda architecture' },
      { id: 'big-data-small-cost', title: 'Big data ≠ big cost' },
    ],
  },
  {
    kind: 'session',
    session: 2,
    startsAt: '14:00',
    title: 'Real-time streaming',
    slideTitle: 'Best Practices on Real-time Streaming Analytics',
    summary:
      'Kinesis Streams (shards, partition keys, limits, resharding, KPL and KCL), Firehose, Spark Streaming and Lambda.',
    labs: [
      { id: 'partition-keys', title: 'Partition-key strategy' },
      { id: 'provision-shards', title: 'Provisioning shards for ingress, egress and headroom' },
      { id: 'hot-shard', title: 'Fixing a hot shard' },
      { id: 'kpl-aggregation', title: 'KPL aggregation' },
      { id: 'kcl-scaling', title: 'Scaling KCL workers' },
      { id: 'consumers-compared', title: 'Lambda vs KCL vs Spark Streaming' },
      { id: 'streams-vs-firehose', title: 'Streams vs Firehose' },
      { id: 'firehose-buffering', title: 'Firehose buffer tuning' },
    ],
  },
  { kind: 'break', startsAt: '15:00', title: 'Break' },
  {
    kind: 'session',
    session: 3,
    startsAt: '15:15',
    title: 'Amazon Machine Learning',
    slideTitle: 'Getting started with Amazon Machine Learning',
    summary:
      'Datasource statistics, training a model, evaluating it, choosing a score threshold, and batch and real-time predictions.',
    labs: [
      { id: 'datasource-statistics', title: 'Datasource statistics' },
      { id: 'train-and-evaluate', title: 'Train and evaluate a model' },
      { id: 'score-threshold', title: 'The score-threshold trade-off' },
      { id: 'predictions', title: 'Batch and real-time predictions' },
    ],
  },
  {
    kind: 'session',
    session: 4,
    startsAt: '16:15',
    title: 'Your first big data application',
    slideTitle: 'Building your first big data application on AWS',
    summary:
      'Web logs through Firehose to S3, processed on EMR with Spark and Hive, loaded into Redshift and queried with SQL.',
    labs: [
      { id: 'firehose-to-s3', title: 'Web logs to S3 with Firehose' },
      { id: 'emr-processing', title: 'Process the logs on EMR' },
      { id: 'redshift-load', title: 'Load Redshift with COPY' },
      { id: 'redshift-queries', title: 'Answer questions with SQL' },
    ],
  },
];
