import type { KinesisRecord, KinesisState } from '../kinesis/index.ts';
import { recordsAfter } from '../kinesis/index.ts';
import { deaggregate, hasAggregationMagic } from '../kpl/index.ts';
import { logLeaseEvent, type KclAppState } from './state.ts';

/** User records in a Kinesis record: its KPL sub-records, or 1. */
export function userRecordCount(record: KinesisRecord): number {
  if (!hasAggregationMagic(record.Data)) return 1;
  const users = deaggregate(record);
  return users.ok ? users.value.length : 0;
}

/**
 * A processor of `workerId` has just been given its LATEST iterator on `shardId`: it reads only records that
 * arrive from now on (InitialPositionInStream LATEST: "start after the most recent data record"). For the
 * application's first reader of the shard that is what LATEST means — the records before belong to no one.
 * For any later reader it means the lease still had no checkpoint, and every record after the furthest one
 * processed so far is passed over: recorded as a skipped range, counted and logged.
 */
export function passOverToTip(
  app: KclAppState,
  kinesis: KinesisState,
  streamName: string,
  workerId: string,
  shardId: string,
  now: number,
): void {
  const upTo = app.processedUpTo[shardId];
  const waiting = recordsAfter(kinesis, streamName, shardId, upTo ? upTo : null);
  const tip = waiting.newestSequenceNumber;
  if (upTo === undefined) {
    app.processedUpTo[shardId] = tip ?? '';
    return;
  }
  if (waiting.count === 0 || tip === null) return;
  let users = 0;
  for (const record of waiting.records()) users += userRecordCount(record);
  (app.skipped[shardId] ??= []).push({ after: upTo, upTo: tip, userRecords: users });
  app.skippedByShard[shardId] = (app.skippedByShard[shardId] ?? 0) + users;
  app.stats.userRecordsSkipped += users;
  app.processedUpTo[shardId] = tip;
  logLeaseEvent(app, {
    at: now,
    event: 'recordsSkipped',
    workerId,
    shardId,
    position: 'LATEST',
    records: users,
  });
}

/**
 * True when a record falls in a range of `shardId` passed over earlier, which it then fills: a zombie
 * processor (its lease taken, not noticed yet) still processes records a LATEST start skipped. Such a
 * record is processed for the first time, not a duplicate.
 */
export function fillsSkippedRange(
  app: KclAppState,
  shardId: string,
  sequenceNumber: string,
  users: number,
): boolean {
  const ranges = app.skipped[shardId];
  if (ranges === undefined) return false;
  const range = ranges.find((r) => sequenceNumber > r.after && sequenceNumber <= r.upTo);
  if (range === undefined) return false;
  const filled = Math.min(users, range.userRecords);
  range.userRecords -= filled;
  app.skippedByShard[shardId] = (app.skippedByShard[shardId] ?? 0) - filled;
  app.stats.userRecordsSkipped -= filled;
  if (range.userRecords === 0 || sequenceNumber === range.upTo) ranges.splice(ranges.indexOf(range), 1);
  return true;
}
