/**
 * The workshop day as the slides give it (SEED-FIGURES.md, "Agenda"): four sessions and a break, each
 * session with the labs it will hold. A lab is available once its definition is registered in labs/;
 * until then the agenda lists it honestly as not available yet.
 *
 * A session's slot runs from its start to the next block's start; the labs marked `core` are the path that
 * fits the slot (labs/agenda.test.ts proves it against each lab's `estimatedMinutes`), and the `optional`
 * ones are for self-paced learners or an instructor who plans a different day.
 */

/** One of the day's four teaching sessions. */
export type SessionNumber = 1 | 2 | 3 | 4;

/** A lab the session is planned to hold, by id; `labs/` registers the definitions that exist. */
export interface PlannedLab {
  /** Stable id, also the lab folder's slug (`labs/NN-slug/`). */
  readonly id: string;
  readonly title: string;
  /** `core`: on the session's path that fits its slot; `optional`: for self-paced learners. */
  readonly path: 'core' | 'optional';
}

/**
 * When the day ends, 24-hour `HH:MM`. The agenda slide prints start times only and no end, so the last
 * session is given one hour, like the sessions at 2:00 and 3:15; the instructor can set the real end in the
 * day plan.
 */
export const ASSUMED_DAY_END = '17:15';

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
      { id: 'data-bus', title: 'The data bus', path: 'core' },
      { id: 'right-tool', title: 'The right tool for the job', path: 'core' },
      { id: 'lambda-architecture', title: 'Lambda architecture', path: 'core' },
      { id: 'big-data-small-cost', title: 'Big data ≠ big cost', path: 'core' },
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
      { id: 'partition-keys', title: 'Partition-key strategy', path: 'core' },
      {
        id: 'provision-shards',
        title: 'Provisioning shards for ingress, egress and headroom',
        path: 'optional',
      },
      { id: 'hot-shard', title: 'Fixing a hot shard', path: 'core' },
      { id: 'kpl-aggregation', title: 'KPL aggregation', path: 'optional' },
      { id: 'kcl-scaling', title: 'Scaling KCL workers', path: 'optional' },
      { id: 'consumers-compared', title: 'Lambda vs KCL vs Spark Streaming', path: 'optional' },
      { id: 'streams-vs-firehose', title: 'Streams vs Firehose', path: 'core' },
      { id: 'firehose-buffering', title: 'Firehose buffer tuning', path: 'optional' },
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
      { id: 'datasource-statistics', title: 'Datasource statistics', path: 'core' },
      { id: 'train-and-evaluate', title: 'Train and evaluate a model', path: 'core' },
      { id: 'score-threshold', title: 'The score-threshold trade-off', path: 'core' },
      { id: 'predictions', title: 'Batch and real-time predictions', path: 'core' },
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
      { id: 'firehose-to-s3', title: 'Web logs to S3 with Firehose', path: 'core' },
      { id: 'emr-processing', title: 'Process the logs on EMR', path: 'core' },
      { id: 'redshift-sizing', title: 'Size the warehouse', path: 'core' },
      { id: 'redshift-load', title: 'Load Redshift with COPY', path: 'core' },
      { id: 'redshift-keys', title: 'Distribution and sort keys', path: 'optional' },
      { id: 'redshift-queries', title: 'Answer questions with SQL', path: 'core' },
    ],
  },
];

/** `HH:MM` → minutes after midnight. */
export const minutesOf = (time: string): number => {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

/** A block of the day with the time it ends: the next block's start, or the day's end for the last one. */
export interface AgendaSlot {
  readonly item: AgendaItem;
  /** 24-hour `HH:MM`, as `startsAt`. */
  readonly endsAt: string;
  /** Length of the slot in minutes. */
  readonly minutes: number;
}

/** Every block of the day with its end; `dayEndsAt` ends the last session (default: the assumed end). */
export function agendaSlots(dayEndsAt: string = ASSUMED_DAY_END): readonly AgendaSlot[] {
  return agenda.map((item, index) => {
    const endsAt = agenda[index + 1]?.startsAt ?? dayEndsAt;
    return { item, endsAt, minutes: minutesOf(endsAt) - minutesOf(item.startsAt) };
  });
}
