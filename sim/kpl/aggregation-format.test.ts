import protobuf from 'protobufjs/minimal.js';
import { describe, expect, it } from 'vitest';
import {
  AGGREGATE_FRAMING_BYTES,
  delimitedFieldLength,
  encodeAggregatedRecord,
  varintLength,
  type UserRecord,
} from './aggregation-format.ts';
import { deaggregate } from './deaggregate.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const records: UserRecord[] = [
  { PartitionKey: 'user-1', Data: bytes('{"click":1}\n') },
  { PartitionKey: 'user-2', ExplicitHashKey: '42', Data: bytes('{"click":2}\n') },
  { PartitionKey: 'user-1', Data: new Uint8Array([0, 1, 2, 255]) },
];

describe('aggregated record format', () => {
  it('is magic + protobuf + MD5, with each partition key stored once', () => {
    const encoded = encodeAggregatedRecord(records);
    expect([...encoded.subarray(0, 4)]).toEqual([0xf3, 0x89, 0x9a, 0xc2]);
    const text = new TextDecoder('latin1').decode(encoded);
    expect(text.split('user-1').length - 1).toBe(1);
  });

  it('round-trips through the de-aggregator with sub-sequence numbers', () => {
    const result = deaggregate({
      Data: encodeAggregatedRecord(records),
      PartitionKey: 'user-1',
      SequenceNumber: '7',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((r) => [r.PartitionKey, r.ExplicitHashKey, r.SubSequenceNumber])).toEqual([
      ['user-1', undefined, 0],
      ['user-2', '42', 1],
      ['user-1', undefined, 2],
    ]);
    expect(result.value[2]!.Data).toEqual(new Uint8Array([0, 1, 2, 255]));
    expect(result.value.every((r) => r.aggregated && r.SequenceNumber === '7')).toBe(true);
  });

  it('detects a corrupted MD5 or a changed payload', () => {
    const encoded = encodeAggregatedRecord(records);
    const badDigest = encoded.slice();
    badDigest[badDigest.length - 1]! ^= 1;
    const badPayload = encoded.slice();
    badPayload[10]! ^= 1;
    for (const Data of [badDigest, badPayload]) {
      const result = deaggregate({ Data, PartitionKey: 'p', SequenceNumber: '9' });
      expect(result.ok ? '' : result.error.code).toBe('AggregatedRecordCorrupted');
    }
  });

  it('passes a non-aggregated record through as one user record', () => {
    const result = deaggregate({ Data: bytes('plain'), PartitionKey: 'k', SequenceNumber: '1' });
    expect(result.ok && result.value).toEqual([
      {
        Data: bytes('plain'),
        PartitionKey: 'k',
        SequenceNumber: '1',
        SubSequenceNumber: 0,
        aggregated: false,
      },
    ]);
  });

  it('predicts varint and field lengths exactly as protobufjs encodes them', () => {
    for (const n of [0, 1, 127, 128, 16_383, 16_384, 2_097_152, 51_200]) {
      expect(varintLength(n)).toBe(protobuf.Writer.create().uint32(n).finish().length);
    }
    const one = encodeAggregatedRecord([{ PartitionKey: 'abc', Data: new Uint8Array(300) }]);
    const recordMessage = 2 + delimitedFieldLength(300);
    expect(one.length).toBe(
      AGGREGATE_FRAMING_BYTES + delimitedFieldLength(3) + delimitedFieldLength(recordMessage),
    );
  });
});
