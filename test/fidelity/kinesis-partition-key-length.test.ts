/**
 * Fidelity: how the 256-character partition key limit is counted (AWS-FACTS §1.2, Numbers #11), by the
 * stream and by the KPL, and that a key the KPL takes never costs another user record its delivery.
 *
 * What this relies on:
 * - Kinesis: `PartitionKey` has `min 1, max 256` in the API model [BK16] and the API reference says
 *   "Partition keys are Unicode strings, with a maximum length limit of 256 characters". The model's length
 *   constraint on a string counts Unicode scalar values (Smithy specification, `length` trait: "string — the
 *   number of Unicode scalar values"), so the stream counts code points: an emoji is one character although
 *   it is two UTF-16 units and four UTF-8 bytes. (No AWS response for astral keys is on record; kinesalite,
 *   written in JavaScript, counts UTF-16 units — see kinesalite-differential.test.ts.)
 * - KPL: KinesisProducer.addUserRecord (awslabs/amazon-kinesis-producer, Java front end) refuses
 *   `partitionKey.length() < 1 || partitionKey.length() > 256` with IllegalArgumentException — Java's
 *   `String.length()`, UTF-16 code units. The KPL is therefore stricter than the stream: 129 emoji (258
 *   units) are refused by the KPL and accepted by PutRecords, never the other way round.
 */
import { describe, expect, it } from 'vitest';
import { millis } from '../../sim/core/index.ts';
import {
  codePointLength,
  createKinesisState,
  createStream,
  putRecords,
  type KinesisState,
} from '../../sim/kinesis/index.ts';
import {
  addUserRecord,
  createKplProducer,
  defaultKplConfig,
  evenShardRanges,
  flushDue,
  nextDueAt,
  onPutRecordsResult,
  type KplProducerState,
  type PutRecordsOutput,
} from '../../sim/kpl/index.ts';
import { PRICE_BOOKS } from '../../sim/pricing/index.ts';

/** U+1F600, outside the Basic Multilingual Plane: one code point, two UTF-16 units, four UTF-8 bytes. */
const EMOJI = '😀';

function stream(): KinesisState {
  const state = createKinesisState();
  createStream(state, { StreamName: 's', ShardCount: 2 }, millis(0));
  return state;
}

function putKey(state: KinesisState, PartitionKey: string): string {
  const result = putRecords(
    state,
    { StreamName: 's', Records: [{ Data: new Uint8Array(1), PartitionKey }] },
    millis(0),
  );
  return result.ok ? 'ok' : result.error.code;
}

describe('the stream counts Unicode characters (code points), 1 to 256', () => {
  it('counts an emoji once', () => {
    expect(EMOJI.length).toBe(2);
    expect(codePointLength(EMOJI.repeat(129))).toBe(129);
    expect(codePointLength(`a${EMOJI}b`)).toBe(3);
  });

  it('accepts 129 and 256 emoji (258 and 512 UTF-16 units), refuses 257 emoji and 257 ASCII letters', () => {
    const state = stream();
    expect(putKey(state, EMOJI.repeat(129))).toBe('ok');
    expect(putKey(state, EMOJI.repeat(256))).toBe('ok');
    expect(putKey(state, 'k'.repeat(256))).toBe('ok');
    expect(putKey(state, EMOJI.repeat(257))).toBe('ValidationException');
    expect(putKey(state, 'k'.repeat(257))).toBe('ValidationException');
    expect(putKey(state, '')).toBe('ValidationException');
  });

  it('bills the key by its UTF-8 bytes: 256 emoji are a 1,024-byte key toward the record size', () => {
    const state = stream();
    const data = new Uint8Array(1_048_576 - 1024);
    const fits = putRecords(
      state,
      { StreamName: 's', Records: [{ Data: data, PartitionKey: EMOJI.repeat(256) }] },
      millis(0),
    );
    expect(fits.ok).toBe(true);
    const over = putRecords(
      state,
      {
        StreamName: 's',
        Records: [{ Data: new Uint8Array(data.length + 1), PartitionKey: EMOJI.repeat(256) }],
      },
      millis(0),
    );
    expect(over.ok ? '' : over.error.code).toBe('ValidationException');
  });
});

describe('the KPL counts UTF-16 units at addUserRecord, and loses no neighbour', () => {
  const book = PRICE_BOOKS['2016'];

  function producer(): KplProducerState {
    return createKplProducer({
      StreamName: 's',
      shards: evenShardRanges(2),
      config: defaultKplConfig(book),
      book,
      now: 0,
    });
  }

  /** Drives the producer against the Kinesis model itself until nothing is due. */
  function deliver(kpl: KplProducerState, kinesis: KinesisState): void {
    for (let now: number | undefined = 0; now !== undefined && now <= 60_000; now = nextDueAt(kpl, now)) {
      for (const call of flushDue(kpl, now)) {
        const response = putRecords(kinesis, call.input, millis(now));
        const output: PutRecordsOutput = response.ok
          ? response.value
          : {
              FailedRecordCount: call.input.Records.length,
              Records: call.input.Records.map(() => ({ ErrorCode: response.error.code })),
            };
        onPutRecordsResult(kpl, call.requestId, output, now);
      }
    }
  }

  it('refuses 129 emoji (258 units) with the KPL message, accepts 128 emoji (256 units)', () => {
    const kpl = producer();
    const refused = addUserRecord(kpl, { PartitionKey: EMOJI.repeat(129), Data: new Uint8Array(1) }, 0);
    expect(refused.ok ? '' : refused.error).toMatchObject({
      code: 'IllegalArgumentException',
      path: 'PartitionKey',
      message: expect.stringMatching(
        /^Invalid partition key\. Length must be at least 1 and at most 256, got 258\./,
      ),
    });
    expect(addUserRecord(kpl, { PartitionKey: EMOJI.repeat(128), Data: new Uint8Array(1) }, 0).ok).toBe(true);
  });

  it('every user record around a refused key is delivered, aggregated with the longest keys allowed', () => {
    const kpl = producer();
    const kinesis = stream();
    // The refused key comes first: an aggregate takes its first user record's partition key, so had the
    // KPL taken it, the stream would have refused the whole PutRecords call and every record in it.
    const add = (PartitionKey: string) =>
      addUserRecord(kpl, { PartitionKey, Data: new Uint8Array(100) }, 0).ok;
    const added = [add(EMOJI.repeat(129))];
    for (let i = 0; i < 40; i++) {
      added.push(add(`user-${i}`));
      if (i % 10 === 5) added.push(add(EMOJI.repeat(129)), add(`${i}${EMOJI.repeat(127)}`));
    }
    expect(added.filter((a) => !a)).toHaveLength(5);
    deliver(kpl, kinesis);
    expect(kpl.stats.userRecordsAdded).toBe(44);
    expect(kpl.stats.userRecordsSucceeded).toBe(44);
    expect(kpl.stats.userRecordsExpired).toBe(0);
    expect(kpl.stats.kinesisRecordsFailedOther).toBe(0);
    expect(kpl.stats.aggregatedKinesisRecordsSent).toBeGreaterThan(0);
  });
});
