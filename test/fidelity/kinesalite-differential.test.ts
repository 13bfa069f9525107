/**
 * Differential test: sim/kinesis against kinesalite (mhart/kinesalite 3.3.3, an independent Kinesis emulator
 * whose tests its author ran against AWS; AWS-FACTS source KLITE), started by this test on 127.0.0.1 and
 * spoken to over the Kinesis JSON protocol. Both get the same calls; we compare
 * - routing: the shard every one of thousands of keys (ASCII and not) and explicit hash keys lands on;
 * - lineage after splits and merges: shard ids, parent ids, hash key ranges, which shards are closed;
 * - error codes for the refusals of kinesis-reshard-checks.test.ts.
 * Where kinesalite is known to differ from AWS, the test says so and asserts AWS's answer for the
 * simulator (and kinesalite's own, so that a kinesalite that changes is noticed).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import kinesalite from 'kinesalite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { millis } from '../../sim/core/index.ts';
import {
  createKinesisState,
  createStream,
  describeStream,
  hashKeyRangeMidpoint,
  MAX_HASH_KEY,
  mergeShards,
  putRecords,
  RESHARD_UPDATING_MILLIS,
  splitShard,
  type KinesisState,
} from '../../sim/kinesis/index.ts';

type Outcome =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly code: string };

let server: Server;
let endpoint = '';

beforeAll(async () => {
  server = kinesalite({ createStreamMs: 0, updateStreamMs: 0, shardLimit: 1000 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** One Kinesis JSON-protocol call to kinesalite (it checks that a SigV4-shaped header is present). */
async function emulator(operation: string, body: object): Promise<Outcome> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `Kinesis_20131202.${operation}`,
      'X-Amz-Date': '20160614T090000Z',
      Authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20160614/us-east-1/kinesis/aws4_request, ' +
        `SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${'0'.repeat(64)}`,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
  return response.ok ? { ok: true, body: parsed } : { ok: false, code: String(parsed.__type) };
}

async function emulatorActive(name: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const described = await emulator('DescribeStream', { StreamName: name });
    const description = described.ok ? (described.body.StreamDescription as Record<string, unknown>) : {};
    if (description.StreamStatus === 'ACTIVE') return description;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`kinesalite stream ${name} never became ACTIVE`);
}

/** The same stream in the simulator and in kinesalite, with the simulator's clock. */
class Pair {
  readonly state: KinesisState = createKinesisState({ era: 'current', shardLimit: 1000 });
  now = 0;

  private constructor(readonly name: string) {}

  static async create(name: string, shards: number): Promise<Pair> {
    const pair = new Pair(name);
    createStream(pair.state, { StreamName: name, ShardCount: shards }, millis(0));
    expect((await emulator('CreateStream', { StreamName: name, ShardCount: shards })).ok).toBe(true);
    await emulatorActive(name);
    return pair;
  }

  private sim(result: { ok: true; value: unknown } | { ok: false; error: { code: string } }): Outcome {
    return result.ok ? { ok: true, body: {} } : { ok: false, code: result.error.code };
  }

  /** SplitShard on both; the reshard finishes before the next call on both. */
  async split(ShardToSplit: string, NewStartingHashKey: string): Promise<[Outcome, Outcome]> {
    const request = { StreamName: this.name, ShardToSplit, NewStartingHashKey };
    const sim = this.sim(splitShard(this.state, request, millis(this.now)));
    this.now += RESHARD_UPDATING_MILLIS;
    const other = await emulator('SplitShard', request);
    await emulatorActive(this.name);
    return [sim, other];
  }

  async merge(ShardToMerge: string, AdjacentShardToMerge: string): Promise<[Outcome, Outcome]> {
    const request = { StreamName: this.name, ShardToMerge, AdjacentShardToMerge };
    const sim = this.sim(mergeShards(this.state, request, millis(this.now)));
    this.now += RESHARD_UPDATING_MILLIS;
    const other = await emulator('MergeShards', request);
    await emulatorActive(this.name);
    return [sim, other];
  }

  /** PutRecords on both (500 at a time; the simulator's clock moves a second per call so no shard throttles). */
  async put(
    records: readonly { PartitionKey: string; ExplicitHashKey?: string }[],
  ): Promise<[Outcome, Outcome]> {
    const sim = putRecords(
      this.state,
      { StreamName: this.name, Records: records.map((r) => ({ ...r, Data: new Uint8Array([1]) })) },
      millis(this.now),
    );
    this.now += 1000;
    const other = await emulator('PutRecords', {
      StreamName: this.name,
      Records: records.map((r) => ({ ...r, Data: 'AQ==' })),
    });
    return [
      sim.ok
        ? { ok: true, body: sim.value as unknown as Record<string, unknown> }
        : { ok: false, code: sim.error.code },
      other,
    ];
  }

  /** The shard each key lands on, in both, 500 keys per call. */
  async route(
    keys: readonly { PartitionKey: string; ExplicitHashKey?: string }[],
  ): Promise<[string[], string[]]> {
    const sim: string[] = [];
    const other: string[] = [];
    for (let at = 0; at < keys.length; at += 500) {
      const [a, b] = await this.put(keys.slice(at, at + 500));
      for (const [outcome, into] of [
        [a, sim],
        [b, other],
      ] as const) {
        if (!outcome.ok) throw new Error(`PutRecords refused: ${outcome.code}`);
        for (const record of outcome.body.Records as { ShardId?: string; ErrorCode?: string }[])
          into.push(record.ShardId ?? String(record.ErrorCode));
      }
    }
    return [sim, other];
  }

  /** Both streams' shards as lineage: id, parents, range and whether closed. */
  async lineage(): Promise<[unknown[], unknown[]]> {
    const described = describeStream(this.state, { StreamName: this.name }, millis(this.now));
    if (!described.ok) throw new Error(described.error.message);
    const view = (shard: {
      ShardId: string;
      ParentShardId?: string;
      AdjacentParentShardId?: string;
      HashKeyRange: unknown;
      SequenceNumberRange: { EndingSequenceNumber?: string };
    }) => ({
      ShardId: shard.ShardId,
      ParentShardId: shard.ParentShardId ?? null,
      AdjacentParentShardId: shard.AdjacentParentShardId ?? null,
      HashKeyRange: shard.HashKeyRange,
      closed: shard.SequenceNumberRange.EndingSequenceNumber !== undefined,
    });
    const other = (await emulatorActive(this.name)).Shards as Parameters<typeof view>[0][];
    return [described.value.StreamDescription.Shards.map(view), other.map(view)];
  }

  range(shardId: string): { StartingHashKey: string; EndingHashKey: string } {
    return this.state.streams[this.name]!.shards.find((s) => s.ShardId === shardId)!.HashKeyRange;
  }
}

const codeOf = (outcome: Outcome) => (outcome.ok ? 'ok' : outcome.code);

/** Keys as producers write them: ids, log fields, and non-ASCII text whose UTF-8 bytes are hashed. */
function keys(count: number, salt: string): { PartitionKey: string }[] {
  const scripts = ['größe', '日本語', 'Ωμέγα', 'emoji😀', 'ça-va', 'عربى'];
  return Array.from({ length: count }, (_, i) => ({
    PartitionKey: i % 7 === 0 ? `${scripts[i % scripts.length]}-${salt}-${i}` : `${salt}-user-${i}`,
  }));
}

describe('routing: every key lands on the same shard', () => {
  it('2,000 partition keys over 7 shards (the last shard absorbs the remainder of the even split)', async () => {
    const pair = await Pair.create('routing', 7);
    const [sim, other] = await pair.route(keys(2000, 'r'));
    expect(new Set(sim).size).toBe(7);
    expect(sim).toEqual(other);
  });

  it('explicit hash keys at every shard boundary and the ends of the key space', async () => {
    const pair = await Pair.create('explicit', 5);
    const boundaries = pair.state.streams.explicit!.shards.flatMap((s) => [
      s.HashKeyRange.StartingHashKey,
      s.HashKeyRange.EndingHashKey,
    ]);
    const explicit = ['0', '1', ...boundaries, (MAX_HASH_KEY - 1n).toString(), MAX_HASH_KEY.toString()].map(
      (ExplicitHashKey) => ({ PartitionKey: 'ignored', ExplicitHashKey }),
    );
    const [sim, other] = await pair.route(explicit);
    expect(sim).toEqual(other);
  });
});

describe('lineage after splits and merges, and routing on the children', () => {
  it('five reshards on a 3-shard stream leave the same shards, parents and ranges in both', async () => {
    const pair = await Pair.create('lineage', 3);
    const steps: [Outcome, Outcome][] = [];
    steps.push(
      await pair.split('shardId-000000000000', hashKeyRangeMidpoint(pair.range('shardId-000000000000'))),
    );
    const third = pair.range('shardId-000000000002');
    steps.push(await pair.split('shardId-000000000002', (BigInt(third.StartingHashKey) + 2n).toString()));
    steps.push(await pair.merge('shardId-000000000003', 'shardId-000000000004'));
    steps.push(await pair.merge('shardId-000000000007', 'shardId-000000000001'));
    steps.push(await pair.split('shardId-000000000006', (BigInt(third.EndingHashKey) - 1n).toString()));
    expect(steps.map(([sim, other]) => [codeOf(sim), codeOf(other)])).toEqual(steps.map(() => ['ok', 'ok']));
    const [sim, other] = await pair.lineage();
    expect(sim).toHaveLength(11);
    expect(sim).toEqual(other);
    const [simShards, otherShards] = await pair.route(keys(1000, 'l'));
    expect(simShards).toEqual(otherShards);
  });
});

describe('error codes', () => {
  it('refusals both give with the same code', async () => {
    const pair = await Pair.create('errors', 3);
    const first = pair.range('shardId-000000000000');
    const last = pair.range('shardId-000000000002');
    const cases: [string, () => Promise<[Outcome, Outcome]>, string][] = [
      [
        'split at start + 1',
        () => pair.split('shardId-000000000000', (BigInt(first.StartingHashKey) + 1n).toString()),
        'InvalidArgumentException',
      ],
      [
        'split at the ending key',
        () => pair.split('shardId-000000000000', first.EndingHashKey),
        'InvalidArgumentException',
      ],
      [
        'split past the shard',
        () => pair.split('shardId-000000000000', last.StartingHashKey),
        'InvalidArgumentException',
      ],
      [
        'split at 39 nines',
        () => pair.split('shardId-000000000002', '9'.repeat(39)),
        'InvalidArgumentException',
      ],
      ['split at "abc"', () => pair.split('shardId-000000000000', 'abc'), 'ValidationException'],
      ['split at ""', () => pair.split('shardId-000000000000', ''), 'ValidationException'],
      [
        'merge inverted',
        () => pair.merge('shardId-000000000001', 'shardId-000000000000'),
        'InvalidArgumentException',
      ],
      [
        'merge not adjacent',
        () => pair.merge('shardId-000000000000', 'shardId-000000000002'),
        'InvalidArgumentException',
      ],
      [
        'ExplicitHashKey "abc"',
        () => pair.put([{ PartitionKey: 'k', ExplicitHashKey: 'abc' }]),
        'ValidationException',
      ],
      [
        'ExplicitHashKey 2^128',
        () => pair.put([{ PartitionKey: 'k', ExplicitHashKey: (MAX_HASH_KEY + 1n).toString() }]),
        'InvalidArgumentException',
      ],
      [
        'PartitionKey of 257 letters',
        () => pair.put([{ PartitionKey: 'k'.repeat(257) }]),
        'ValidationException',
      ],
      ['empty PartitionKey', () => pair.put([{ PartitionKey: '' }]), 'ValidationException'],
    ];
    const answers: string[] = [];
    for (const [name, call, expected] of cases) {
      const [sim, other] = await call();
      answers.push(`${name}: ${codeOf(sim)} / ${codeOf(other)}`);
      expect(`${name}: ${expected} / ${expected}`).toBe(answers[answers.length - 1]);
    }
  });

  it('known kinesalite differences, where the simulator follows AWS', async () => {
    const pair = await Pair.create('differences', 2);
    // 1. Pattern checks: kinesalite builds RegExp('^' + '0|([1-9]\\d{0,38})' + '$'), which anchors only the
    //    first alternative, so "007" and "0x10" pass its check; AWS matches the whole value (a
    //    ValidationException, as kinesalite's own messages for other values show).
    const [simHex, otherHex] = await pair.put([{ PartitionKey: 'k', ExplicitHashKey: '0x10' }]);
    expect([codeOf(simHex), codeOf(otherHex)]).toEqual(['ValidationException', 'ok']);
    // 2. Partition key length: kinesalite counts JavaScript string length (UTF-16 units); the model's
    //    length constraint counts characters (see kinesis-partition-key-length.test.ts). 129 emoji are
    //    258 units and 129 characters.
    const [simEmoji, otherEmoji] = await pair.put([{ PartitionKey: '😀'.repeat(129) }]);
    expect([codeOf(simEmoji), codeOf(otherEmoji)]).toEqual(['ok', 'ValidationException']);
    // 3. A closed shard: AWS refuses to split it again (InvalidArgumentException, kinesalite#109, observed
    //    with the AWS CLI); kinesalite splits it a second time.
    const middle = hashKeyRangeMidpoint(pair.range('shardId-000000000000'));
    expect((await pair.split('shardId-000000000000', middle)).map(codeOf)).toEqual(['ok', 'ok']);
    expect((await pair.split('shardId-000000000000', middle)).map(codeOf)).toEqual([
      'InvalidArgumentException',
      'ok',
    ]);
  });
});
