/** The Streams-vs-Firehose lab's workspace (the delivery stream's hints, answers, use-case picks) and reducer. */
import { ok, type Result } from '../../sim/core/errors.ts';
import { validateDeliveryStream } from '../../sim/firehose/index.ts';
import { PRICE_BOOKS } from '../../sim/pricing/books.ts';
import { invalidAction } from '../engine/run.ts';

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
export function reduceStreamsVsFirehose(
  workspace: StreamsVsFirehoseWorkspace,
  action: StreamsVsFirehoseAction,
): Result<StreamsVsFirehoseWorkspace> {
  switch (action.type) {
    case 'set-buffer-size':
      return checkHints({ ...workspace, sizeMB: action.sizeMB });
    case 'set-buffer-interval':
      return checkHints({ ...workspace, intervalSeconds: action.intervalSeconds });
    case 'answer':
      if (!latencyQuestionIds.includes(action.question)) {
        return invalidAction(
          `"${String(action.question)}" is not a question; use one of ${latencyQuestionIds.join(', ')}.`,
          'question',
        );
      }
      if (typeof action.value !== 'number' || !Number.isFinite(action.value)) {
        return invalidAction(`The answer must be a number (given ${JSON.stringify(action.value)}).`, 'value');
      }
      return ok({ ...workspace, answers: { ...workspace.answers, [action.question]: action.value } });
    case 'pick':
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
    default:
      return invalidAction(
        `Unknown action "${(action as { type: unknown }).type}"; use set-buffer-size, set-buffer-interval, answer or pick.`,
        'type',
      );
  }
}
