import { applyPriceOverrides, PRICE_BOOKS, validatePriceOverride, type PriceBook } from '../pricing/index.ts';
import { toJsonValue, type JsonValue } from '../scenario/index.ts';
import { childPath, describeValue, object, optional, type Schema } from '../scenario/index.ts';
import { streamingCost } from './cost.ts';
import { needsStreaming, type Era } from './services.ts';

/** Learner prices by price id (`"kinesis.shardHour": 0.02`), replacing the era's book for this run. */
const pricesSchema: Schema<Record<string, number>> = {
  expected: 'an object of price ids and US-dollar amounts, such as { "kinesis.shardHour": 0.015 }',
  optional: false,
  check(value, path, issues) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      issues.push({ path, message: `${describeValue(value)} is not allowed; expected ${this.expected}.` });
      return undefined;
    }
    const before = issues.length;
    for (const [id, amount] of Object.entries(value)) {
      const at = childPath(path, id);
      const problem = validatePriceOverride(id, amount, at);
      if (problem) issues.push({ path: at, message: problem.message.replace(`${at}: `, '') });
    }
    return issues.length === before ? { ...(value as Record<string, number>) } : undefined;
  },
};

const costSchema = optional(object({ prices: optional(pricesSchema, {}) }), { prices: {} });

/** The price book of a run: the era's, with the scenario's own prices on top. */
export function runPriceBook(era: Era, prices: Readonly<Record<string, number>>): PriceBook {
  return applyPriceOverrides(PRICE_BOOKS[era], prices);
}

/**
 * `cost`: optional learner prices; its report section is the run's bill by line item (see cost.ts), priced
 * from the era's book (2016 by default) with any of those prices replacing the book's.
 */
export const costComponent = needsStreaming(
  'era',
  'streams',
  'kinesis',
  'firehose',
  's3',
  'producers',
  'level',
).defineComponent<'cost', { prices: Record<string, number> }, { prices: Record<string, number> }, never>({
  field: 'cost',
  schema: costSchema,
  initialState: (cost) => ({ prices: { ...cost.prices } }),
  module: { name: 'cost', handlers: {} },
  start() {},
  report(state): JsonValue {
    const services = state.services;
    const book = runPriceBook(services.era, services.cost.prices);
    return toJsonValue(streamingCost(services, book, state.now));
  },
});
