import { formatMib, formatNumber } from '../../sim/core/index.ts';
import type { JsonValue } from '../../sim/scenario/index.ts';
import type { ScenarioReport } from '../../sim/scenario/index.ts';
import type {
  ActionOutcome,
  CostReport,
  LevelChoice,
  ProducersReport,
  StreamReport,
} from '../../sim/streaming/index.ts';

/** Summary lines of the streaming sections of a report, for `bdlab run` without `--json`. */

/** Objects listed per delivery stream in the summary. */
const SHOWN_DELIVERIES = 5;
/** Object sizes drop trailing zeros (`1.5 MiB`), as the rest of the summary's numbers do. */
const mb = (bytes: number): string => formatMib(bytes, { maxDecimals: 2 });

/** Shards listed per stream in the summary; the rest are counted (a stream may have 100,000). */
export const SHOWN_SHARDS = 50;

function table(rows: readonly (readonly string[])[], rightAligned: readonly number[]): string[] {
  // A loop, not Math.max(...lengths): spreading 125,000 arguments overflows the stack.
  const widths = rows[0]!.map((_, column) =>
    rows.reduce((widest, row) => Math.max(widest, row[column]!.length), 0),
  );
  return rows.map(
    (row) =>
      '  ' +
      row
        .map((cell, column) =>
          rightAligned.includes(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
        )
        .join('  ')
        .trimEnd(),
  );
}

function levelLines(section: JsonValue): string[] {
  const level = section as unknown as LevelChoice;
  // A scenario without producers (only the core's arrival sources) has no records to choose a level for.
  if (level.expectedRecords === 0 && level.requested === 'auto') return [];
  return [`Level of detail: ${level.used} (${level.reason})`];
}

function streamLines(section: JsonValue): string[] {
  const streams = section as unknown as StreamReport[];
  const lines: string[] = [];
  for (const stream of streams) {
    lines.push(
      `Stream ${stream.name}: ${stream.openShards} open shard${stream.openShards === 1 ? '' : 's'}, retention ${stream.retentionHours} h`,
    );
    const rows = [
      ['shard', 'parent', 'incoming records', 'incoming bytes', 'attempts refused'],
      ...stream.shards
        .slice(0, SHOWN_SHARDS)
        .map((s) => [
          s.closedAtMs === null
            ? s.shardId
            : `${s.shardId} (closed at ${formatNumber(s.closedAtMs / 1000)} s)`,
          s.parentShardId ?? '-',
          formatNumber(s.incomingRecords),
          formatNumber(s.incomingBytes),
          formatNumber(s.attemptsThrottled),
        ]),
    ];
    lines.push(...table(rows, [2, 3, 4]));
    const more = stream.shards.length - SHOWN_SHARDS;
    if (more > 0) lines.push(`  … and ${formatNumber(more)} more shards (--json lists every one)`);
  }
  return lines;
}

function producerLines(section: JsonValue): string[] {
  const report = section as unknown as ProducersReport;
  const t = report.totals;
  // Records count each user record once; attempts count every refused put (a resend refused again twice).
  const offered = `Totals: ${formatNumber(t.recordsOffered)} records offered, ${formatNumber(t.recordsAccepted)} accepted`;
  const totalsLine =
    t.attemptsThrottled === 0
      ? `${offered}, none throttled`
      : `${offered}; ${formatNumber(t.recordsThrottled)} records throttled at least once in ` +
        `${formatNumber(t.attemptsThrottled)} refused put attempts, ${formatNumber(t.recordsDropped)} dropped after their last attempt`;
  // At rate level there are totals but no per-producer rows.
  if (report.producers.length === 0) return t.recordsOffered > 0 ? [totalsLine] : [];
  const rows = [
    ['producer', 'target', 'offered', 'accepted', 'throttled', 'attempts refused', 'dropped', 'failed'],
    ...report.producers.map((p) => [
      p.name,
      p.stream ?? `firehose:${p.deliveryStream ?? ''}`,
      formatNumber(p.recordsOffered),
      formatNumber(p.recordsAccepted),
      formatNumber(p.recordsThrottled),
      formatNumber(p.attemptsThrottled),
      formatNumber(p.recordsDropped),
      formatNumber(p.recordsFailed),
    ]),
  ];
  const lines = ['Producers:', ...table(rows, [2, 3, 4, 5, 6, 7]), totalsLine];
  for (const p of report.producers) {
    for (const e of p.errors) {
      lines.push(`  ${p.name}: ${e.code}: ${e.message} (${formatNumber(e.records)} records lost)`);
    }
  }
  return lines;
}

interface DeliveryStreamSection {
  readonly name: string;
  readonly bucket: string;
  readonly compression: string;
  readonly incomingRecords: number;
  readonly attemptsThrottled: number;
  readonly bufferedRecords: number;
  readonly deliveries: readonly {
    readonly key: string;
    readonly records: number;
    readonly bytes: number;
    readonly compressedBytes: number;
    readonly deliveredAtMs: number;
  }[];
}

function firehoseLines(section: JsonValue): string[] {
  const streams = section as unknown as DeliveryStreamSection[];
  const lines: string[] = [];
  for (const d of streams) {
    lines.push(
      `Delivery stream ${d.name} → s3://${d.bucket} (${d.compression}): ${formatNumber(d.incomingRecords)} records in, ${formatNumber(d.attemptsThrottled)} put attempts refused, ${d.deliveries.length} objects delivered, ${formatNumber(d.bufferedRecords)} records still buffered`,
    );
    for (const o of d.deliveries.slice(0, SHOWN_DELIVERIES)) {
      lines.push(
        `  ${formatNumber(o.deliveredAtMs / 1000)} s  ${o.key}  ${formatNumber(o.records)} records, ${mb(o.bytes)} → ${mb(o.compressedBytes)}`,
      );
    }
    const more = d.deliveries.length - SHOWN_DELIVERIES;
    if (more > 0) lines.push(`  … and ${formatNumber(more)} more objects (--json lists every one)`);
  }
  return lines;
}

function actionLines(section: JsonValue): string[] {
  const actions = section as unknown as ActionOutcome[];
  if (actions.length === 0) return [];
  return [
    'Actions:',
    ...actions.map(
      (a) =>
        `  ${formatNumber(a.atMs / 1000)} s  ${a.action.action}: ${a.ok ? 'done' : `${a.error!.code}: ${a.error!.message}`}`,
    ),
  ];
}

function costLines(section: JsonValue): string[] {
  const cost = section as unknown as CostReport;
  if (cost.lines.length === 0) return [];
  const rows = cost.lines.map((line) => [
    `${line.service}: ${line.label}`,
    `${formatNumber(line.quantity)} ${line.unit}`,
    line.usd === null ? 'not priced' : `$${line.usd.toFixed(6)}`,
  ]);
  const lines = [`Cost (${cost.priceBook}):`, ...table(rows, [1, 2])];
  lines.push(
    `  Total $${cost.totalUsd.toFixed(6)}${cost.unpriced.length > 0 ? ' (unpriced lines excluded)' : ''}`,
  );
  for (const line of cost.lines) if (line.usd === null && line.note) lines.push(`  ${line.id}: ${line.note}`);
  return lines;
}

/** Printers of the streaming sections, by report field. */
export const streamingPrinters: Record<string, (section: JsonValue) => string[]> = {
  level: levelLines,
  streams: streamLines,
  producers: producerLines,
  firehose: firehoseLines,
  actions: actionLines,
  cost: costLines,
};

/**
 * The API errors producers got (an oversized record's ValidationException…): the run finished, but the
 * scenario sent requests AWS would refuse, so `bdlab run` reports them on stderr and exits with 1.
 */
export function producerErrors(report: ScenarioReport): string[] {
  const section = report.services['producers'] as unknown as ProducersReport | undefined;
  if (section === undefined) return [];
  return section.producers.flatMap((p) =>
    p.errors.map(
      (e) =>
        `producer "${p.name}": ${e.code}: ${e.message} (${formatNumber(e.records)} record${e.records === 1 ? '' : 's'} lost)`,
    ),
  );
}
