/**
 * Runs a lab scenario through `openStreamingSession` (sim/streaming), the model `bdlab run` uses, and
 * reads the per-shard, per-second figures the labs show from its live Kinesis state. The tests use it to
 * prove that the labs' own runner (lab-stream.ts) and `bdlab run` agree; scenarios with the labs'
 * extensions (consumer pauses, re-keying one hot key, reading consumers) have no `bdlab run` form yet.
 */
import { fail, ok, type Result } from '../../sim/core/errors.ts';
import type { KinesisState } from '../../sim/kinesis/index.ts';
import { validateScenario } from '../../sim/scenario/scenario.ts';
import { openStreamingSession } from '../../sim/streaming/index.ts';
import type { LabShard, LabStreamRun, LabStreamScenario } from './lab-stream.ts';

/** True when the scenario uses only fields of the `bdlab run` format. */
export function runsOnSession(scenario: LabStreamScenario): boolean {
  return (scenario.consumers ?? []).length === 0 && scenario.producers[0].saltHotKey === undefined;
}

/** The scenario as a `bdlab run` file: the labs' split actions renamed to the format's fields. */
function toScenarioFile(scenario: LabStreamScenario): unknown {
  const [producer] = scenario.producers;
  return {
    seed: scenario.seed,
    durationSeconds: scenario.durationSeconds,
    streams: scenario.streams,
    producers: [
      {
        stream: producer.stream,
        recordsPerSecond: producer.recordsPerSecond,
        recordBytes: producer.recordBytes,
        ...(producer.rate ? { rate: producer.rate } : {}),
        partitionKeys: producer.partitionKeys,
        ...(producer.kpl ? { kpl: producer.kpl } : {}),
      },
    ],
    actions: (scenario.actions ?? []).map((a) => ({
      atSeconds: a.atSeconds,
      action: 'splitShard',
      stream: a.stream,
      shardId: a.shardToSplit,
      newStartingHashKey: a.newStartingHashKey,
    })),
  };
}

interface ProducerSection {
  readonly producers: readonly {
    readonly recordsAttempted: number;
    readonly recordsAccepted: number;
    readonly putPayloadUnits: number;
    readonly kpl: {
      readonly userRecordsAdded: number;
      readonly userRecordsSucceeded: number;
      readonly userRecordLatencyMsSum: number;
      readonly kinesisRecordsSucceeded: number;
      readonly putPayloadUnits: number;
    } | null;
  }[];
}

/** Runs the scenario second by second on a streaming session. */
export function runOnSession(scenario: LabStreamScenario): Result<LabStreamRun> {
  const validated = validateScenario(toScenarioFile(scenario));
  if (!validated.ok) {
    const first = validated.errors[0]!;
    return fail({ code: first.code, message: `${first.path}: ${first.message}` });
  }
  const session = openStreamingSession(validated.value);
  const seconds = Math.ceil(scenario.durationSeconds);
  const series = new Map<
    string,
    { records: number[]; bytes: number[]; throttled: number[]; last: number[] }
  >();
  const kinesis = () => session.state.services['kinesis'] as KinesisState;
  const stream = () => kinesis().streams[scenario.streams[0].name]!;
  for (let second = 0; second < seconds; second++) {
    session.advanceTo(Math.min(scenario.durationSeconds, second + 1) * 1000);
    for (const shard of stream().shards) {
      let s = series.get(shard.ShardId);
      if (!s) {
        s = {
          records: new Array<number>(seconds).fill(0),
          bytes: new Array<number>(seconds).fill(0),
          throttled: new Array<number>(seconds).fill(0),
          last: [0, 0, 0],
        };
        series.set(shard.ShardId, s);
      }
      const t = shard.totals;
      s.records[second] = t.incomingRecords - s.last[0]!;
      s.bytes[second] = t.incomingBytes - s.last[1]!;
      s.throttled[second] = t.throttledRecords - s.last[2]!;
      s.last = [t.incomingRecords, t.incomingBytes, t.throttledRecords];
    }
  }
  const shards: LabShard[] = stream().shards.map((shard) => {
    const s = series.get(shard.ShardId)!;
    return {
      shardId: shard.ShardId,
      parentShardIds: shard.parentShardIds,
      startingHashKey: shard.HashKeyRange.StartingHashKey,
      endingHashKey: shard.HashKeyRange.EndingHashKey,
      status: shard.closedAt === undefined ? 'OPEN' : 'CLOSED',
      openedAtMs: shard.openedAt,
      closedAtMs: shard.closedAt ?? null,
      incomingRecords: shard.totals.incomingRecords,
      incomingBytes: shard.totals.incomingBytes,
      throttledRecords: shard.totals.throttledRecords,
      readThrottled: shard.totals.throttledGetRecordsCalls,
      perSecond: { records: s.records, bytes: s.bytes, throttled: s.throttled },
    };
  });
  const producer = (session.report().services['producers'] as unknown as ProducerSection).producers[0]!;
  const kpl = producer.kpl;
  const sum = (pick: (s: LabShard) => number) => shards.reduce((total, s) => total + pick(s), 0);
  return ok({
    durationSeconds: scenario.durationSeconds,
    shards,
    totals: {
      recordsAttempted: producer.recordsAttempted,
      recordsAccepted: producer.recordsAccepted,
      recordsThrottled: sum((s) => s.throttledRecords),
      readThrottled: sum((s) => s.readThrottled),
    },
    putPayloadUnits: producer.putPayloadUnits,
    kinesisRecordsAccepted: kpl ? kpl.kinesisRecordsSucceeded : sum((s) => s.incomingRecords),
    kpl: kpl
      ? {
          userRecordsAdded: kpl.userRecordsAdded,
          userRecordsSucceeded: kpl.userRecordsSucceeded,
          meanLatencyMs:
            kpl.userRecordsSucceeded === 0 ? 0 : kpl.userRecordLatencyMsSum / kpl.userRecordsSucceeded,
        }
      : null,
    maxMillisBehindLatest: 0,
    lagPerSecond: new Array<number>(seconds).fill(0),
  });
}
