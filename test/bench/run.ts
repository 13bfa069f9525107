import type { BenchRow } from './bench.ts';
import { suites } from './suites.ts';

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

const rows: string[][] = [];
let failed = false;
console.log(`bdlab bench: Node ${process.version}, ${process.platform}/${process.arch}\n`);
for (const suite of suites) {
  process.stderr.write(`running ${suite.name}…\n`);
  for (const row of await suite.run()) {
    rows.push([`${suite.name}: ${row.measure}`, row.value, row.unit, verdict(row)]);
    if (row.target && !row.target.met) failed = true;
  }
}
console.log(table(['measure', 'value', 'unit', 'target'], rows));
if (failed) {
  console.log('\nAt least one target was missed (FAIL above).');
  process.exitCode = 1;
}
