/**
 * Session 2, Streams vs Firehose: the same access-log traffic through Kinesis Streams to a polling
 * consumer and through Firehose to S3, measured record by record, then the right one for each use case.
 */
import type { LabDefinition } from '../engine/types.ts';
import {
  bestPath,
  FASTEST_2016,
  firehoseFastest,
  firehoseMean,
  latencyFacts,
  streamsMax,
  streamsMean,
  useCases,
  useCaseTasks,
  type LatencyFacts,
} from './checks.ts';
import {
  reduceStreamsVsFirehose,
  startWorkspace,
  type StreamsVsFirehoseAction,
  type StreamsVsFirehoseWorkspace,
} from './workspace.ts';

/** The Streams-vs-Firehose lab. Solutions that read the simulation are computed when first asked for. */
export const streamsVsFirehoseLab = {
  id: 'streams-vs-firehose',
  session: 2,
  title: 'Streams vs Firehose',
  objectives: [
    'Measure that a Kinesis Streams consumer polling once a second has each record in under a second.',
    'Measure that Firehose holds records for up to its buffer interval — at least 60 s in 2016 at low traffic — before they are in S3.',
    'Choose Streams when a use case needs data within seconds, and Firehose when minutes are fine and the data should land in S3 or Redshift with no code to run.',
  ],
  estimatedMinutes: 15,
  text: new URL('./lab.md', import.meta.url),
  initialWorkspace: startWorkspace,
  reduce: reduceStreamsVsFirehose,
  derive: (workspace): LatencyFacts => latencyFacts(workspace),
  steps: [
    {
      id: 'streams-latency',
      title: 'Sub-second with Streams',
      tasks: [streamsMax, streamsMean],
      hints: [
        'The Streams panel shows the longest and the average wait of every record the consumer read.',
        'A record put just after a GetRecords call waits for the next one, a second later; one put just before waits almost nothing.',
        'Read both numbers off the Streams panel; round the average to the nearest 10 ms.',
      ],
      get solution(): StreamsVsFirehoseAction[] {
        const { streams } = latencyFacts(startWorkspace);
        return [
          { type: 'answer', question: 'streams-max-ms', value: streams.latency.maxMs },
          {
            type: 'answer',
            question: 'streams-mean-ms',
            value: Math.round(streams.latency.meanMs / 10) * 10,
          },
        ];
      },
    },
    {
      id: 'fastest-firehose',
      title: 'The fastest Firehose',
      tasks: [firehoseFastest, firehoseMean],
      hints: [
        'Firehose delivers when the first of its two hints is reached. Which one can fire sooner at this traffic?',
        'About 2 KiB a second takes minutes to fill even 1 MB, so the interval decides. Its 2016 minimum is 60 s.',
        'Set the interval to 60 s, then read the average wait off the Firehose panel, in seconds.',
      ],
      get solution(): StreamsVsFirehoseAction[] {
        const { fastest } = latencyFacts({ ...startWorkspace, ...FASTEST_2016 });
        return [
          { type: 'set-buffer-interval', intervalSeconds: FASTEST_2016.intervalSeconds },
          { type: 'set-buffer-size', sizeMB: FASTEST_2016.sizeMB },
          { type: 'answer', question: 'firehose-mean-s', value: Math.round(fastest.latency.meanMs / 1000) },
        ];
      },
    },
    {
      id: 'choose',
      title: 'When each fits',
      tasks: useCaseTasks,
      hints: [
        'Compare how fresh each use case needs its data with what each path achieved.',
        'If Firehose’s fastest setting is fresh enough, prefer it: nothing to write, run or scale. Otherwise you need Streams and a consumer.',
        'Anything that needs seconds goes to Streams; an archive and an hourly report go to Firehose.',
      ],
      get solution(): StreamsVsFirehoseAction[] {
        const facts = latencyFacts(startWorkspace);
        return useCases.map((useCase) => ({
          type: 'pick',
          useCase: useCase.id,
          path: bestPath(useCase, facts),
        }));
      },
    },
  ],
} satisfies LabDefinition<StreamsVsFirehoseWorkspace, StreamsVsFirehoseAction, LatencyFacts>;
