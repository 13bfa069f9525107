/**
 * Lab 2 of the introduction: match workloads to services by data structure, latency, throughput and
 * access pattern, with the trade-off explained for every pick.
 */
import type { LabDefinition } from '../engine/types.ts';
import { processingCards, storageCards, type ScenarioCard } from './cards.ts';
import { cardTask, reduceRightTool, type RightToolAction, type RightToolWorkspace } from './workspace.ts';

const solve = (cards: readonly ScenarioCard[]): RightToolAction[] =>
  cards.map((card) => ({ type: 'pick', card: card.id, service: card.accepted[0]! }));

/** The right-tool lab. */
export const rightToolLab = {
  id: 'right-tool',
  session: 1,
  title: 'The right tool for the job',
  objectives: [
    'Describe a workload by its data structure, latency, throughput and access pattern.',
    'Choose among S3, Glacier, Kinesis Streams, Firehose, DynamoDB, ElastiCache, RDS and Elasticsearch for where data lives.',
    'Choose among Redshift, EMR, Lambda, Spark Streaming and Amazon Machine Learning for what processes it, and explain the trade-off.',
  ],
  estimatedMinutes: 15,
  text: new URL('./lab.md', import.meta.url),
  initialWorkspace: { picks: {} },
  reduce: reduceRightTool,
  derive: () => undefined,
  steps: [
    {
      id: 'where-data-lives',
      title: 'Where the data lives',
      tasks: storageCards.map(cardTask),
      hints: [
        'Read the access pattern first: by key, by words, in order as a stream, whole files, or related rows?',
        'Then latency: sub-millisecond means memory; single-digit milliseconds at any scale means DynamoDB; a minute or more allows batching.',
        'Stream to replay → Kinesis Streams; immutable logs → S3; profiles by id → DynamoDB; hot top-ten → ElastiCache; orders → RDS; text search → Elasticsearch; no-code delivery → Firehose.',
      ],
      solution: solve(storageCards),
    },
    {
      id: 'what-processes-it',
      title: 'What processes it',
      tasks: processingCards.map(cardTask),
      hints: [
        'Ask whether the work is SQL over tables, your own code over big files, one event at a time, state over a window, or a prediction.',
        'A cluster you start for the night is EMR; a function per event is Lambda; windows over a stream are Spark Streaming.',
        'BI over terabytes → Redshift; nightly clean-up → EMR; per-event alert → Lambda; sliding window → Spark Streaming; fraud score → Amazon Machine Learning.',
      ],
      solution: solve(processingCards),
    },
  ],
} satisfies LabDefinition<RightToolWorkspace, RightToolAction>;
