import { usd } from '../core/index.ts';
import type { Confidence, LimitRecord, MissingPrice, PriceRecord, PriceTier } from './types.ts';

/**
 * How to supply a missing price, worded for both places a learner meets it: the app (where the calculators
 * and labs show it) and the `bdlab calc` command line.
 */
export const HOW_TO_OVERRIDE =
  'Add your own price as an override (Settings → Price overrides in the app, or --prices FILE with bdlab calc).';

/** Fields of a price record before it is built. */
export interface PriceSpec {
  readonly label: string;
  readonly value: number;
  readonly per: string;
  readonly sources: readonly string[];
  readonly confidence: Confidence;
  readonly note?: string;
  readonly tier?: PriceTier;
}

/** Fields of a limit record before it is built. */
export interface LimitSpec {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly sources: readonly string[];
  readonly confidence: Confidence;
  readonly note?: string;
}

/** Builds the `prices` table of a book from `{ id: spec }`, stamping each record with its id. */
export function priceTable(specs: Readonly<Record<string, PriceSpec>>): Record<string, PriceRecord> {
  const table: Record<string, PriceRecord> = {};
  for (const [id, spec] of Object.entries(specs)) {
    table[id] = { kind: 'price', id, ...spec, value: usd(spec.value) };
  }
  return table;
}

/** Builds the `limits` table of a book from `{ id: spec }`. */
export function limitTable(specs: Readonly<Record<string, LimitSpec>>): Record<string, LimitRecord> {
  const table: Record<string, LimitRecord> = {};
  for (const [id, spec] of Object.entries(specs)) {
    table[id] = { kind: 'limit', id, ...spec };
  }
  return table;
}

/** Builds the `missing` table of a book from `{ id: [label, per, reason] }`. */
export function missingTable(
  entries: Readonly<Record<string, readonly [label: string, per: string, reason: string]>>,
): Record<string, MissingPrice> {
  const table: Record<string, MissingPrice> = {};
  for (const [id, [label, per, reason]] of Object.entries(entries)) table[id] = { id, label, per, reason };
  return table;
}
