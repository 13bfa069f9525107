import type { PersistedSettings } from '../../sim/persist';
import { applyPriceOverrides, PRICE_BOOKS, type PriceBook } from '../../sim/pricing';

/** The price book the calculators use: the learner's chosen book with their overrides applied. */
export function activePriceBook(settings: PersistedSettings): PriceBook {
  return applyPriceOverrides(PRICE_BOOKS[settings.priceBook], settings.priceOverrides);
}
