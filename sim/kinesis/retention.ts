import { ok, type Result } from '../core/index.ts';
import type { Millis } from '../core/index.ts';
import { kinesisFail } from './errors.ts';
import { findStream, limitsOf } from './stream.ts';
import type { KinesisError, KinesisState } from './types.ts';

/** Retention change request. */
export interface RetentionRequest {
  readonly StreamName: string;
  readonly RetentionPeriodHours: number;
}

function changeRetention(
  state: KinesisState,
  request: RetentionRequest,
  direction: 'increase' | 'decrease',
): Result<Record<string, never>, KinesisError> {
  const found = findStream(state, request.StreamName);
  if (!found.ok) return found;
  const stream = found.value;
  const limits = limitsOf(state);
  const hours = request.RetentionPeriodHours;
  if (!Number.isInteger(hours) || hours < limits.retentionDefaultHours || hours > limits.retentionMaxHours) {
    return kinesisFail(
      'InvalidArgumentException',
      `RetentionPeriodHours must be a whole number from ${limits.retentionDefaultHours} to ${limits.retentionMaxHours} in the ${state.era} era (got ${String(hours)}).`,
      'RetentionPeriodHours',
    );
  }
  const current = stream.RetentionPeriodHours;
  if (direction === 'increase' ? hours < current : hours > current) {
    const verb = direction === 'increase' ? 'Increase' : 'Decrease';
    return kinesisFail(
      'InvalidArgumentException',
      `${verb}StreamRetentionPeriod cannot ${direction === 'increase' ? 'lower' : 'raise'} retention from ${current} h to ${hours} h; use ${direction === 'increase' ? 'Decrease' : 'Increase'}StreamRetentionPeriod.`,
      'RetentionPeriodHours',
    );
  }
  stream.RetentionPeriodHours = hours;
  return ok({});
}

/**
 * IncreaseStreamRetentionPeriod: up to 168 h in 2016, 8,760 h today. Records already trimmed stay gone;
 * hours beyond 24 are billed as extended retention (see sim/pricing).
 */
export function increaseStreamRetentionPeriod(
  state: KinesisState,
  request: RetentionRequest,
  _now: Millis,
): Result<Record<string, never>, KinesisError> {
  return changeRetention(state, request, 'increase');
}

/** DecreaseStreamRetentionPeriod: down to 24 h; older records become unreadable within a second. */
export function decreaseStreamRetentionPeriod(
  state: KinesisState,
  request: RetentionRequest,
  _now: Millis,
): Result<Record<string, never>, KinesisError> {
  return changeRetention(state, request, 'decrease');
}
