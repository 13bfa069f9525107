/**
 * The Firehose buffer meters as numbers: how full the buffer is against the size hint, how far the interval
 * timer has run, and — projected at the current fill rate — which hint will fire first. Firehose delivers
 * when the first of the two is reached (AWS-FACTS §3, "Trigger rule"); the projection is the console's
 * estimate, and the panel labels it as one.
 */
import type { DeliveryStreamView } from '../console-view';

/** Which buffering hint delivers the buffer. */
export type BufferTrigger = 'size' | 'interval';

/** What the two meters and the "fires first" sentence show. */
export interface BufferMeters {
  /** bufferedBytes ÷ size hint, capped at 1. */
  readonly sizeFraction: number;
  /** Elapsed interval ÷ interval hint, capped at 1; 0 while the buffer is empty (the timer is not running). */
  readonly intervalFraction: number;
  /** Time left on the interval timer, or null while the buffer is empty. */
  readonly msUntilInterval: number | null;
  /**
   * The hint projected to fire first at the current fill rate (bytes so far ÷ time since the timer
   * started), with the projected time until the size hint; null while the buffer is empty.
   */
  readonly projection: {
    readonly firstTrigger: BufferTrigger;
    /** Null when nothing arrived in measurable time, so no rate can be estimated. */
    readonly msUntilSize: number | null;
  } | null;
}

/** Computes the meters of one delivery stream from its frame. */
export function bufferMeters(stream: DeliveryStreamView): BufferMeters {
  const sizeHint = stream.bufferingHints.sizeBytes;
  const intervalMs = stream.bufferingHints.intervalSeconds * 1000;
  const { bytes, ageMs } = stream.buffer;
  const sizeFraction = sizeHint > 0 ? Math.min(1, bytes / sizeHint) : 0;
  if (ageMs === null || stream.buffer.records === 0) {
    return { sizeFraction, intervalFraction: 0, msUntilInterval: null, projection: null };
  }
  const msUntilInterval = Math.max(0, intervalMs - ageMs);
  const intervalFraction = intervalMs > 0 ? Math.min(1, ageMs / intervalMs) : 1;
  if (bytes >= sizeHint) {
    return {
      sizeFraction,
      intervalFraction,
      msUntilInterval,
      projection: { firstTrigger: 'size', msUntilSize: 0 },
    };
  }
  const msUntilSize = ageMs > 0 && bytes > 0 ? ((sizeHint - bytes) * ageMs) / bytes : null;
  const firstTrigger: BufferTrigger =
    msUntilSize !== null && msUntilSize < msUntilInterval ? 'size' : 'interval';
  return { sizeFraction, intervalFraction, msUntilInterval, projection: { firstTrigger, msUntilSize } };
}

/** How many recent deliveries each hint triggered. */
export function triggerCounts(stream: DeliveryStreamView): Record<BufferTrigger, number> {
  const counts: Record<BufferTrigger, number> = { size: 0, interval: 0 };
  for (const delivery of stream.deliveries) counts[delivery.trigger] += 1;
  return counts;
}
