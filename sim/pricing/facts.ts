import { usd } from '../core/index.ts';
import type {
  Confidence,
  LimitId,
  LimitTable,
  LimitUnits,
  MissingPrice,
  PriceRecord,
  PriceTier,
} from './types.ts';

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

/** Fields of a limit record before it is built, its value in unit `V`. */
export interface LimitSpec<V extends number = number> {
  readonly label: string;
  readonly value: V;
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

/** Every limit of a book before it is built: each id with its value in the unit `LimitUnits` gives it. */
export type LimitSpecs = { readonly [Id in LimitId]: LimitSpec<LimitUnits[Id]> };

/**
 * Builds the `limits` table of a book from `{ id: spec }`, stamping each record with its id. The one cast
 * of the price books: TypeScript cannot follow a loop over keys into a mapped type, and `LimitSpecs` has
 * already checked that each spec's value carries its id's unit.
 */
export function limitTable(specs: LimitSpecs): LimitTable {
  const table: Record<string, LimitSpec & { kind: 'limit'; id: string }> = {};
  for (const [id, spec] of Object.entries(specs)) table[id] = { kind: 'limit', id, ...spec };
  return table as LimitTable;
}

/** Builds the `missing` table of a book from `{ id: [label, per, reason] }`. */
export function missingTable(
  entries: Readonly<Record<string, readonly [label: string, per: string, reason: string]>>,
): Record<string, MissingPrice> {
  const table: Record<string, MissingPrice> = {};
  for (const [id, [label, per, reason]] of Object.entries(entries)) table[id] = { id, label, per, reason };
  return table;
}
