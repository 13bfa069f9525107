/**
 * The cost meter: the run's bill so far as sim/streaming prices it (line by line from the era's price
 * book), with each line's price and sources spelled out for "where does this number come from".
 */
import { formatNumber } from '../../../sim/core/index.ts';
import { PRICE_BOOKS, priceOf } from '../../../sim/pricing/index.ts';
import type { PriceBook } from '../../../sim/pricing/index.ts';
import { streamingCost, type CostLine } from '../../../sim/streaming/index.ts';
import type { StreamingServices } from '../../../sim/streaming/index.ts';
import type { CostLineView, CostView } from './console-view.ts';

function sourceOf(line: CostLine, book: PriceBook): string {
  return line.priceIds
    .map((id) => priceOf(book, id))
    .filter((price) => price.ok)
    .map(({ value: p }) => {
      const grade = p.confidence === 'primary' ? '' : `, ${p.confidence}`;
      return `${p.label}: $${p.value} per ${p.per} [${p.sources.join(', ')}${grade}]`;
    })
    .join('; ');
}

function lineView(line: CostLine & { usd: number }, book: PriceBook): CostLineView {
  return {
    label: `${line.service}: ${line.label}`,
    dollars: line.usd,
    source: sourceOf(line, book),
    detail: `${formatNumber(line.quantity, { maxDecimals: line.quantity < 1 ? 6 : 2 })} ${line.unit}`,
    approximation: line.note,
  };
}

/** The run's cost so far; lines the book cannot price are listed apart with the reason, never as $0. */
export function costView(services: StreamingServices, nowMs: number): CostView {
  const book = PRICE_BOOKS[services.era];
  // Pricing S3 brings its storage meter up to `now`; a copy keeps the frame from touching the run's state.
  const s3 = { ...services.s3, usage: { ...services.s3.usage } };
  const report = streamingCost({ ...services, s3 }, book, nowMs);
  const priced = report.lines.filter((line): line is CostLine & { usd: number } => line.usd !== null);
  return {
    lines: priced.map((line) => lineView(line, book)),
    totalDollars: report.totalUsd,
    priceBook: book.label,
    unpriced: report.lines
      .filter((line) => line.usd === null)
      .map((line) => ({ label: `${line.service}: ${line.label}`, reason: line.note ?? 'No sourced price.' })),
  };
}
