import { scenarioComponents } from '../run/index.ts';
import { describe, expect, it } from 'vitest';
import { arrivalsComponent } from './arrivals.ts';
import { MAX_REPORTED_ISSUES, parseScenarioText, validateScenario } from './scenario.ts';

/** The core format with only the generic arrivals service, so these tests do not move as services join. */
const coreOnly = [arrivalsComponent];

function errorsOf(value: unknown): string[] {
  const result = validateScenario(value, coreOnly);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.errors.map((e) => `${e.path}: ${e.message}`);
}

const source = { name: 'web', process: 'poisson', ratePerSecond: 10 };

describe('validateScenario', () => {
  it('accepts a minimal scenario and fills the defaults', () => {
    const result = validateScenario({ seed: 1, durationSeconds: 60 }, coreOnly);
    expect(result).toEqual({
      ok: true,
      value: { seed: 1, durationSeconds: 60, metricResolutionSeconds: 1, arrivals: [] },
    });
  });

  it('names a missing seed and what it must be', () => {
    expect(errorsOf({ durationSeconds: 60 })).toEqual([
      '$.seed: missing; expected an integer from 0 to 4,294,967,295.',
    ]);
  });

  it('refuses an unknown field with a suggestion', () => {
    expect(errorsOf({ seed: 1, durationSeconds: 60, arival: [] })).toEqual([
      '$.arival: unknown field; allowed fields are seed, durationSeconds, metricResolutionSeconds, arrivals. Did you mean "arrivals"?',
    ]);
  });

  it('refuses a negative rate at its path', () => {
    expect(errorsOf({ seed: 1, durationSeconds: 60, arrivals: [{ ...source, ratePerSecond: -5 }] })).toEqual([
      '$.arrivals[0].ratePerSecond: -5 is not allowed; expected a number greater than 0 and at most 1,000,000.',
    ]);
  });

  it('refuses a wrong type at its path', () => {
    expect(errorsOf({ seed: '1', durationSeconds: 60 })).toEqual([
      '$.seed: "1" is a string; expected an integer from 0 to 4,294,967,295.',
    ]);
    expect(errorsOf({ seed: 1, durationSeconds: 60, arrivals: { web: source } })[0]).toMatch(
      /^\$\.arrivals: \{"web":.* is an object; expected an array of 0 to 100 items/,
    );
  });

  it('refuses unknown fields inside a source, and an unknown process', () => {
    expect(
      errorsOf({ seed: 1, durationSeconds: 60, arrivals: [{ ...source, process: 'burst', rate: 3 }] }),
    ).toEqual([
      '$.arrivals[0].rate: unknown field; allowed fields are name, process, ratePerSecond.',
      '$.arrivals[0].process: "burst" is not allowed; expected one of "poisson", "constant".',
    ]);
  });

  it('refuses two sources with the same name', () => {
    expect(errorsOf({ seed: 1, durationSeconds: 60, arrivals: [source, source] })).toEqual([
      '$.arrivals[1].name: "web" is already the name of $.arrivals[0]; each source needs its own name.',
    ]);
  });

  it('refuses arrivals that would take too long to simulate', () => {
    expect(
      errorsOf({ seed: 1, durationSeconds: 3600, arrivals: [{ ...source, ratePerSecond: 1_000_000 }] })[0],
    ).toMatch(
      /^\$\.arrivals: the sources would emit about 3,600,000,000 events over 3600 s; at most 20,000,000/,
    );
  });

  it('refuses a document that is not an object', () => {
    expect(errorsOf([1])).toEqual([
      '$: [1] is an array; expected an object with fields seed, durationSeconds, metricResolutionSeconds, arrivals.',
    ]);
  });

  it('lists every service of the full format in an unknown-field message', () => {
    const result = validateScenario({ seed: 1, durationSeconds: 60, stream: [] }, scenarioComponents);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]!.message).toMatch(
        /allowed fields are .*streams.*firehose.*producers.*consumers/,
      );
      expect(result.errors[0]!.message).toMatch(/Did you mean "streams"\?/);
    }
  });
});

describe('parseScenarioText', () => {
  it('locates a JSON syntax error by line and column', () => {
    const result = parseScenarioText('{\n  "seed": 1,\n  "durationSeconds": 60,\n}', scenarioComponents);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/^not valid JSON at line 4, column 1: /);
  });

  it('validates what it parsed', () => {
    expect(parseScenarioText('{"seed": 3, "durationSeconds": 1}', scenarioComponents).ok).toBe(true);
  });
});

describe('what a refused scenario says about the value', () => {
  it('names an infinite number as infinite, not as "null is a number"', () => {
    const parsed = parseScenarioText('{ "seed": 1e999, "durationSeconds": 10 }', scenarioComponents);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]!.message).toBe(
      'Infinity is an infinite number (too large to represent); expected an integer from 0 to 4,294,967,295.',
    );
  });

  it('lists at most 20 problems and counts the rest', () => {
    const streams = Array.from({ length: 50 }, () => ({ name: 1 }));
    const parsed = parseScenarioText(
      JSON.stringify({ seed: 1, durationSeconds: 1, streams }),
      scenarioComponents,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(parsed.errors.at(-1)!.message).toMatch(/^and \d+ more problems like these\.$/);
  });
});
