/** Price books, sourced limits and learner overrides: the public surface of sim/pricing. */
export type {
  Confidence,
  LimitId,
  LimitRecord,
  LimitTable,
  LimitUnits,
  MissingPrice,
  PriceBook,
  PriceBookId,
  PriceRecord,
  PriceTier,
  SourcedFact,
} from './types.ts';
export {
  describeFact,
  findLimit,
  isLimitId,
  isPriceBookId,
  knownPriceIds,
  limitOf,
  PRICE_BOOK_IDS,
  PRICE_BOOKS,
  priceOf,
  type FactDescription,
} from './books.ts';
export { SOURCES, sourceFor, type Source } from './sources.ts';
export { HOW_TO_OVERRIDE } from './facts.ts';
export { ec2HourPriceId, emrFeePriceId, redshiftNodePriceId } from './instance-prices.ts';
export {
  applyPriceOverrides,
  bookWithOverrides,
  closePriceIds,
  MAX_OVERRIDE_USD,
  parsePriceOverrides,
  parsePriceOverridesText,
  validatePriceOverride,
  type OverridesOutcome,
  type PriceOverrides,
} from './overrides.ts';
export {
  limitChanges,
  STREAMING_FEATURE_CHANGES,
  type FeatureChange,
  type LimitChange,
} from './era-changes.ts';
