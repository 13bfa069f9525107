/**
 * Remembers the last few results of a deterministic run by a string key. A lab re-derives on every learner
 * action and learners step back and forth, so the same run is asked for again and again; the whole memory
 * is dropped once it holds more than `limit` runs, which keeps it small without tracking ages.
 */
export function rememberRuns<Input, Output>(
  keyOf: (input: Input) => string,
  run: (input: Input) => Output,
  limit = 16,
): (input: Input) => Output {
  const remembered = new Map<string, Output>();
  return (input) => {
    const key = keyOf(input);
    const known = remembered.get(key);
    if (known !== undefined) return known;
    const output = run(input);
    if (remembered.size > limit) remembered.clear();
    remembered.set(key, output);
    return output;
  };
}
