import { readFile } from 'node:fs/promises';
import { formatNumber, formatUnitPrice } from '../../sim/core/index.ts';
import {
  bookWithOverrides,
  isPriceBookId,
  parsePriceOverridesText,
  PRICE_BOOKS,
  SOURCES,
  type PriceBook,
} from '../../sim/pricing/index.ts';
import { UsageError } from './io.ts';

/** What `--prices` takes, in words. */
export const PRICES_ALLOWED = '2016, current, or the path of a JSON price file';

/**
 * The price book `--prices` names: a built-in book id, or a JSON override file
 * (`{ "basedOn": "2016", "prices": { "kinesis.shardHour": 0.02 } }`). Problems become one-line usage errors.
 */
export async function loadPriceBook(value: string | undefined): Promise<PriceBook> {
  if (value === undefined) return PRICE_BOOKS['2016'];
  if (isPriceBookId(value)) return PRICE_BOOKS[value];
  let text: string;
  try {
    text = await readFile(value, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? String(error)})`;
    throw new UsageError(`--prices ${value}: ${reason}; use ${PRICES_ALLOWED}.`);
  }
  const outcome = parsePriceOverridesText(text);
  if (!outcome.ok) {
    const [first] = outcome.errors;
    const more = outcome.errors.length > 1 ? ` (and ${outcome.errors.length - 1} more problem(s))` : '';
    throw new UsageError(`--prices ${value}: ${first?.message ?? 'invalid price file'}${more}`);
  }
  return bookWithOverrides(outcome.value);
}

/** A book as plain JSON for `bdlab calc prices --json`: every price and limit with its sources. */
export function priceBookJson(book: PriceBook): unknown {
  const tags = new Set<string>();
  for (const record of [...Object.values(book.prices), ...Object.values(book.limits)]) {
    for (const tag of record.sources) tags.add(tag);
  }
  return {
    id: book.id,
    label: book.label,
    description: book.description,
    overridden: book.overridden,
    prices: Object.values(book.prices),
    limits: Object.values(book.limits),
    missing: Object.values(book.missing),
    sources: [...tags].sort().map((tag) => SOURCES[tag] ?? { tag, description: 'unknown source tag' }),
  };
}

/** A book as text for `bdlab calc prices`: one line per price, then what the book lacks, then the sources. */
export function priceBookText(book: PriceBook): string {
  const lines = [
    `Price book: ${book.label}`,
    book.description,
    '',
    'Prices (id, price, confidence, sources):',
  ];
  for (const record of Object.values(book.prices).sort((a, b) => a.id.localeCompare(b.id))) {
    lines.push(
      `  ${record.id.padEnd(38)} ${formatUnitPrice(record.value)} per ${record.per}  [${record.confidence}; ${record.sources.join(', ')}]`,
    );
  }
  lines.push('', 'Limits (id, value, confidence, sources):');
  for (const record of Object.values(book.limits).sort((a, b) => a.id.localeCompare(b.id))) {
    lines.push(
      `  ${record.id.padEnd(38)} ${formatNumber(record.value)} ${record.unit}  [${record.confidence}; ${record.sources.join(', ')}]`,
    );
  }
  const missing = Object.values(book.missing).sort((a, b) => a.id.localeCompare(b.id));
  if (missing.length > 0) {
    lines.push('', 'Not in this book (supply an override to use them):');
    for (const entry of missing) lines.push(`  ${entry.id.padEnd(38)} ${entry.reason}`);
  }
  const tags = new Set(
    [...Object.values(book.prices), ...Object.values(book.limits)].flatMap((record) => record.sources),
  );
  lines.push('', 'Sources:');
  for (const tag of [...tags].sort()) {
    const source = SOURCES[tag];
    lines.push(`  ${tag.padEnd(12)} ${source ? `${source.description} (${source.date})` : 'unknown'}`);
  }
  return `${lines.join('\n')}\n`;
}
