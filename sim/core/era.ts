/**
 * The two eras the simulation models: the workshop's 2016 limits and prices, and today's. Every service
 * that behaves differently per era (Kinesis limits, Lambda billing, Redshift node types, the price books)
 * takes this one type, so a run cannot mix one era's limits with another's prices.
 */

/** Every era, in the order settings and validators list them. */
export const ERAS = ['2016', 'current'] as const;

/** Which era's limits and price book apply. */
export type Era = (typeof ERAS)[number];

/** True when `value` names an era. */
export function isEra(value: unknown): value is Era {
  return (ERAS as readonly unknown[]).includes(value);
}
