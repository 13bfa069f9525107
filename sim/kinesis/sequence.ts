/**
 * Sequence numbers and shard iterators.
 *
 * A sequence number is 56 digits, like AWS's: `49`, the arrival time in milliseconds (16 digits), the shard's
 * number (6 digits) and the record's ordinal in its shard (32 digits). Within a shard the arrival time never
 * goes back and the ordinal always grows, so sequence numbers strictly increase; the shard number makes
 * them unique in the stream; and, as on AWS, a longer pause between puts gives a larger jump. The format
 * is bdlab's own: AWS does not document its layout.
 */

const TIME_DIGITS = 16;
const SHARD_DIGITS = 6;
const ORDINAL_DIGITS = 32;
const PREFIX = '49';
/** Length of every sequence number. */
export const SEQUENCE_NUMBER_LENGTH = PREFIX.length + TIME_DIGITS + SHARD_DIGITS + ORDINAL_DIGITS;
const SEQUENCE_NUMBER = /^49\d{54}$/;

/** The last arrival time formatted, and its text: shards written in the same millisecond share it. */
let lastArrival = -1;
let lastArrivalText = '';
/** Shard numbers formatted, by shard number. */
const shardTexts: string[] = [];

/** The part of a sequence number before the ordinal, for a record arriving at `arrival` in shard `shardIndex`. */
export function sequencePrefix(arrival: number, shardIndex: number): string {
  if (arrival !== lastArrival) {
    lastArrivalText = PREFIX + String(arrival).padStart(TIME_DIGITS, '0');
    lastArrival = arrival;
  }
  let shardText = shardTexts[shardIndex];
  if (shardText === undefined) {
    shardText = String(shardIndex).padStart(SHARD_DIGITS, '0');
    shardTexts[shardIndex] = shardText;
  }
  return lastArrivalText + shardText;
}

const ZEROS = '0'.repeat(ORDINAL_DIGITS);

/**
 * A sequence number is built as a head (prefix and all but the last four ordinal digits) plus one of
 * 10,000 prebuilt four-digit tails, so that consecutive records of a shard share the head and each costs
 * one string concatenation.
 */
const TAIL_DIGITS = 4;
/** Ordinals per head. */
export const ORDINALS_PER_HEAD = 10 ** TAIL_DIGITS;
const TAILS = Array.from({ length: ORDINALS_PER_HEAD }, (_, i) => String(i).padStart(TAIL_DIGITS, '0'));

/** The head shared by the sequence numbers of ordinals `block · 10,000` to `block · 10,000 + 9,999`. */
export function sequenceHead(prefix: string, block: number): string {
  const digits = String(block);
  return prefix + ZEROS.slice(digits.length + TAIL_DIGITS) + digits;
}

/** The sequence number of `ordinal` from the head of its block (see `sequenceHead`). */
export function sequenceNumberFromHead(head: string, ordinal: number): string {
  return head + TAILS[ordinal % ORDINALS_PER_HEAD]!;
}

/** A full sequence number from its prefix and the record's ordinal. */
export function sequenceNumber(prefix: string, ordinal: number): string {
  return sequenceNumberFromHead(sequenceHead(prefix, Math.floor(ordinal / ORDINALS_PER_HEAD)), ordinal);
}

/** What a sequence number says: its shard's number and its ordinal there, or undefined if malformed. */
export function parseSequenceNumber(text: string): { shardIndex: number; ordinal: number } | undefined {
  if (!SEQUENCE_NUMBER.test(text)) return undefined;
  const shardStart = PREFIX.length + TIME_DIGITS;
  const ordinalStart = shardStart + SHARD_DIGITS;
  const ordinal = Number(text.slice(ordinalStart));
  if (!Number.isSafeInteger(ordinal)) return undefined;
  return { shardIndex: Number(text.slice(shardStart, ordinalStart)), ordinal };
}

/** What a shard iterator holds: where to read next and when it was issued. */
export interface IteratorPosition {
  readonly streamName: string;
  readonly shardIndex: number;
  /** Ordinal of the next record to return. */
  readonly ordinal: number;
  readonly issuedAt: number;
}

const ITERATOR_PREFIX = 'bdlab-shard-iterator';

/**
 * Encodes a position as an opaque iterator string. Like AWS's, the iterator carries everything needed to
 * continue, so the model keeps no table of iterators (and none can leak).
 */
export function encodeIterator(position: IteratorPosition): string {
  return `${ITERATOR_PREFIX}:${position.issuedAt}:${position.shardIndex}:${position.ordinal}:${position.streamName}`;
}

/** Decodes an iterator, or undefined when the text is not one this model issued. */
export function decodeIterator(text: string): IteratorPosition | undefined {
  const parts = text.split(':');
  if (parts.length !== 5 || parts[0] !== ITERATOR_PREFIX) return undefined;
  const issuedAt = Number(parts[1]);
  const shardIndex = Number(parts[2]);
  const ordinal = Number(parts[3]);
  const streamName = parts[4]!;
  if (![issuedAt, shardIndex, ordinal].every(Number.isSafeInteger) || streamName === '') return undefined;
  return { streamName, shardIndex, ordinal, issuedAt };
}
