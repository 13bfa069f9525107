import protobuf from 'protobufjs/minimal.js';
import { createMd5 } from './md5.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from './snapshot.ts';
import type { SimState } from './simulation.ts';

/**
 * A short fingerprint of plain data: the MD5 of its JSON text (byte arrays written as `{"$bytes":base64}`,
 * as snapshots write them), as `md5:<32 hex digits>`. Two runs that end in the same state have the same
 * digest, so a changed digest is the quickest sign that a run diverged.
 *
 * The JSON text is produced piece by piece into the hash rather than as one string: a record-level run's
 * state holds every record's bytes, and its text can pass the largest string JavaScript allows.
 */
export function digestOf(value: unknown): string {
  const writer = new HashWriter();
  writeJson(writer, value, '');
  return `md5:${writer.finish()}`;
}

/**
 * The digest of `snapshot(state)`, computed without copying the state first (a snapshot copies every
 * service through JSON, which for a streaming run costs several times the run itself).
 */
export function digestOfState(state: SimState<never, unknown> | SimState): string {
  return digestOf({
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    now: state.now,
    eventsProcessed: state.eventsProcessed,
    queue: state.queue.toSnapshot(),
    rng: state.rng.exportState(),
    metrics: state.metrics.toSnapshot(),
    services: state.services,
  });
}

/** Collects text into chunks so the hash is updated a few thousand times, not once per token. */
class HashWriter {
  readonly #hash = createMd5();
  #chunk = '';

  write(text: string): void {
    this.#chunk += text;
    if (this.#chunk.length >= 1 << 16) this.flush();
  }

  flush(): void {
    if (this.#chunk.length === 0) return;
    this.#hash.update(this.#chunk);
    this.#chunk = '';
  }

  finish(): string {
    this.flush();
    return this.#hash.hex();
  }
}

/** Writes what `JSON.stringify(value, bytesReplacer)` would write for a value under `key`, into `writer`. */
function writeJson(writer: HashWriter, input: unknown, key: string): boolean {
  let value = input;
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  if (value instanceof Uint8Array) {
    writer.write(`{"$bytes":"${protobuf.util.base64.encode(value, 0, value.length)}"}`);
    return true;
  }
  switch (typeof value) {
    case 'string':
      writer.write(JSON.stringify(value));
      return true;
    case 'number':
      writer.write(Number.isFinite(value) ? String(value) : 'null');
      return true;
    case 'boolean':
      writer.write(value ? 'true' : 'false');
      return true;
    case 'undefined':
    case 'function':
    case 'symbol':
      return false;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
  }
  if (value === null) {
    writer.write('null');
    return true;
  }
  if (Array.isArray(value)) {
    writer.write('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) writer.write(',');
      if (!writeJson(writer, value[i], String(i))) writer.write('null');
    }
    writer.write(']');
    return true;
  }
  writer.write('{');
  let first = true;
  for (const [name, item] of Object.entries(value as object)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    writer.write(first ? `${JSON.stringify(name)}:` : `,${JSON.stringify(name)}:`);
    first = false;
    writeJson(writer, item, name);
  }
  writer.write('}');
  return true;
}
