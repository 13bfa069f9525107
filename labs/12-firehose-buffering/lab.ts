/**
 * Session 2, Firehose buffer tuning: send 30 minutes of a web shop's access log through a Direct-PUT
 * delivery stream into S3 and trade object size and count against how long records wait.
 */
import type { LabDefinition } from '../engine/types.ts';
import {
  bufferingFacts,
  compressionRatio,
  defaultObjects,
  defaultTrigger,
  fewObjects,
  freshWithinTarget,
  gzipObjects,
  putsPerMonth,
  type BufferingFacts,
} from './checks.ts';
import { runBuffering } from '../kit/buffering-run.ts';
import {
  reduceFirehoseBuffering,
  startWorkspace,
  type FirehoseBufferingAction,
  type FirehoseBufferingWorkspace,
} from './workspace.ts';

const seed = startWorkspace.seed;

/** The Firehose buffer-tuning lab. Solutions that read the simulation are computed when first asked for. */
export const firehoseBufferingLab = {
  id: 'firehose-buffering',
  session: 2,
  title: 'Firehose buffer tuning',
  objectives: [
    'Explain that Firehose delivers when the first of its two buffering hints is reached: size (1–128 MB) or interval (60–900 s in 2016).',
    'Choose buffering hints for a freshness target, and for few large objects, and read the S3 request count each setting makes.',
    'Measure what GZIP does to the objects in S3 on real log lines, and say why the size hint counts bytes before compression.',
  ],
  estimatedMinutes: 20,
  text: new URL('./lab.md', import.meta.url),
  initialWorkspace: startWorkspace,
  reduce: reduceFirehoseBuffering,
  derive: (workspace): BufferingFacts => bufferingFacts(workspace),
  steps: [
    {
      id: 'read-defaults',
      title: 'What the defaults do',
      tasks: [defaultObjects, defaultTrigger],
      hints: [
        'The table under the chart lists every object Firehose wrote to the bucket, with what triggered it.',
        'Compare how many bytes each object holds with the 5 MB size hint.',
        'The buffer never got near 5 MB: the 300-second interval ran out first, every time.',
      ],
      get solution(): FirehoseBufferingAction[] {
        const defaults = bufferingFacts(startWorkspace).defaults;
        return [
          { type: 'answer', question: 'default-objects', value: defaults.objects.length },
          { type: 'answer', question: 'default-trigger', value: defaults.objects[0]!.trigger },
        ];
      },
    },
    {
      id: 'fresh-data',
      title: 'Fresh within two minutes',
      tasks: [freshWithinTarget, putsPerMonth],
      hints: [
        'A record waits at most until the first hint fires. Which of the two can you make fire sooner?',
        'At about 2 KiB a second even the smallest size hint (1 MB) takes minutes to fill: shorten the interval.',
        'Set the interval to 120 s, then multiply the objects of the 30-minute run by 1,440.',
      ],
      get solution(): FirehoseBufferingAction[] {
        const run = runBuffering({ sizeMB: 5, intervalSeconds: 120, compression: 'UNCOMPRESSED' }, seed);
        return [
          { type: 'set-buffer-interval', intervalSeconds: 120 },
          { type: 'answer', question: 'puts-per-month', value: run.putsPerMonth },
        ];
      },
    },
    {
      id: 'few-objects',
      title: 'Few large objects for the nightly batch',
      tasks: [fewObjects],
      hints: [
        'Latency no longer matters: make the buffer wait as long as Firehose allows.',
        'The longest interval in 2016 is 900 s. Watch the size hint: if the buffer fills first, it cuts an extra object.',
        'Set the interval to 900 s and raise the size hint well above what 15 minutes of traffic brings (128 MB is the most).',
      ],
      solution: [
        { type: 'set-buffer-interval', intervalSeconds: 900 },
        { type: 'set-buffer-size', sizeMB: 128 },
      ],
    },
    {
      id: 'compress',
      title: 'Compress the objects',
      tasks: [gzipObjects, compressionRatio],
      hints: [
        'Choose GZIP: Firehose compresses each object before writing it to S3.',
        'The table shows each object’s size before and after compression; the totals are under it.',
        'Divide the total uncompressed bytes by the total bytes in S3 and round to one decimal.',
      ],
      get solution(): FirehoseBufferingAction[] {
        const run = runBuffering({ sizeMB: 128, intervalSeconds: 900, compression: 'GZIP' }, seed);
        return [
          { type: 'set-compression', compression: 'GZIP' },
          {
            type: 'answer',
            question: 'compression-ratio',
            value: Math.round(run.compressionRatio * 10) / 10,
          },
        ];
      },
    },
  ],
} satisfies LabDefinition<FirehoseBufferingWorkspace, FirehoseBufferingAction, BufferingFacts>;
