import { HOURS_PER_MONTH } from '../core/index.ts';
import { KINESIS_IDS, type CheckedKinesisInput } from './kinesis-facts.ts';
import type { CalcError, CostLine } from './types.ts';
import { m, n, p, type Worksheet } from './worksheet.ts';

/** What the monthly cost needs: the validated input plus the sizing results. */
export interface KinesisCostInput extends CheckedKinesisInput {
  readonly shards: number;
  readonly averageRecords: number;
  readonly kinesisRecordBytes: number;
}

/** Prices a month of the stream: shard-hours, PUT payload units and extended retention. */
export function kinesisMonthlyCost(
  sheet: Worksheet,
  errors: CalcError[],
  input: KinesisCostInput,
): { total: number; lines: CostLine[]; unitsPerRecord: number } {
  const hours = HOURS_PER_MONTH;
  const unitBytes = sheet.limit(KINESIS_IDS.unitBytes);
  const shardHour = sheet.price(KINESIS_IDS.shardHour, errors);
  const unitPrice = sheet.price(KINESIS_IDS.units, errors);
  const extended = input.retentionHours > sheet.limit(KINESIS_IDS.retentionDefault);
  const retentionPrice = extended ? sheet.price(KINESIS_IDS.retentionPrice, errors) : 0;
  if (shardHour === undefined || unitPrice === undefined || retentionPrice === undefined) {
    return { total: 0, lines: [], unitsPerRecord: 0 };
  }
  const shardCost = sheet.step({
    id: 'shardHourCost',
    label: 'Shard-hours per month',
    formula: 'shards × 730 h × price per shard-hour',
    substituted: `${input.shards} × ${n(hours)} × ${p(shardHour)}`,
    value: input.shards * hours * shardHour,
    unit: 'USD',
    uses: [KINESIS_IDS.shardHour],
  });
  const unitsPerRecord = sheet.step({
    id: 'payloadUnitsPerRecord',
    label: 'PUT payload units per Kinesis record (25 KiB chunks, rounded up)',
    formula: '⌈record bytes ÷ 25 KiB⌉',
    substituted: `⌈${n(input.kinesisRecordBytes, 0)} ÷ ${n(unitBytes)}⌉`,
    value: Math.max(1, Math.ceil(input.kinesisRecordBytes / unitBytes)),
    unit: 'units',
    uses: [KINESIS_IDS.unitBytes],
    note:
      'AWS bills 25 KB chunks; this model counts 25 KiB = 25,600 bytes (so a full 51,200-byte KPL aggregate is ' +
      '2 units). AWS’s own example counts a 1 MB record as 40 units, so a record near a chunk boundary may be ' +
      'billed one unit more or less than shown.',
  });
  const unitsPerMonth = sheet.step({
    id: 'payloadUnitsPerMonth',
    label: 'PUT payload units per month (average rate)',
    formula: 'average Kinesis records/s × units per record × 3,600 s × 730 h',
    substituted: `${n(input.averageRecords)} × ${unitsPerRecord} × 3,600 × ${n(hours)}`,
    value: input.averageRecords * unitsPerRecord * 3600 * hours,
    unit: 'units',
  });
  const unitCost = sheet.step({
    id: 'payloadUnitCost',
    label: 'PUT payload units cost per month',
    formula: 'units ÷ 1,000,000 × price per million units',
    substituted: `${n(unitsPerMonth, 0)} ÷ 1,000,000 × ${p(unitPrice)}`,
    value: (unitsPerMonth / 1_000_000) * unitPrice,
    unit: 'USD',
    uses: [KINESIS_IDS.units],
  });
  const lines: CostLine[] = [
    { id: 'shardHours', label: 'Shard-hours', usd: shardCost, uses: [KINESIS_IDS.shardHour] },
    { id: 'putPayloadUnits', label: 'PUT payload units', usd: unitCost, uses: [KINESIS_IDS.units] },
  ];
  if (extended) {
    const retentionCost = sheet.step({
      id: 'extendedRetentionCost',
      label: `Extended retention (${input.retentionHours} h > 24 h) per month`,
      formula: 'shards × 730 h × extended-retention price per shard-hour',
      substituted: `${input.shards} × ${n(hours)} × ${p(retentionPrice)}`,
      value: input.shards * hours * retentionPrice,
      unit: 'USD',
      uses: [KINESIS_IDS.retentionPrice],
    });
    lines.push({
      id: 'extendedRetention',
      label: 'Extended retention',
      usd: retentionCost,
      uses: [KINESIS_IDS.retentionPrice],
    });
    if (input.retentionHours > 168) {
      sheet.note(
        'warning',
        'Retention beyond 7 days (168 h) is also billed per GB-month at a rate the reference could not confirm; it is not included.',
        [KINESIS_IDS.retentionPrice],
      );
    }
  }
  const total = sheet.step({
    id: 'monthlyCost',
    label: 'Monthly cost',
    formula: lines.map((line) => line.label.toLowerCase()).join(' + '),
    substituted: lines.map((line) => `${m(line.usd)}`).join(' + '),
    value: lines.reduce((sum, line) => sum + line.usd, 0),
    unit: 'USD',
  });
  return { total, lines, unitsPerRecord };
}
