import { HOURS_PER_MONTH } from '../core/index.ts';
import type { PriceBook } from '../pricing/index.ts';
import { InputChecker } from './inputs.ts';
import type { CalcError, Calculation, CalculationBase, CostLine } from './types.ts';
import { m, n, p, Worksheet } from './worksheet.ts';

/** What the learner tells the Amazon ML calculator. */
export interface MlInput {
  /** Compute hours for data analysis (statistics), training and evaluation. */
  readonly computeHours: number;
  /** Batch predictions per month. */
  readonly batchPredictions: number;
  /** Real-time predictions per month. */
  readonly realtimePredictions: number;
  /** Model size in MB held by a real-time endpoint (default 0 = no endpoint). */
  readonly endpointModelMb?: number;
  /** Hours the endpoint stays up (default 730, a month, when there is an endpoint). */
  readonly endpointHours?: number;
}

/** The Amazon ML calculator's answer. */
export interface MlResult extends CalculationBase {
  readonly computeUsd: number;
  readonly batchUsd: number;
  readonly realtimeUsd: number;
  readonly reservedCapacityUsd: number;
  readonly totalUsd: number;
  /** Average real-time requests per second over the endpoint's hours (limit: 200 per endpoint). */
  readonly realtimeRequestsPerSecond: number;
  readonly costBreakdown: readonly CostLine[];
}

/** Largest model Amazon ML trains (2 GB, AWS-FACTS §7 limits). */
const MAX_MODEL_MB = 2048;

/**
 * Prices Amazon ML use: compute hours, batch and real-time predictions, and the hourly capacity reserved
 * for a real-time endpoint (AWS-FACTS §7, row 80: structure confirmed, amounts from the slides or
 * unconfirmed).
 */
export function calculateMl(input: MlInput, book: PriceBook): Calculation<MlResult> {
  const check = new InputChecker();
  const computeHours = check.number('computeHours', input.computeHours, {
    label: 'Compute hours',
    min: 0,
    max: 1e6,
  });
  const count = { min: 0, max: 1e12, integer: true } as const;
  const batch = check.number('batchPredictions', input.batchPredictions, {
    label: 'Batch predictions',
    ...count,
  });
  const realtime = check.number('realtimePredictions', input.realtimePredictions, {
    label: 'Real-time predictions',
    ...count,
  });
  const modelMb = check.optionalNumber(
    'endpointModelMb',
    input.endpointModelMb,
    { label: 'Endpoint model size (MB)', min: 0, max: MAX_MODEL_MB },
    0,
  );
  const endpointHours = check.optionalNumber(
    'endpointHours',
    input.endpointHours,
    { label: 'Endpoint hours', min: 0, max: 8760 },
    modelMb > 0 ? HOURS_PER_MONTH : 0,
  );
  if (realtime > 0 && modelMb === 0) {
    check.problem(
      'endpointModelMb',
      'Real-time predictions need a real-time endpoint: give its model size in MB (endpointModelMb), from 1 to 2,048.',
      'a number from 1 to 2,048',
    );
  }
  if (check.errors.length > 0) return { ok: false, errors: check.errors };

  const sheet = new Worksheet(book);
  const errors: CalcError[] = [];
  const computePrice = sheet.price('ml.computeHour', errors);
  const batchPrice = sheet.price('ml.batchPer1000', errors);
  const realtimePrice = sheet.price('ml.realtimePrediction', errors);
  const reservedPrice = modelMb > 0 ? sheet.price('ml.reservedCapacityPer10MbHour', errors) : 0;
  if (
    computePrice === undefined ||
    batchPrice === undefined ||
    realtimePrice === undefined ||
    reservedPrice === undefined
  ) {
    return { ok: false, errors };
  }
  const computeUsd = sheet.step({
    id: 'computeCost',
    label: 'Data analysis, training and evaluation',
    formula: 'compute hours × price per hour',
    substituted: `${n(computeHours)} × ${p(computePrice)}`,
    value: computeHours * computePrice,
    unit: 'USD',
    uses: ['ml.computeHour'],
  });
  const batchUsd = sheet.step({
    id: 'batchCost',
    label: 'Batch predictions',
    formula: 'predictions ÷ 1,000 × price per 1,000',
    substituted: `${n(batch)} ÷ 1,000 × ${p(batchPrice)}`,
    value: (batch / 1000) * batchPrice,
    unit: 'USD',
    uses: ['ml.batchPer1000'],
  });
  const realtimeUsd = sheet.step({
    id: 'realtimeCost',
    label: 'Real-time predictions',
    formula: 'predictions × price per prediction',
    substituted: `${n(realtime)} × ${p(realtimePrice)}`,
    value: realtime * realtimePrice,
    unit: 'USD',
    uses: ['ml.realtimePrediction'],
  });
  const reservedCapacityUsd =
    modelMb > 0
      ? sheet.step({
          id: 'reservedCapacityCost',
          label: 'Real-time endpoint capacity reservation',
          formula: 'model MB ÷ 10 × endpoint hours × price per 10 MB-hour',
          substituted: `${n(modelMb)} ÷ 10 × ${n(endpointHours)} × ${p(reservedPrice)}`,
          value: (modelMb / 10) * endpointHours * reservedPrice,
          unit: 'USD',
          uses: ['ml.reservedCapacityPer10MbHour'],
          note: 'Charged in proportion to model size; whether AWS rounded up to whole 10 MB blocks is not in the reference.',
        })
      : 0;
  const realtimeRequestsPerSecond = endpointHours > 0 ? realtime / (endpointHours * 3600) : 0;
  const rateLimit = sheet.limit('ml.realtimeRequestsPerSecond');
  if (realtimeRequestsPerSecond > rateLimit) {
    sheet.note(
      'warning',
      `${n(realtimeRequestsPerSecond)} real-time requests/s on average is above the ${rateLimit} requests/s an endpoint serves; requests would be throttled.`,
      ['ml.realtimeRequestsPerSecond'],
    );
  }
  const lines: CostLine[] = [
    { id: 'compute', label: 'Compute hours', usd: computeUsd, uses: ['ml.computeHour'] },
    { id: 'batch', label: 'Batch predictions', usd: batchUsd, uses: ['ml.batchPer1000'] },
    { id: 'realtime', label: 'Real-time predictions', usd: realtimeUsd, uses: ['ml.realtimePrediction'] },
    {
      id: 'reservedCapacity',
      label: 'Endpoint capacity',
      usd: reservedCapacityUsd,
      uses: ['ml.reservedCapacityPer10MbHour'],
    },
  ];
  const totalUsd = sheet.step({
    id: 'totalCost',
    label: 'Total',
    formula: 'compute + batch + real-time + endpoint capacity',
    substituted: lines.map((line) => `${m(line.usd)}`).join(' + '),
    value: computeUsd + batchUsd + realtimeUsd + reservedCapacityUsd,
    unit: 'USD',
  });
  sheet.note(
    'warning',
    'Amazon ML’s dollar amounts are as the workshop slides state them; AWS-FACTS could not confirm them from an AWS source (row 80).',
  );
  return {
    ok: true,
    value: {
      ...sheet.finish(),
      computeUsd,
      batchUsd,
      realtimeUsd,
      reservedCapacityUsd,
      totalUsd,
      realtimeRequestsPerSecond,
      costBreakdown: lines,
    },
  };
}
