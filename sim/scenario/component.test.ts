import { describe, expect, it } from 'vitest';
import { SimException } from '../core/index.ts';
import {
  checkComponentOrder,
  componentList,
  defineComponent,
  needing,
  toJsonValue,
  type AnyScenarioComponent,
} from './component.ts';
import { optional, integer } from './schema.ts';

function owner(field: string): AnyScenarioComponent {
  return defineComponent<string, number, number, never>({
    field,
    schema: optional(integer({ min: 0 }), 0),
    initialState: (config) => config,
    module: { name: field, handlers: {} },
    start() {},
    report: (state) => state.services[field]!,
  });
}

type Directory = { readonly bucket: number; readonly stream: number };

/** A component that reads two others' services: `bucket` and `stream`. */
const reader = needing<Directory>()('bucket', 'stream').defineComponent<'reader', number, number, never>({
  field: 'reader',
  schema: optional(integer({ min: 0 }), 0),
  initialState: (config) => config,
  module: { name: 'reader', handlers: {} },
  start() {},
  report: (state) => state.services.reader + state.services.bucket + state.services.stream,
});

describe('components that need other services', () => {
  it('declare what they need, by field', () => {
    expect(reader.needs).toEqual(['bucket', 'stream']);
    expect(owner('bucket').needs).toEqual([]);
  });

  it('build into a list when every need comes before them', () => {
    expect(componentList(owner('bucket'), owner('stream'), reader).map((c) => c.field)).toEqual([
      'bucket',
      'stream',
      'reader',
    ]);
  });

  it('are refused, naming the fix, when listed before a service they need', () => {
    const build = () => componentList(owner('bucket'), reader, owner('stream'));
    expect(build).toThrow(SimException);
    expect(build).toThrow(
      'The reader component needs services.stream, which starts after it: list the stream component before the reader component.',
    );
  });

  it('are refused when no component owns a service they need', () => {
    expect(() => checkComponentOrder([owner('stream'), reader])).toThrow(
      'The reader component needs services.bucket, but no component owns "bucket": add the bucket component before the reader component.',
    );
  });

  it('refuse two components owning one field', () => {
    expect(() => componentList(owner('bucket'), owner('bucket'))).toThrow(
      /Two components own the "bucket" field/,
    );
  });
});

describe('toJsonValue', () => {
  interface Outcome {
    readonly atMs: number;
    readonly error?: { readonly code: string };
    readonly tags: readonly string[];
  }

  it('widens typed plain data (interfaces, optional fields) to a report value unchanged', () => {
    const outcome: Outcome = { atMs: 5, tags: ['a'] };
    expect(toJsonValue(outcome)).toBe(outcome);
  });

  it('refuses, at compile time, data that is not JSON', () => {
    // @ts-expect-error a byte array is not JSON
    toJsonValue({ data: new Uint8Array(1) });
    // @ts-expect-error a function is not JSON
    toJsonValue({ call: () => 1 });
    expect(true).toBe(true);
  });
});
