/**
 * A bounded, seeded fuzz of everything that reads a learner's input: scenario files, price-override files,
 * progress files (as stored and as imported), and `bdlab calc` flags. Every input must either be accepted
 * or refused with a short message that says where — never an uncaught exception (a `RangeError` from deep
 * nesting, a `TypeError` from an id like `constructor`) and never a message that echoes a whole value.
 * Deterministic: the same seed makes the same inputs, so a failure names an input that can be replayed.
 */
import { parseScenarioText } from '../../sim/run/index.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBdlab } from '../../bin/cli/capture.ts';
import { Rng } from '../../sim/core/index.ts';
import { migrateDocument } from '../../sim/persist/index.ts';
import { applyPriceOverrides, parsePriceOverridesText, PRICE_BOOKS } from '../../sim/pricing/index.ts';
import { readProgressFile } from '../../ui/labs/progress-transfer.ts';
import { inProcessSummarizer } from '../../ui/labs/progress-summary.ts';
import { findLab } from '../../labs/index.ts';

/** Longest message any rejection may have, in characters. */
const MAX_MESSAGE = 600;
/** Longest JSON path a rejection may name. */
const MAX_PATH = 160;

const folder = mkdtempSync(join(tmpdir(), 'bdlab-fuzz-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Small random JSON-ish values and texts, including the shapes that broke the app before. */
class Inputs {
  constructor(readonly rng: Rng) {}

  pick<T>(items: readonly T[]): T {
    return items[this.rng.nextInt(0, items.length - 1)]!;
  }

  chance(p: number): boolean {
    return this.rng.nextFloat() < p;
  }

  key(fields: readonly string[]): string {
    return this.pick([
      ...fields,
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      'x'.repeat(this.rng.nextInt(1, 5000)),
      'kinesis.shardHour',
      'ec2.m4.xlarge.onDemandHour',
      `${fields.length > 0 ? this.pick(fields) : 'id'}${this.pick(['s', 'x', ''])}`,
    ]);
  }

  number(): number | string {
    return this.pick<number | string>([
      0,
      -1,
      1,
      2.5,
      '1e999',
      '-1e999',
      4294967296,
      1e-320,
      123456789,
      3000,
    ]);
  }

  /** A JSON text for a value of the given depth budget, built as text so numbers like 1e999 survive. */
  text(fields: readonly string[], depth: number): string {
    const kind = this.rng.nextInt(0, depth > 0 ? 9 : 5);
    if (kind === 0)
      return JSON.stringify(this.pick(['auto', 'record', 'rate', 'clicks', '2016', '', 'é\u202e']));
    if (kind === 1) return JSON.stringify('s'.repeat(this.rng.nextInt(0, 20_000)));
    if (kind === 2) return String(this.number());
    if (kind === 3) return this.pick(['true', 'false', 'null']);
    if (kind === 4) {
      const levels = this.rng.nextInt(1, 20_000);
      return '['.repeat(levels) + ']'.repeat(levels);
    }
    if (kind === 5) return '[]';
    if (kind <= 7) {
      const count = this.rng.nextInt(0, 6);
      const members = Array.from(
        { length: count },
        () => `${JSON.stringify(this.key(fields))}:${this.text(fields, depth - 1)}`,
      );
      return `{${members.join(',')}}`;
    }
    if (this.chance(0.1)) {
      // A long array of small items (a million bad items once made a million messages).
      return `[${Array.from({ length: this.rng.nextInt(100, 3000) }, () => this.number()).join(',')}]`;
    }
    return `[${Array.from({ length: this.rng.nextInt(0, 4) }, () => this.text(fields, depth - 1)).join(',')}]`;
  }

  /** A text that is sometimes damaged: cut short, prefixed with a byte-order mark, or with junk appended. */
  damaged(text: string): string {
    const roll = this.rng.nextInt(0, 9);
    if (roll === 0) return text.slice(0, this.rng.nextInt(0, text.length));
    if (roll === 1) return `\ufeff${text}`;
    if (roll === 2) return `${text} }`;
    return text;
  }
}

function expectShortRejection(errors: readonly { path?: string; message: string }[], input: string): void {
  expect(errors.length, input.slice(0, 200)).toBeGreaterThan(0);
  expect(errors.length).toBeLessThanOrEqual(21);
  for (const error of errors) {
    expect(error.message.length, error.message.slice(0, 300)).toBeLessThanOrEqual(MAX_MESSAGE);
    expect(error.path, error.message.slice(0, 300)).toMatch(/^\$/);
    expect(error.path!.length).toBeLessThanOrEqual(MAX_PATH);
  }
}

const SCENARIO_FIELDS = [
  'seed',
  'durationSeconds',
  'metricResolutionSeconds',
  'streams',
  'producers',
  'level',
  'era',
  'kinesis',
  'firehose',
  'name',
  'shards',
  'stream',
  'recordsPerSecond',
  'recordBytes',
  'partitionKeys',
  'strategy',
  'shardLimit',
];

describe('bad-input fuzz (seeded, bounded)', () => {
  it('scenario files: accepted or refused with short messages and their paths', () => {
    const inputs = new Inputs(Rng.fromSeed(9_001));
    for (let round = 0; round < 400; round++) {
      const text = inputs.damaged(inputs.text(SCENARIO_FIELDS, 4));
      const parsed = parseScenarioText(text);
      if (!parsed.ok) expectShortRejection(parsed.errors, text);
    }
  });

  it('price-override files: accepted and applied, or refused with short messages and their paths', () => {
    const inputs = new Inputs(Rng.fromSeed(9_002));
    for (let round = 0; round < 400; round++) {
      const prices = Array.from(
        { length: inputs.chance(0.05) ? 300 : inputs.pick([0, 1, 2, 5]) },
        () => `${JSON.stringify(inputs.key(['kinesis.shardHour', 's3.put']))}:${inputs.text([], 1)}`,
      );
      const top = inputs.chance(0.7)
        ? `{"basedOn":${inputs.text([], 0)},"prices":{${prices.join(',')}}}`
        : inputs.text(['basedOn', 'prices'], 3);
      const text = inputs.damaged(top);
      const outcome = parsePriceOverridesText(text);
      if (outcome.ok) applyPriceOverrides(PRICE_BOOKS[outcome.value.basedOn], outcome.value.prices);
      else expectShortRejection(outcome.errors, text);
    }
  });

  it('progress files: what validates loads, and what is refused says why briefly', async () => {
    const inputs = new Inputs(Rng.fromSeed(9_003));
    const fields = ['schemaVersion', 'settings', 'progress', 'labs', 'priceBook', 'theme', 'priceOverrides'];
    for (let round = 0; round < 300; round++) {
      const settings = `{"priceBook":"2016","theme":"dark","priceOverrides":{${JSON.stringify(inputs.key(['kinesis.shardHour']))}:${inputs.number()}}}`;
      const text = inputs.damaged(
        inputs.chance(0.5)
          ? `{"schemaVersion":${inputs.pick(['1', '0', '2', '"1"', '1e999'])},"settings":${settings},"progress":{"labs":${inputs.text(fields, 3)}}}`
          : inputs.text(fields, 4),
      );
      const imported = await readProgressFile('progress.json', text, {}, inProcessSummarizer(findLab));
      if (!imported.ok)
        expect(imported.error.length, imported.error.slice(0, 300)).toBeLessThanOrEqual(MAX_MESSAGE);
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        continue;
      }
      const migrated = migrateDocument(raw);
      if (migrated.ok) {
        const { priceBook, priceOverrides } = migrated.value.settings;
        applyPriceOverrides(PRICE_BOOKS[priceBook], priceOverrides);
      } else {
        expectShortRejection(migrated.error.issues.slice(0, 20), text);
        expect(migrated.error.message.length).toBeLessThanOrEqual(MAX_MESSAGE);
      }
    }
  });

  it('bdlab calc flags: exit 0, 1 or 2 with short one-line errors, never an exception', async () => {
    const inputs = new Inputs(Rng.fromSeed(9_004));
    const priceFile = join(folder, 'prices.json');
    const flags = [
      '--records-per-second',
      '--record-bytes',
      '--consumers',
      '--retention-hours',
      '--prices',
      '--json',
      '--nope',
    ];
    const values = [
      '_',
      '0x10',
      '1e999',
      '-1',
      '0',
      '1_000',
      '21,600',
      '3000',
      '9'.repeat(5000),
      '',
      '2016',
      priceFile,
      '--json',
    ];
    for (let round = 0; round < 120; round++) {
      if (round % 10 === 0) writeFileSync(priceFile, inputs.damaged(inputs.text(['basedOn', 'prices'], 3)));
      const args = ['calc', inputs.pick(['kinesis', 'firehose', 's3', 'nope'])];
      for (let k = inputs.rng.nextInt(0, 6); k > 0; k--) {
        args.push(inputs.pick(flags));
        if (inputs.chance(0.8)) args.push(inputs.pick(values));
      }
      const { code, stderr } = await runBdlab(...args);
      expect([0, 1, 2], args.join(' ').slice(0, 200)).toContain(code);
      for (const line of stderr.split('\n'))
        expect(line.length, line.slice(0, 300)).toBeLessThanOrEqual(MAX_MESSAGE);
    }
  });
});
