/** The KPL-aggregation lab's workspace (the producer's KPL settings and the learner's answers) and reducer. */
import { ok, type Result } from '../../sim/core/errors.ts';
import { invalidAction } from '../engine/run.ts';

/** The two per-shard write limits. */
export type WriteLimit = 'records' | 'bytes';

/** What the learner has set and answered. */
export interface KplLabWorkspace {
  readonly seed: number;
  /** KPL AggregationEnabled. */
  readonly aggregation: boolean;
  /** KPL RecordMaxBufferedTime, in ms. */
  readonly recordMaxBufferedTimeMs: number;
  readonly answers: { readonly 'refused-by'?: WriteLimit; readonly 'units-per-record'?: number };
}

/** What the learner can do. */
export type KplLabAction =
  | { readonly type: 'set-aggregation'; readonly enabled: boolean }
  | { readonly type: 'set-record-max-buffered-time'; readonly ms: number }
  | { readonly type: 'answer'; readonly question: 'refused-by'; readonly value: WriteLimit }
  | { readonly type: 'answer'; readonly question: 'units-per-record'; readonly value: number };

/** The KPL's default RecordMaxBufferedTime [AWS-FACTS §2.1]. */
export const DEFAULT_RECORD_MAX_BUFFERED_TIME_MS = 100;
/** The longest buffering the explorable offers; the KPL itself allows more. */
export const MAX_BUFFERED_TIME_MS = 1000;

/** The starting point: the producer sends every reading as its own Kinesis record. */
export const startWorkspace: KplLabWorkspace = {
  seed: 1,
  aggregation: false,
  recordMaxBufferedTimeMs: DEFAULT_RECORD_MAX_BUFFERED_TIME_MS,
  answers: {},
};

/** Applies one action; refuses values outside the KPL's ranges and unknown questions. */
export function reduceKplLab(workspace: KplLabWorkspace, action: KplLabAction): Result<KplLabWorkspace> {
  switch (action.type) {
    case 'set-aggregation':
      if (typeof action.enabled !== 'boolean') {
        return invalidAction('AggregationEnabled is either true or false.', 'enabled');
      }
      return ok({ ...workspace, aggregation: action.enabled });
    case 'set-record-max-buffered-time':
      if (!Number.isInteger(action.ms) || action.ms < 1 || action.ms > MAX_BUFFERED_TIME_MS) {
        return invalidAction(
          `RecordMaxBufferedTime must be a whole number of milliseconds from 1 to ${MAX_BUFFERED_TIME_MS} in this lab (given ${String(action.ms)}).`,
          'ms',
        );
      }
      return ok({ ...workspace, recordMaxBufferedTimeMs: action.ms });
    case 'answer':
      if (action.question === 'refused-by') {
        if (action.value !== 'records' && action.value !== 'bytes') {
          return invalidAction('Answer records or bytes.', 'value');
        }
        return ok({ ...workspace, answers: { ...workspace.answers, 'refused-by': action.value } });
      }
      if (action.question === 'units-per-record') {
        if (typeof action.value !== 'number' || !Number.isFinite(action.value)) {
          return invalidAction(
            `The answer must be a number (given ${JSON.stringify(action.value)}).`,
            'value',
          );
        }
        return ok({ ...workspace, answers: { ...workspace.answers, 'units-per-record': action.value } });
      }
      return invalidAction(
        `"${String((action as { question: unknown }).question)}" is not a question; use refused-by or units-per-record.`,
        'question',
      );
    default:
      return invalidAction(
        `Unknown action "${(action as { type: unknown }).type}"; use set-aggregation, set-record-max-buffered-time or answer.`,
        'type',
      );
  }
}
