/**
 * A shard's arrival curve while some consumer lags behind it: the cumulative records and bytes written at
 * the start of each step from `startStep` on. With it a lagging reader's position (a cumulative record
 * count) maps to the bytes it has read and to the time the record at that position arrived, which gives
 * GetRecords.IteratorAgeMilliseconds. Within a step arrivals are taken as uniform (the fluid assumption of
 * the rate level), so both maps interpolate linearly. The curve exists only while a consumer is behind and
 * keeps only the steps someone still needs: 16 bytes per shard per step of lag.
 *
 * The virtual point sequence V(0…len+1) is the stored starts, then the current step's start and end, so
 * segment k is step `startStep + k`; the current step is segment `len`.
 */
export class ShardHistory {
  startStep: number;
  private head = 0;
  length = 0;
  private records: Float64Array;
  private bytes: Float64Array;

  constructor(startStep: number) {
    this.startStep = startStep;
    this.records = new Float64Array(64);
    this.bytes = new Float64Array(64);
  }

  /** Appends the cumulative counts at the start of the next stored step. */
  push(records: number, bytes: number): void {
    if (this.head + this.length === this.records.length) {
      const size = this.length * 2 > this.records.length ? this.records.length * 2 : this.records.length;
      const nextRecords = new Float64Array(size);
      const nextBytes = new Float64Array(size);
      nextRecords.set(this.records.subarray(this.head, this.head + this.length));
      nextBytes.set(this.bytes.subarray(this.head, this.head + this.length));
      this.records = nextRecords;
      this.bytes = nextBytes;
      this.head = 0;
    }
    this.records[this.head + this.length] = records;
    this.bytes[this.head + this.length] = bytes;
    this.length++;
  }

  /** Forgets the oldest `count` stored steps. */
  dropFront(count: number): void {
    this.head += count;
    this.length -= count;
    this.startStep += count;
  }

  /** Cumulative records at the start of stored step `k` (0 ≤ k < length). */
  recordsAt(k: number): number {
    return this.records[this.head + k]!;
  }

  /** Cumulative bytes at the start of stored step `k`. */
  bytesAt(k: number): number {
    return this.bytes[this.head + k]!;
  }
}

/** The current step of a shard: cumulative counts at its start and what it has written in it. */
export interface CurrentStep {
  cumRecords: number;
  cumBytes: number;
  stepRecords: number;
  stepBytes: number;
}

function pointRecords(h: ShardHistory | undefined, now: CurrentStep, k: number): number {
  const len = h === undefined ? 0 : h.length;
  if (k < len) return h!.recordsAt(k);
  return k === len ? now.cumRecords : now.cumRecords + now.stepRecords;
}

function pointBytes(h: ShardHistory | undefined, now: CurrentStep, k: number): number {
  const len = h === undefined ? 0 : h.length;
  if (k < len) return h!.bytesAt(k);
  return k === len ? now.cumBytes : now.cumBytes + now.stepBytes;
}

/** The segment (step) whose end reaches `value` first, on the record or the byte curve. */
function segmentReaching(
  h: ShardHistory | undefined,
  now: CurrentStep,
  value: number,
  point: typeof pointRecords,
): number {
  const len = h === undefined ? 0 : h.length;
  let low = 0;
  let high = len;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (point(h, now, middle + 1) >= value) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Fraction of segment k's way from its start to `value` on a curve (0 for an empty segment). */
function fraction(
  h: ShardHistory | undefined,
  now: CurrentStep,
  k: number,
  value: number,
  point: typeof pointRecords,
) {
  const start = point(h, now, k);
  const span = point(h, now, k + 1) - start;
  return span > 0 ? (value - start) / span : 0;
}

/** Cumulative bytes written up to cumulative record position `position`. */
export function bytesAtPosition(h: ShardHistory | undefined, now: CurrentStep, position: number): number {
  const k = segmentReaching(h, now, position, pointRecords);
  const f = fraction(h, now, k, position, pointRecords);
  const start = pointBytes(h, now, k);
  return start + f * (pointBytes(h, now, k + 1) - start);
}

/** Cumulative record position at which the bytes written reach `bytes`. */
export function positionAtBytes(h: ShardHistory | undefined, now: CurrentStep, bytes: number): number {
  const k = segmentReaching(h, now, bytes, pointBytes);
  const f = fraction(h, now, k, bytes, pointBytes);
  const start = pointRecords(h, now, k);
  return start + f * (pointRecords(h, now, k + 1) - start);
}

/**
 * Simulated time (in steps, fractional) at which the record ending at `position` arrived; `currentStep` is
 * the step being simulated.
 */
export function arrivalStep(
  h: ShardHistory | undefined,
  now: CurrentStep,
  position: number,
  currentStep: number,
): number {
  const k = segmentReaching(h, now, position, pointRecords);
  const first = h === undefined ? currentStep : h.startStep;
  return first + k + fraction(h, now, k, position, pointRecords);
}
