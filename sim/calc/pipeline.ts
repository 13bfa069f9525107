import { HOURS_PER_MONTH } from '../core/index.ts';
import { redshiftNodePriceId } from '../pricing/index.ts';
import type { PriceBook } from '../pricing/index.ts';
import { calculateEmr, type EmrResult } from './emr.ts';
import { calculateFirehose, type FirehoseResult } from './firehose.ts';
import { InputChecker } from './inputs.ts';
import { calculateRedshift, type RedshiftResult } from './redshift.ts';
import { calculateS3, type S3Result } from './s3.ts';
import type { CalcError, Calculation, CalculationBase, CostLine } from './types.ts';
import { m, n, p, Worksheet } from './worksheet.ts';

/** What the learner tells the whole-pipeline calculator (lab 4: web logs → Firehose → S3 → EMR → Redshift). */
export interface PipelineInput {
  readonly logLinesPerSecond: number;
  readonly bytesPerLine: number;
  /** Raw bytes ÷ stored bytes after GZIP (default 1: stored as sent; measure your own logs). */
  readonly compressionRatio?: number;
  /** Firehose BufferingHints (lab 4 uses IntervalInSeconds 60; size default 5). */
  readonly bufferSizeMiB?: number;
  readonly bufferIntervalSeconds?: number;
  /** The EMR cluster (lab 4: 2 × m3.xlarge), started once a day for this many hours. */
  readonly emrInstanceType?: string;
  readonly emrInstanceCount?: number;
  readonly emrHoursPerDay?: number;
  /** The Redshift cluster (lab 4: one dc1.large), always on. */
  readonly redshiftNodeType?: string;
  readonly redshiftNodeCount?: number;
}

/** The whole-pipeline calculator's answer: one cost segment per service, for a stacked bar. */
export interface PipelineResult extends CalculationBase {
  /** Monthly cost per service, in pipeline order: firehose, s3, emr, redshift. */
  readonly segments: readonly CostLine[];
  readonly monthlyCostUsd: number;
  /** Each service's own calculation, with its steps, for drilling down. */
  readonly parts: {
    readonly firehose: FirehoseResult;
    readonly s3: S3Result;
    readonly emr: EmrResult;
    readonly redshift: RedshiftResult;
  };
}

/** Lab 4 as the slides give it (SEED-FIGURES "Lab 4 commands"). */
export const LAB4_DEFAULTS = {
  bufferIntervalSeconds: 60,
  bufferSizeMiB: 5,
  emrInstanceType: 'm3.xlarge',
  emrInstanceCount: 2,
  emrHoursPerDay: 1,
  redshiftNodeType: 'dc1.large',
  redshiftNodeCount: 1,
} as const;

const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;

/** Renames a sub-calculator's input paths to the pipeline's field names, so errors point at the right field. */
function rename(errors: readonly CalcError[], names: Readonly<Record<string, string>>): CalcError[] {
  return errors.map((error) => {
    const path = names[error.path];
    return path ? { ...error, path } : error;
  });
}

/** Prices a month of the lab-4 pipeline, each service a segment (composes the other calculators). */
export function calculatePipeline(input: PipelineInput, book: PriceBook): Calculation<PipelineResult> {
  const check = new InputChecker();
  const ratio = check.optionalNumber(
    'compressionRatio',
    input.compressionRatio,
    { label: 'Compression ratio', min: 1, max: 100 },
    1,
  );
  const settings = {
    ...LAB4_DEFAULTS,
    // dc1 nodes are not sold today; dc2.large is their successor with the same size and price.
    ...(book.id === 'current' ? { redshiftNodeType: 'dc2.large' } : {}),
    ...stripUndefined(input),
  };
  const quiet = { explainSlideFigures: false };
  const firehose = calculateFirehose(
    {
      recordsPerSecond: input.logLinesPerSecond,
      recordBytes: input.bytesPerLine,
      bufferSizeMiB: settings.bufferSizeMiB,
      bufferIntervalSeconds: settings.bufferIntervalSeconds,
    },
    book,
  );
  const emr = calculateEmr(
    {
      instanceType: settings.emrInstanceType,
      instanceCount: settings.emrInstanceCount,
      hours: settings.emrHoursPerDay,
      runs: DAYS_PER_MONTH,
    },
    book,
    quiet,
  );
  const redshift = calculateRedshift(
    { nodeType: settings.redshiftNodeType, nodeCount: settings.redshiftNodeCount },
    book,
    quiet,
  );
  const errors: CalcError[] = [...check.errors];
  if (!firehose.ok) {
    errors.push(
      ...rename(firehose.errors, { recordsPerSecond: 'logLinesPerSecond', recordBytes: 'bytesPerLine' }),
    );
  }
  if (!emr.ok) {
    errors.push(
      ...rename(emr.errors, {
        instanceType: 'emrInstanceType',
        instanceCount: 'emrInstanceCount',
        hours: 'emrHoursPerDay',
      }),
    );
  }
  if (!redshift.ok) {
    errors.push(...rename(redshift.errors, { nodeType: 'redshiftNodeType', nodeCount: 'redshiftNodeCount' }));
  }
  if (errors.length > 0 || !firehose.ok || !emr.ok || !redshift.ok) return { ok: false, errors };

  const sheet = new Worksheet(book);
  const rawGb = sheet.step({
    id: 'rawGbPerMonth',
    label: 'Log data per month',
    formula: 'lines/s × bytes per line × 3,600 s × 730 h ÷ 2^30',
    substituted: `${n(firehose.value.recordsPerSecond)} × ${n(input.bytesPerLine)} × 3,600 × ${n(HOURS_PER_MONTH)} ÷ ${n(1024 ** 3)}`,
    value: (firehose.value.bytesPerSecond * 3600 * HOURS_PER_MONTH) / 1024 ** 3,
    unit: 'GB',
    note: '1 GB is counted as 2^30 bytes, as in the Firehose calculator.',
  });
  const storedGb = sheet.step({
    id: 'averageStoredGb',
    label: 'GB stored in S3 on average during the first month (data grows through the month)',
    formula: 'GB per month ÷ compression ratio ÷ 2',
    substituted: `${n(rawGb)} ÷ ${n(ratio)} ÷ 2`,
    value: rawGb / ratio / 2,
    unit: 'GB',
    note: 'Each later month adds a full month of data to the bill; EMR output written back to S3 is not counted.',
  });
  const objectsPerMonth = (firehose.value.objectsPerHour ?? 0) * HOURS_PER_MONTH;
  const s3 = calculateS3(
    { terabytes: storedGb / 1024, months: 1, putRequestsPerMonth: Math.ceil(objectsPerMonth) },
    book,
    quiet,
  );
  if (!s3.ok) return { ok: false, errors: s3.errors };
  const redshiftMonthly = sheet.step({
    id: 'redshiftMonthly',
    label: 'Redshift per month (always on)',
    formula: 'cost per hour × 730 h',
    substituted: `${p(redshift.value.usdPerHour)} × ${n(HOURS_PER_MONTH)}`,
    value: redshift.value.usdPerHour * HOURS_PER_MONTH,
    unit: 'USD',
  });
  const pricesOf = (lines: readonly CostLine[]) => [...new Set(lines.flatMap((line) => line.uses))];
  const segments: CostLine[] = [
    {
      id: 'firehose',
      label: 'Kinesis Firehose',
      usd: firehose.value.monthlyCostUsd,
      uses: pricesOf(firehose.value.costBreakdown),
    },
    { id: 's3', label: 'Amazon S3', usd: s3.value.monthlyCostUsd, uses: pricesOf(s3.value.costBreakdown) },
    { id: 'emr', label: 'Amazon EMR', usd: emr.value.totalUsd, uses: pricesOf(emr.value.costBreakdown) },
    {
      id: 'redshift',
      label: 'Amazon Redshift',
      usd: redshiftMonthly,
      uses: [redshiftNodePriceId(redshift.value.node.name)],
    },
  ];
  const monthlyCostUsd = sheet.step({
    id: 'monthlyCost',
    label: 'Pipeline cost per month',
    formula: 'Firehose + S3 + EMR + Redshift',
    substituted: segments.map((segment) => m(segment.usd)).join(' + '),
    value: segments.reduce((sum, segment) => sum + segment.usd, 0),
    unit: 'USD',
  });
  sheet.note(
    'info',
    `EMR runs once a day for ${n(settings.emrHoursPerDay)} h: ${n(DAYS_PER_MONTH)} runs in a 730-hour month, each billed on its own.`,
  );
  const own = sheet.finish();
  const parts = { firehose: firehose.value, s3: s3.value, emr: emr.value, redshift: redshift.value };
  const factsUsed = [
    ...new Set([...own.factsUsed, ...Object.values(parts).flatMap((part) => part.factsUsed)]),
  ].sort();
  const notes = [
    ...own.notes,
    ...Object.values(parts).flatMap((part) => part.notes.filter((note) => note.severity !== 'info')),
  ];
  return { ok: true, value: { ...own, factsUsed, notes, segments, monthlyCostUsd, parts } };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
