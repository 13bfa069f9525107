import { formatNumber, formatUnitPrice, formatUsd } from '../core/index.ts';
import { priceOf } from '../pricing/index.ts';
import type { LimitId, LimitRecord, LimitUnits, PriceBook, PriceRecord } from '../pricing/index.ts';
import { limitOf } from '../pricing/index.ts';
import type { CalcError, CalcNote, CalculationBase, FormulaStep, NoteSeverity } from './types.ts';

/** A number as it appears inside a formula line: grouped, at most `decimals` decimals. */
export const n = (value: number, decimals = 2): string => formatNumber(value, { maxDecimals: decimals });

/** An amount of money as it appears inside a formula line: `$1,234.56`, `$0.70`. */
export const m = (value: number): string => formatUsd(value);

/** A unit price as it appears inside a formula line, unrounded: `$0.015`. */
export const p = (value: number): string => formatUnitPrice(value);

/**
 * Collects the worked arithmetic of one calculation: formula steps, notes, and which prices and limits
 * were used. Notes about unconfirmed or overridden prices are added automatically by `finish`.
 */
export class Worksheet {
  private readonly steps: FormulaStep[] = [];
  private readonly notes: CalcNote[] = [];
  private readonly used = new Set<string>();
  private readonly pricesUsed = new Map<string, PriceRecord>();

  constructor(readonly book: PriceBook) {}

  /** Records a formula line and returns its value, so steps read like the arithmetic they show. */
  step(line: Omit<FormulaStep, 'uses'> & { readonly uses?: readonly string[] }): number {
    const uses = line.uses ?? [];
    for (const id of uses) this.used.add(id);
    this.steps.push({ ...line, uses });
    return line.value;
  }

  /** Adds a sentence for the learner. */
  note(severity: NoteSeverity, text: string, uses?: readonly string[]): void {
    this.notes.push(uses ? { severity, text, uses } : { severity, text });
    for (const id of uses ?? []) this.used.add(id);
  }

  /** A limit's value (limits always exist; see `limitOf`). */
  limit<Id extends LimitId>(id: Id): LimitUnits[Id] {
    return this.limitRecord(id).value;
  }

  /** A limit's full record. */
  limitRecord<Id extends LimitId>(id: Id): LimitRecord<LimitUnits[Id]> {
    this.used.add(id);
    return limitOf(this.book, id);
  }

  /**
   * A price's value, or undefined after recording a `PriceNotInBook` error in `errors` — the calculator
   * then returns those errors instead of a result.
   */
  price(id: string, errors: CalcError[]): number | undefined {
    const found = priceOf(this.book, id);
    if (!found.ok) {
      errors.push({
        code: 'PriceNotInBook',
        message: found.error.message,
        path: id,
        allowed: 'an override price',
      });
      return undefined;
    }
    this.used.add(id);
    this.pricesUsed.set(id, found.value);
    return found.value.value;
  }

  /** The fields every result shares, with automatic notes on unconfirmed and overridden prices. */
  finish(): CalculationBase {
    const notes = [...this.notes];
    for (const record of this.pricesUsed.values()) {
      if (record.confidence === 'unconfirmed') {
        notes.push({
          severity: 'warning',
          text: `${record.label} (${p(record.value)} per ${record.per}) is unconfirmed. ${record.note ?? ''}`.trim(),
          uses: [record.id],
        });
      } else if (record.confidence === 'override') {
        notes.push({
          severity: 'info',
          text: `${record.label} uses your override: ${p(record.value)} per ${record.per}.`,
          uses: [record.id],
        });
      }
    }
    return {
      priceBookId: this.book.id,
      priceBookLabel: this.book.label,
      steps: this.steps,
      notes,
      factsUsed: [...this.used].sort(),
    };
  }
}
