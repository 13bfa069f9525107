/** The Firehose buffer-tuning lab's workspace (the delivery stream's settings, the learner's answers) and reducer. */
import { ok, type Result } from '../../sim/core/index.ts';
import { validateDeliveryStream, type CompressionFormat } from '../../sim/firehose/index.ts';
import { PRICE_BOOKS } from '../../sim/pricing/index.ts';
import { invalidAction } from '../engine/run.ts';
import { answerWith, reduceWith, refuseNonNumber } from '../kit/reduce.ts';
import { BUCKET, STREAM_NAME } from '../kit/buffering-run.ts';

/** The lab's questions, by id; `default-trigger` takes a hint name, the others a number. */
export type BufferingQuestionId =
  'default-objects' | 'default-trigger' | 'puts-per-month' | 'compression-ratio';

/** Which buffering hint made Firehose deliver. */
export type HintName = 'size' | 'interval';

/** Every question id. */
export const bufferingQuestionIds: readonly BufferingQuestionId[] = [
  'default-objects',
  'default-trigger',
  'puts-per-month',
  'compression-ratio',
];

/** What the learner has set and answered. */
export interface FirehoseBufferingWorkspace {
  /** Seed of the access-log traffic. */
  readonly seed: number;
  /** BufferingHints.SizeInMBs. */
  readonly sizeMB: number;
  /** BufferingHints.IntervalInSeconds. */
  readonly intervalSeconds: number;
  readonly compression: Exclude<CompressionFormat, 'Snappy'>;
  readonly answers: {
    readonly 'default-objects'?: number;
    readonly 'default-trigger'?: HintName;
    readonly 'puts-per-month'?: number;
    readonly 'compression-ratio'?: number;
  };
}

/** What the learner can do. */
export type FirehoseBufferingAction =
  | { readonly type: 'set-buffer-size'; readonly sizeMB: number }
  | { readonly type: 'set-buffer-interval'; readonly intervalSeconds: number }
  | { readonly type: 'set-compression'; readonly compression: CompressionFormat }
  | {
      readonly type: 'answer';
      readonly question: Exclude<BufferingQuestionId, 'default-trigger'>;
      readonly value: number;
    }
  | { readonly type: 'answer'; readonly question: 'default-trigger'; readonly value: HintName };

/** The delivery stream as CreateDeliveryStream makes it by default: 5 MB, 300 s, uncompressed. */
export const startWorkspace: FirehoseBufferingWorkspace = {
  seed: 2016,
  sizeMB: 5,
  intervalSeconds: 300,
  compression: 'UNCOMPRESSED',
  answers: {},
};

/** Asks the Firehose model whether AWS would accept these settings in 2016; its error says why not. */
function checkSettings(workspace: FirehoseBufferingWorkspace): Result<FirehoseBufferingWorkspace> {
  const checked = validateDeliveryStream(
    {
      DeliveryStreamName: STREAM_NAME,
      S3DestinationConfiguration: {
        BucketName: BUCKET,
        BufferingHints: { SizeInMBs: workspace.sizeMB, IntervalInSeconds: workspace.intervalSeconds },
        CompressionFormat: workspace.compression,
      },
    },
    PRICE_BOOKS['2016'],
  );
  if (!checked.ok) {
    const field = checked.error.path?.split('.').at(-1) ?? 'settings';
    return invalidAction(checked.error.message, field);
  }
  return ok(workspace);
}

/** Applies one action; settings AWS would refuse are refused with the API's reason. */
export const reduceFirehoseBuffering = reduceWith<FirehoseBufferingWorkspace, FirehoseBufferingAction>({
  'set-buffer-size': (workspace, action) => {
    return checkSettings({ ...workspace, sizeMB: action.sizeMB });
  },
  'set-buffer-interval': (workspace, action) => {
    return checkSettings({ ...workspace, intervalSeconds: action.intervalSeconds });
  },
  'set-compression': (workspace, action) => {
    return checkSettings({
      ...workspace,
      compression: action.compression as FirehoseBufferingWorkspace['compression'],
    });
  },
  answer: answerWith({
    questions: bufferingQuestionIds,
    refuse: (value, question) =>
      question !== 'default-trigger'
        ? refuseNonNumber(value)
        : value === 'size' || value === 'interval'
          ? undefined
          : `Answer "size" or "interval" (given ${JSON.stringify(value)}).`,
  }),
});
