import protobuf from 'protobufjs/minimal.js';

/**
 * How bytes are saved. In memory, object bodies (and KPL and Firehose buffers) are Uint8Arrays: compact
 * and fast. JSON has no bytes type — `JSON.stringify` turns a Uint8Array into `{"0":…,"1":…}` and loses
 * it — so saved state writes each Uint8Array as `{ "$bytes": "<base64>" }` and reading turns it back.
 * Base64 is a third larger than the bytes, where a number array would be three to four times larger.
 */
export interface SavedBytes {
  readonly $bytes: string;
}

/** A `JSON.stringify` replacer that writes every Uint8Array as `{ "$bytes": base64 }`. */
export function bytesReplacer(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) {
    return { $bytes: protobuf.util.base64.encode(value, 0, value.length) } satisfies SavedBytes;
  }
  return value;
}

/** A `JSON.parse` reviver that turns every `{ "$bytes": base64 }` back into a Uint8Array. */
export function bytesReviver(this: unknown, _key: string, value: unknown): unknown {
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.keys(value).length === 1 &&
    typeof (value as { $bytes?: unknown }).$bytes === 'string'
  ) {
    const text = (value as SavedBytes).$bytes;
    const out = new Uint8Array(protobuf.util.base64.length(text));
    protobuf.util.base64.decode(text, out, 0);
    return out;
  }
  return value;
}
