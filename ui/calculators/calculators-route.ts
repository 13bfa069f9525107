/**
 * The calculators page as a part loaded when it is first opened: the page, the calculators' state for the
 * rest of the app's run (so leaving the page and coming back keeps what the learner typed), and the price
 * book the settings choose. The pricing data and the calculator models load with it, not with the agenda.
 */
import type { PersistedSettings } from '../../sim/persist';
import type { PriceBook } from '../../sim/pricing/index.ts';
import { activePriceBook } from '../state/active-price-book';
import CalculatorsPage from './CalculatorsPage.svelte';
import { CalculatorsState } from './calculators-state.svelte';
import { calculatorDefinitions } from './registry';

/** The calculators, open for the app's run. */
export interface OpenCalculators {
  readonly Page: typeof CalculatorsPage;
  readonly state: CalculatorsState;
  /** The price book the settings choose now. */
  book(): PriceBook;
}

/** Opens the calculators over the learner's settings (read each time, so a change of price book applies). */
export function openCalculators(settings: () => PersistedSettings): OpenCalculators {
  const book = (): PriceBook => activePriceBook(settings());
  return { Page: CalculatorsPage, state: new CalculatorsState(calculatorDefinitions, book), book };
}
