import { schedule, type SimContext } from '../core/index.ts';
import { millis } from '../core/index.ts';
import type { FirehoseDeliverEvent } from '../firehose/index.ts';
import type { KinesisState } from '../kinesis/index.ts';
import { putRecords } from '../kinesis/index.ts';
import {
  createKplModule,
  createKplProducer,
  defaultKplConfig,
  type KplFlushEvent,
  type KplServices,
  type PutRecordsOutput,
} from '../kpl/index.ts';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { toJsonValue } from '../scenario/index.ts';
import { didYouMean, type SchemaIssue } from '../scenario/index.ts';
import { saltProblem } from './keys.ts';
import { recordsForTick, sendThroughKpl, sendToDeliveryStream, sendToStream } from './produce.ts';
import {
  createProducer,
  kplTickMs,
  PRODUCER_TICK_MS,
  producerName,
  type ProducerState,
  type ProducersState,
} from './producer-state.ts';
import { producersReport } from './producers-report.ts';
import { producersSchema, type ProducerConfig, type StreamingScenario } from './scenario-schema.ts';
import { needsStreaming, type StreamingServices } from './services.ts';
import { streamingScenario } from './streams-component.ts';

/** A producer's tick: it makes the records of its last tick (100 ms, shorter with the KPL) and sends them. */
export interface ProducerTickEvent {
  readonly type: 'producer.tick';
  /** Index of the producer in `producers`. */
  readonly producer: number;
}

/** Events of the producers component: its ticks, its KPLs' flushes, and the Firehose deliveries it starts. */
export type ProducersEvent = ProducerTickEvent | KplFlushEvent | FirehoseDeliverEvent;

/** The producers' own state and the services they write to or read. */
type ProducersServices = Pick<
  StreamingServices,
  'producers' | 'era' | 'startTime' | 'level' | 'kinesis' | 'firehose' | 's3'
>;

/** A producers handler's context. */
type ProducersContext = SimContext<ProducersEvent, ProducersServices>;

function checkProducers(producers: readonly ProducerConfig[], scenario: StreamingScenario): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const streams = (scenario.streams ?? []).map((s) => s.name);
  const deliveryStreams = (scenario.firehose ?? []).map((d) => d.name);
  const names = new Map<string, number>();
  producers.forEach((p, i) => {
    const at = `$.producers[${i}]`;
    const name = producerName(p, i);
    const first = names.get(name);
    if (first !== undefined) {
      issues.push({
        path: `${at}.name`,
        message: `"${name}" is already the name of $.producers[${first}]; give each producer its own name.`,
      });
    } else names.set(name, i);
    if ((p.stream === undefined) === (p.deliveryStream === undefined)) {
      issues.push({
        path: at,
        message:
          'a producer writes to exactly one target: give either "stream" (a Kinesis stream) or "deliveryStream" (a Firehose delivery stream).',
      });
    }
    if (p.stream !== undefined && !streams.includes(p.stream)) {
      const known =
        streams.length > 0
          ? `the streams are ${streams.map((s) => `"${s}"`).join(', ')}`
          : 'there are no streams';
      issues.push({
        path: `${at}.stream`,
        message: `no stream is named "${p.stream}"; ${known}.${didYouMean(p.stream, streams)}`,
      });
    }
    if (p.deliveryStream !== undefined && !deliveryStreams.includes(p.deliveryStream)) {
      const known =
        deliveryStreams.length > 0
          ? `the delivery streams in "firehose" are ${deliveryStreams.map((s) => `"${s}"`).join(', ')}`
          : 'there are no delivery streams in "firehose"';
      issues.push({
        path: `${at}.deliveryStream`,
        message: `no delivery stream is named "${p.deliveryStream}"; ${known}.${didYouMean(p.deliveryStream, deliveryStreams)}`,
      });
    }
    if (p.kpl !== undefined && p.deliveryStream !== undefined) {
      issues.push({
        path: `${at}.kpl`,
        message: 'the KPL writes to Kinesis streams only: remove "kpl" or target a "stream".',
      });
    }
    if (p.kpl !== undefined && p.retries !== undefined) {
      issues.push({
        path: `${at}.retries`,
        message:
          'a KPL producer retries on its own until its recordTtlMs runs out: remove "retries" (or set "kpl": { "recordTtlMs": … }).',
      });
    }
    const size = p.recordBytes;
    if (typeof size !== 'number' && size.distribution === 'uniform' && size.min > size.max) {
      issues.push({
        path: `${at}.recordBytes.max`,
        message: `${size.max} is less than min ${size.min}; expected max ≥ min.`,
      });
    }
    const salt = saltProblem(p.partitionKeys);
    if (salt !== null) issues.push({ path: `${at}.partitionKeys.salt.key`, message: salt });
    if (p.deliveryStream !== undefined && p.partitionKeys.strategy !== 'random') {
      issues.push({
        path: `${at}.partitionKeys`,
        message:
          'Firehose records have no partition key: remove "partitionKeys" from a producer that targets a "deliveryStream".',
      });
    }
  });
  return issues;
}

/** What the KPL's transport reads: its producers' state and the Kinesis data plane it writes to. */
type KplWithKinesis = KplServices & { readonly kinesis: KinesisState };

/**
 * The KPL module: its PutRecords go to the run's Kinesis data plane at the simulation clock, and after a
 * reshard it lists the stream's open shards (ListShards) to aggregate for the children.
 */
const kplModule = createKplModule<KplWithKinesis>(
  (ctx, input): PutRecordsOutput => {
    const response = putRecords(ctx.services.kinesis, input, ctx.now, ctx.metrics);
    if (response.ok) return response.value;
    const failure = { ErrorCode: response.error.code, ErrorMessage: response.error.message };
    return { FailedRecordCount: input.Records.length, Records: input.Records.map(() => failure) };
  },
  (ctx, streamName) =>
    (ctx.services.kinesis.streams[streamName]?.shards ?? [])
      .filter((s) => s.closedAt === undefined)
      .map((s) => ({ ShardId: s.ShardId, HashKeyRange: s.HashKeyRange })),
);

/**
 * The KPL module reads `services.kpl`; in a streaming run the KPL instances live in
 * `services.producers.kpl`. This view gives the KPL its services next to the Kinesis data plane, sharing
 * the clock, queue, generator and metrics of the run.
 */
function kplContext(ctx: ProducersContext): SimContext<KplFlushEvent, KplWithKinesis> {
  const services = ctx.services;
  return {
    now: ctx.now,
    eventsProcessed: ctx.eventsProcessed,
    queue: ctx.queue,
    rng: ctx.rng,
    metrics: ctx.metrics,
    services: { kpl: services.producers.kpl, kinesis: services.kinesis },
  };
}

const nextTick = (now: number, tickMs: number): number => (Math.floor(now / tickMs) + 1) * tickMs;

/** A producer's tick length: PRODUCER_TICK_MS, or a tenth of its KPL's RecordMaxBufferedTime (see `kplTickMs`). */
function tickMsOf(producer: ProducerState, producers: ProducersState): number {
  const kpl = producer.kpl ? producers.kpl.producers[producer.name] : undefined;
  return kpl === undefined ? PRODUCER_TICK_MS : kplTickMs(kpl.config.RecordMaxBufferedTime);
}

/** `producers`: load generators, each writing to a Kinesis stream (optionally through the KPL) or a delivery stream. */
export const producersComponent = needsStreaming(
  'era',
  'startTime',
  'level',
  'kinesis',
  'firehose',
  's3',
).defineComponent<'producers', ProducerConfig[], ProducersState, ProducersEvent>({
  field: 'producers',
  schema: producersSchema,
  checkScenario: (producers, scenario) => checkProducers(producers, streamingScenario(scenario)),
  initialState: (producers, scenario): ProducersState => ({
    endMs: scenario.durationSeconds * 1000,
    producers: producers.map(createProducer),
    kpl: { producers: {}, flushTimers: {} },
  }),
  module: {
    name: 'producers',
    handlers: {
      'producer.tick'(ctx, event) {
        const services = ctx.services;
        const producer = services.producers.producers[event.producer]!;
        const tickMs = tickMsOf(producer, services.producers);
        const records = recordsForTick(producer, ctx.rng, ctx.now, tickMs, services.startTime);
        if (records.data.length > 0) {
          if (producer.kpl) sendThroughKpl(kplContext(ctx), producer, records);
          else if (producer.target.kind === 'stream')
            sendToStream(services.kinesis, ctx.metrics, producer, records, ctx.now);
          else sendToDeliveryStream(ctx, producer, records);
        }
        const next = nextTick(ctx.now, tickMs);
        if (next <= services.producers.endMs) {
          schedule(ctx, millis(next), { type: 'producer.tick', producer: event.producer });
        }
      },
      'kpl.flush'(ctx, event) {
        kplModule.handlers['kpl.flush']!(kplContext(ctx), event);
      },
    },
  },
  start(state, producers) {
    const services = state.services;
    const book = PRICE_BOOKS[services.era];
    producers.forEach((config, index) => {
      const producer = services.producers.producers[index]!;
      if (config.kpl !== undefined) {
        const stream = services.kinesis.streams[producer.target.name]!;
        services.producers.kpl.producers[producer.name] = createKplProducer({
          StreamName: stream.StreamName,
          shards: stream.shards.map((s) => ({ ShardId: s.ShardId, HashKeyRange: s.HashKeyRange })),
          config: {
            ...defaultKplConfig(book),
            AggregationEnabled: config.kpl.aggregation,
            RecordMaxBufferedTime: config.kpl.recordMaxBufferedTimeMs,
            RateLimit: config.kpl.rateLimitPercent,
            RecordTtl: config.kpl.recordTtlMs,
          },
          book,
          now: 0,
        });
        services.producers.kpl.flushTimers[producer.name] = null;
      }
      const tickMs = tickMsOf(producer, services.producers);
      if (services.level.used === 'record' && tickMs <= services.producers.endMs) {
        schedule(state, millis(tickMs), { type: 'producer.tick', producer: index });
      }
    });
  },
  report: (state) => toJsonValue(producersReport(state.services)),
});
