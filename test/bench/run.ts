import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SIMULATION_JS_FLAGS } from '../../electron/app/v8-flags.ts';
import type { BenchRow } from './bench.ts';
import { suites } from './suites.ts';

/**
 * The benchmark runner. Without arguments it runs each suite in a fresh Node process (`--suite N`), so no
 * suite measures the heap an earlier one left behind (the snapshot suite ends with a quarter-gigabyte
 * heap, which slowed the garbage collection of the next suite's million records), then prints one table.
 * The processes get the V8 flags the desktop app gives its renderer (electron/app/v8-flags.ts).
 */

/** Pads the columns of a text table. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function verdict(row: BenchRow): string {
  if (!row.target) return '';
  return `${row.target.text}  ${row.target.met ? 'PASS' : 'FAIL'}`;
}

/** Runs suite `index` in a fresh process of this same script and reads the rows it prints as JSON. */
function runInOwnProcess(index: number): BenchRow[] {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [...SIMULATION_JS_FLAGS, self, '--suite', String(index)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`${suites[index]!.name} exited with ${String(child.status)}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as BenchRow[];
}

const suiteArgument = process.argv.indexOf('--suite');
if (suiteArgument >= 0) {
  const suite = suites[Number(process.argv[suiteArgument + 1])]!;
  console.log(JSON.stringify(await suite.run()));
} else {
  const rows: string[][] = [];
  let failed = false;
  console.log(
    `bdlab bench: Node ${process.version}, ${process.platform}/${process.arch}, each suite in its own process, V8 flags ${SIMULATION_JS_FLAGS.join(' ')}\n`,
  );
  for (const [index, suite] of suites.entries()) {
    process.stderr.write(`running ${suite.name}…\n`);
    for (const row of runInOwnProcess(index)) {
      rows.push([`${suite.name}: ${row.measure}`, row.value, row.unit, verdict(row)]);
      if (row.target && !row.target.met) failed = true;
    }
  }
  console.log(table(['measure', 'value', 'unit', 'target'], rows));
  if (failed) {
    console.log('\nAt least one target was missed (FAIL above).');
    process.exitCode = 1;
  }
}
