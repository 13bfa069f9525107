/** The Streams-vs-Firehose lab's workspace (the delivery stream's hints, answers, use-case picks) and reducer. */
import { ok, type Result } from '../../sim/core/index.ts';
import { validateDeliveryStream } from '../../sim/firehose/index.ts';
import { PRICE_BOOKS } from '../../sim/pricing/index.ts';
import { invalidAction } from '../engine/run.ts';
import { answerWith, reduceWith, refuseNonNumber } from '../kit/reduce.ts';

/** The numeric questions, by id. */
export type LatencyQuestionId = 'streams-max-ms' | 'streams-mean-ms' | 'firehose-mean-s';

/** Every question id. */
export const latencyQuestionIds: readonly LatencyQuestionId[] = [
  'streams-max-ms',
  'streams-mean-ms',
  'firehose-mean-s',
];

/** The two ways into AWS the lab compares. */
export type StreamingPath = 'streams' | 'firehose';

/** The use cases of the last step, by id. */
export type UseCaseId = 'fraud-alert' | 'log-archive' | 'live-counter' | 'hourly-reports';

/** Every use case id. */
export const useCaseIds: readonly UseCaseId[] = [
  'fraud-alert',
  'log-archive',
  'live-counter',
  'hourly-reports',
];

/** What the learner has set, answered and picked. */
export interface StreamsVsFirehoseWorkspace {
  readonly seed: number;
  /** The delivery stream's BufferingHints. */
  readonly sizeMB: number;
  readonly intervalSeconds: number;
  readonly answers: Partial<Record<LatencyQuestionId, number>>;
  readonly picks: Partial<Record<UseCaseId, StreamingPath>>;
}

/** What the learner can do. */
export type StreamsVsFirehoseAction =
  | { readonly type: 'set-buffer-size'; readonly sizeMB: number }
  | { readonly type: 'set-buffer-interval'; readonly intervalSeconds: number }
  | { readonly type: 'answer'; readonly question: LatencyQuestionId; readonly value: number }
  | { readonly type: 'pick'; readonly useCase: UseCaseId; readonly path: StreamingPath };

/** The start: a delivery stream with the default hints (5 MB, 300 s). */
export const startWorkspace: StreamsVsFirehoseWorkspace = {
  seed: 2016,
  sizeMB: 5,
  intervalSeconds: 300,
  answers: {},
  picks: {},
};

function checkHints(workspace: StreamsVsFirehoseWorkspace): Result<StreamsVsFirehoseWorkspace> {
  const checked = validateDeliveryStream(
    {
      DeliveryStreamName: 'weblogs-to-s3',
      S3DestinationConfiguration: {
        BucketName: 'shop-weblogs',
        BufferingHints: { SizeInMBs: workspace.sizeMB, IntervalInSeconds: workspace.intervalSeconds },
      },
    },
    PRICE_BOOKS['2016'],
  );
  if (!checked.ok) return invalidAction(checked.error.message, checked.error.path?.split('.').at(-1));
  return ok(workspace);
}

/** Applies one action; hints AWS refused in 2016 are refused with the API's reason. */
export const reduceStreamsVsFirehose = reduceWith<StreamsVsFirehoseWorkspace, StreamsVsFirehoseAction>({
  'set-buffer-size': (workspace, action) => {
    return checkHints({ ...workspace, sizeMB: action.sizeMB });
  },
  'set-buffer-interval': (workspace, action) => {
    return checkHints({ ...workspace, intervalSeconds: action.intervalSeconds });
  },
  answer: answerWith({ questions: latencyQuestionIds, refuse: refuseNonNumber }),
  pick: (workspace, action) => {
    if (!useCaseIds.includes(action.useCase)) {
      return invalidAction(
        `"${String(action.useCase)}" is not a use case; use one of ${useCaseIds.join(', ')}.`,
        'useCase',
      );
    }
    if (action.path !== 'streams' && action.path !== 'firehose') {
      return invalidAction(`Pick "streams" or "firehose" (given ${JSON.stringify(action.path)}).`, 'path');
    }
    return ok({ ...workspace, picks: { ...workspace.picks, [action.useCase]: action.path } });
  },
});
