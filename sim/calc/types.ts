/**
 * Shared shapes of every calculator's answer. A calculator is a pure function
 * `calculateX(input, priceBook) → Calculation<XResult>`: either the result (numbers plus the worked
 * formula) or the list of problems with the input.
 */
import type { SimError } from '../core/index.ts';
import type { PriceBookId } from '../pricing/index.ts';

/**
 * One line of worked arithmetic, so a learner can follow every number: e.g.
 * label "Shards for write records", formula "⌈peak records/s ÷ records/s per shard⌉",
 * substituted "⌈3,000 ÷ 1,000⌉", value 3, unit "shards", uses ['kinesis.shardWriteRecordsPerSecond'].
 */
export interface FormulaStep {
  /** Stable key within the calculator's steps (for UI keys and tests), such as `shardsByWriteRecords`. */
  readonly id: string;
  /** What the line computes, in the learner's words. */
  readonly label: string;
  /** The formula with named quantities. */
  readonly formula: string;
  /** The same formula with the learner's numbers plugged in. */
  readonly substituted: string;
  /** The result of the line. */
  readonly value: number;
  /** Unit of `value`: `shards`, `bytes/s`, `USD`, `GB`, `%`, … (`USD` values are whole-dollar amounts). */
  readonly unit: string;
  /** Ids of the prices and limits the line used (look them up in the price book to show their sources). */
  readonly uses: readonly string[];
  /** A caveat on this line (an approximation, an unconfirmed price). */
  readonly note?: string;
}

/** How much a note matters to the learner. */
export type NoteSeverity = 'info' | 'warning' | 'error';

/** A sentence the result wants the learner to read: an approximation, an unconfirmed price, a limit hit. */
export interface CalcNote {
  readonly severity: NoteSeverity;
  readonly text: string;
  /** Price or limit ids the note is about. */
  readonly uses?: readonly string[];
}

/** One problem with the input (or a price the book does not have). */
export interface CalcError extends SimError {
  /**
   * `InvalidInput` (bad value: `path` names the input field, the message says what is allowed),
   * `PriceNotInBook` (the book has no such price: supply an override), or `LimitExceeded`.
   */
  readonly code: 'InvalidInput' | 'PriceNotInBook' | 'LimitExceeded';
  /** The input field (such as `recordsPerSecond`) or price id the error is about. */
  readonly path: string;
  /** What values are allowed, in words, such as `an integer from 0 to 1,000,000`. */
  readonly allowed?: string;
}

/** A calculator's answer: the result, or every problem found with the input. */
export type Calculation<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly CalcError[] };

/** Fields every calculator result has. */
export interface CalculationBase {
  /** The book the prices came from. */
  readonly priceBookId: PriceBookId;
  /** Label of that book, such as "2016 us-east-1 (the workshop)". */
  readonly priceBookLabel: string;
  /** The worked arithmetic, in order. */
  readonly steps: readonly FormulaStep[];
  readonly notes: readonly CalcNote[];
  /** Every price and limit id the result depends on (union of the steps' `uses`), sorted. */
  readonly factsUsed: readonly string[];
}

/** One part of a monthly bill, for breakdowns and stacked bars. */
export interface CostLine {
  /** Stable key, such as `shardHours`. */
  readonly id: string;
  readonly label: string;
  readonly usd: number;
  /** Price ids behind the line. */
  readonly uses: readonly string[];
}

/** Options shared by calculators that explain a slide figure alongside the learner's own numbers. */
export interface ExplainOptions {
  /** Add the steps showing how the slide's figure arises (default true; the pipeline turns it off). */
  readonly explainSlideFigures?: boolean;
}
