import type { KinesisLimits } from '../kinesis/index.ts';

/**
 * Shard write limits at the rate level: the record level's token buckets (sim/kinesis/throughput.ts,
 * THROUGHPUT_ACCOUNTING) taken a step at a time. This class holds their state; the arithmetic is in the
 * fused step loop (step.ts). Each shard's record and byte buckets refill continuously
 * at 1,000 records/s and 1 MiB/s and hold at most one second's quota. In a step of Δ seconds a shard has
 * what its buckets hold plus Δ seconds of refill; it accepts the fraction
 * a = min(1, records available ÷ records offered, bytes available ÷ bytes offered) of everything offered
 * and its buckets keep what is left, capped at one second's worth. For arrivals spread evenly over the
 * step — the fluid assumption — this is what the continuous bucket does: a shard offered 1,500 records/s
 * accepts them all for two seconds (its full bucket drains by 500/s) and then 1,000/s, as at the record
 * level. Where the two differ, and why:
 *  - bursts shorter than a step are smoothed: a producer sending a second's records in its first 10 ms is
 *    throttled more at the record level (the step is the unit of time at this level);
 *  - records are fractional and have their producer's mean size, so a record the record level refuses
 *    because it is larger than the bytes left at that instant is not refused here (a record-size effect
 *    that only matters for records near 1 MiB);
 *  - random keys land in proportion to each shard's hash range, without the second-to-second scatter of
 *    real random keys, which throttles a shard running close to its limit slightly more.
 */
export class WriteModel {
  /** This step's accepted records and bytes per slot (0 for a slot that is not open). */
  readonly stepRecords: Float64Array;
  readonly stepBytes: Float64Array;
  /** Totals at the start of the current step (moved on to its end after the step's reads). */
  readonly cumRecords: Float64Array;
  readonly cumBytes: Float64Array;
  readonly throttled: Float64Array;
  readonly acceptedUnits: Float64Array;
  /** The token buckets: what each slot may still take, in records and bytes (at most one second's quota). */
  readonly recordTokens: Float64Array;
  readonly byteTokens: Float64Array;
  readonly recordsRate: number;
  readonly bytesRate: number;

  constructor(slots: number, limits: KinesisLimits) {
    this.stepRecords = new Float64Array(slots);
    this.stepBytes = new Float64Array(slots);
    this.cumRecords = new Float64Array(slots);
    this.cumBytes = new Float64Array(slots);
    this.throttled = new Float64Array(slots);
    this.acceptedUnits = new Float64Array(slots);
    this.recordsRate = limits.shardWriteRecordsPerSecond;
    this.bytesRate = limits.shardWriteBytesPerSecond;
    this.recordTokens = new Float64Array(slots).fill(this.recordsRate);
    this.byteTokens = new Float64Array(slots).fill(this.bytesRate);
  }
}
