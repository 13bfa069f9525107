import { formatNumber } from '../../sim/core/index.ts';
import type { PersistedDocument } from '../../sim/persist';
import {
  HOW_TO_OVERRIDE,
  MAX_OVERRIDE_USD,
  PRICE_BOOKS,
  parsePriceOverridesText,
  validatePriceOverride,
  type PriceBook,
} from '../../sim/pricing';
import type { PlatformPort } from '../platform/port';
import type { DocumentStore } from '../state/document-store.svelte';

/** One overridable price as the settings table lists it. */
export interface OverridableRow {
  readonly id: string;
  readonly label: string;
  readonly per: string;
  /** The book's own price, or undefined when the book has none (then `missingReason` says why). */
  readonly bookValue: number | undefined;
  readonly missingReason?: string;
}

/** A message about the last bulk action (file loaded, overrides reset), with an undo when work was replaced. */
export interface OverridesMessage {
  readonly kind: 'success' | 'error';
  readonly text: string;
  readonly details?: readonly string[];
  readonly undo?: Readonly<Record<string, number>>;
}

const allowedText = `a price in US dollars from 0 to ${formatNumber(MAX_OVERRIDE_USD)}`;

/**
 * The price-overrides table's state: what the learner is typing in each row (kept even when invalid), the
 * error for each row, and the load/export/reset actions. Valid edits are saved through the store at once.
 */
export class PriceOverridesEditor {
  drafts: Record<string, string> = $state({});
  message: OverridesMessage | undefined = $state();
  readonly #store: DocumentStore;
  readonly #port: PlatformPort<PersistedDocument>;

  constructor(store: DocumentStore, port: PlatformPort<PersistedDocument>) {
    this.#store = store;
    this.#port = port;
    this.#syncDrafts();
  }

  /** Every price the selected book has or lists as missing, grouped by service in id order. */
  rows: readonly OverridableRow[] = $derived.by(() => rowsOf(PRICE_BOOKS[this.#store.settings.priceBook]));

  get overrideCount(): number {
    return Object.keys(this.#store.settings.priceOverrides).length;
  }

  /** The error for a row's draft, naming the value and what is allowed; undefined when fine or empty. */
  errorFor(id: string): string | undefined {
    const reading = readDraft(id, this.drafts[id] ?? '');
    return reading.ok ? undefined : reading.error;
  }

  /** Records what the learner typed; a valid price (or an emptied field) is saved at once. */
  edit(id: string, text: string): void {
    this.drafts[id] = text;
    const reading = readDraft(id, text);
    if (!reading.ok) return;
    const next = { ...this.#store.settings.priceOverrides };
    if (reading.value === undefined) delete next[id];
    else next[id] = reading.value;
    this.#store.setPriceOverrides(next);
  }

  /** Removes every override, offering an undo. */
  reset(): void {
    const previous = { ...this.#store.settings.priceOverrides };
    this.#store.setPriceOverrides({});
    this.#syncDrafts();
    this.message = { kind: 'success', text: 'All price overrides removed.', undo: previous };
  }

  undo(): void {
    const previous = this.message?.undo;
    if (!previous) return;
    this.#store.setPriceOverrides(previous);
    this.#syncDrafts();
    this.message = { kind: 'success', text: 'Your previous overrides are back.' };
  }

  /** Asks for a JSON file, validates all of it, and applies it only when every entry is valid. */
  async loadFromFile(): Promise<void> {
    let file: { name: string; contents: string } | null;
    try {
      file = await this.#port.importFile({ accept: ['.json', 'application/json'] });
    } catch (error) {
      this.message = { kind: 'error', text: error instanceof Error ? error.message : String(error) };
      return;
    }
    if (!file) return;
    const outcome = parsePriceOverridesText(file.contents);
    if (!outcome.ok) {
      this.message = {
        kind: 'error',
        text: `${file.name} was not loaded: ${outcome.errors.length} problem(s). Nothing was changed.`,
        details: outcome.errors.map((error) => error.message),
      };
      return;
    }
    const previous = { ...this.#store.settings.priceOverrides };
    const { basedOn, prices } = outcome.value;
    this.#store.setPriceBook(basedOn);
    this.#store.setPriceOverrides(prices);
    this.#syncDrafts();
    const count = Object.keys(prices).length;
    this.message = {
      kind: 'success',
      text: `Loaded ${count} override(s) from ${file.name}; price book set to “${PRICE_BOOKS[basedOn].label}”.`,
      ...(Object.keys(previous).length > 0 ? { undo: previous } : {}),
    };
  }

  /** Saves the current overrides as a JSON file in the format "load from a JSON file" reads. */
  async exportToFile(): Promise<void> {
    const contents = `${JSON.stringify(
      { basedOn: this.#store.settings.priceBook, prices: this.#store.settings.priceOverrides },
      null,
      2,
    )}\n`;
    try {
      const result = await this.#port.exportFile({
        suggestedName: 'bdlab-price-overrides.json',
        mimeType: 'application/json',
        contents,
      });
      if (result.saved) {
        this.message = {
          kind: 'success',
          text: result.path
            ? `Overrides saved to ${result.path}.`
            : 'Overrides saved as bdlab-price-overrides.json.',
        };
      }
    } catch (error) {
      this.message = { kind: 'error', text: error instanceof Error ? error.message : String(error) };
    }
  }

  #syncDrafts(): void {
    const drafts: Record<string, string> = {};
    for (const [id, value] of Object.entries(this.#store.settings.priceOverrides)) drafts[id] = String(value);
    this.drafts = drafts;
  }
}

/** Service names for the id prefixes, so the table reads by service. */
const serviceNames: Readonly<Record<string, string>> = {
  ec2: 'Amazon EC2',
  emr: 'Amazon EMR',
  firehose: 'Kinesis Firehose',
  glacier: 'Amazon Glacier',
  kinesis: 'Kinesis Streams',
  ml: 'Amazon Machine Learning',
  redshift: 'Amazon Redshift',
  s3: 'Amazon S3',
};

/** Rows grouped by service (the id's first segment), in id order. */
export function groupRows(rows: readonly OverridableRow[]): { service: string; rows: OverridableRow[] }[] {
  const groups: { service: string; rows: OverridableRow[] }[] = [];
  for (const row of rows) {
    const prefix = row.id.split('.')[0] ?? row.id;
    const service = serviceNames[prefix] ?? prefix;
    const last = groups.at(-1);
    if (last?.service === service) last.rows.push(row);
    else groups.push({ service, rows: [row] });
  }
  return groups;
}

/** The rows of a book: its prices and the prices it lists as missing, sorted by id. */
export function rowsOf(book: PriceBook): OverridableRow[] {
  const rows: OverridableRow[] = Object.values(book.prices).map((price) => ({
    id: price.id,
    label: price.label,
    per: price.per,
    bookValue: price.value,
  }));
  for (const missing of Object.values(book.missing)) {
    rows.push({
      id: missing.id,
      label: missing.label,
      per: missing.per,
      bookValue: undefined,
      missingReason: missing.reason,
    });
  }
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

/** Why a book lacks prices, each reason once, and which reason (1-based note number) each missing row has. */
export interface MissingNotes {
  readonly notes: readonly string[];
  readonly noteOf: Readonly<Record<string, number>>;
}

/**
 * Numbers the distinct reasons the rows' prices are missing, so the table says each once instead of on
 * every row. The "add your own price as an override" advice is left out: the table is where one does that.
 */
export function missingNotes(rows: readonly OverridableRow[]): MissingNotes {
  const notes: string[] = [];
  const noteOf: Record<string, number> = {};
  for (const row of rows) {
    if (row.missingReason === undefined) continue;
    const reason = row.missingReason.replace(HOW_TO_OVERRIDE, '').trim();
    let index = notes.indexOf(reason);
    if (index === -1) index = notes.push(reason) - 1;
    noteOf[row.id] = index + 1;
  }
  return { notes, noteOf };
}

/** Reads a draft: empty means "no override"; `$` and thousands separators are accepted. */
export function readDraft(
  id: string,
  text: string,
): { ok: true; value: number | undefined } | { ok: false; error: string } {
  const cleaned = text.trim().replace(/^\$/, '').replace(/,/g, '').trim();
  if (cleaned === '') return { ok: true, value: undefined };
  const value = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned) ? Number(cleaned) : Number.NaN;
  if (Number.isNaN(value))
    return { ok: false, error: `${id}: “${text.trim()}” is not a number; allowed: ${allowedText}.` };
  const problem = validatePriceOverride(id, value, id);
  return problem ? { ok: false, error: problem.message } : { ok: true, value };
}
