import { serialize } from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceWorkspace } from '../../labs/engine/run.ts';
import { registeredLabs } from '../../labs/index.ts';
import { prepareSqlJsForLabs } from './sql-js.ts';

// The SQL labs derive on sql.js.
beforeAll(prepareSqlJsForLabs);

/**
 * What structured clone would lose or refuse in a value, as paths: functions, symbols, and objects that are
 * not plain (a class instance arrives as a plain object without its methods). Typed arrays, Maps, Sets and
 * Dates clone as themselves. Shared objects are visited once, so large runs stay quick to check.
 */
function cloneProblems(value: unknown, path = '$', seen = new Set<object>()): string[] {
  if (typeof value === 'function') return [`${path} is a function`];
  if (typeof value === 'symbol') return [`${path} is a symbol`];
  if (typeof value !== 'object' || value === null) return [];
  if (seen.has(value)) return [];
  seen.add(value);
  if (ArrayBuffer.isView(value) || value instanceof Date) return [];
  if (value instanceof Map || value instanceof Set) {
    return [...value.entries()].flatMap(([key, item], index) => [
      ...cloneProblems(key, `${path}<key ${index}>`, seen),
      ...cloneProblems(item, `${path}<${index}>`, seen),
    ]);
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) {
    return [`${path} is a ${prototype?.constructor?.name ?? 'non-plain'} instance`];
  }
  return Object.entries(value).flatMap(([key, item]) => cloneProblems(item, `${path}.${key}`, seen));
}

/** Most bytes a lab's facts may take in structured-clone form (Node's v8 serializer writes the same format). */
const FACTS_BUDGET_BYTES = 2 * 1024 * 1024;

/**
 * A lab's derived facts travel from the derive worker to the page by structured clone, so they must be
 * plain data: no functions, no class instances whose prototype would be lost, nothing the clone refuses.
 */
describe('every lab’s derived facts survive structured clone', () => {
  it('the check finds what a clone would lose', () => {
    class Run {
      total = 1;
    }
    expect(cloneProblems({ a: [1, { f: () => 1 }], b: new Run(), c: new Uint8Array(2) })).toEqual([
      '$.a.1.f is a function',
      '$.b is a Run instance',
    ]);
  });

  for (const { folder, lab } of registeredLabs) {
    it(`${folder}: at the start and after each step's solution`, () => {
      for (const upTo of lab.steps.keys()) {
        const workspace = referenceWorkspace(lab, upTo + 1);
        if (!workspace.ok) throw new Error(workspace.error.message);
        for (const candidate of upTo === 0 ? [lab.initialWorkspace, workspace.value] : [workspace.value]) {
          const derived = lab.derive(candidate);
          expect(cloneProblems(derived)).toEqual([]);
          expect(() => structuredClone(derived)).not.toThrow();
          // The facts cross to the page after every action: keep them to what the page and checks read (a
          // whole S3 bucket of delivered objects made lab 11's 8 MB).
          expect(serialize(derived).length).toBeLessThan(FACTS_BUDGET_BYTES);
        }
      }
    });
  }
});
