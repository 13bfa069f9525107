import { parseScenarioText, runScenario } from '../../sim/run/index.ts';
import { readFile } from 'node:fs/promises';
import { formatNumber } from '../../sim/core/index.ts';
import { SimException } from '../../sim/core/index.ts';
import type { ArrivalsReport } from '../../sim/scenario/index.ts';
import type { JsonValue } from '../../sim/scenario/index.ts';
import { type ScenarioReport } from '../../sim/scenario/index.ts';
import { ExitCode, UsageError, type CliIo } from './io.ts';
import { producerErrors, streamingPrinters } from './run-streaming.ts';

const HELP = `Usage: bdlab run SCENARIO.json [--json]

Runs a scenario file on the virtual clock and prints what happened.
The same file and seed always give the same report, byte for byte.

Options:
  --json    print only the report as JSON (fields: format, version, seed, durationSeconds,
            metricResolutionSeconds, eventsProcessed, pendingEvents, finalClockMillis,
            services, metrics, digest; services holds one section per scenario field:
            level, streams[].shards[], producers.totals, firehose[].deliveries[], actions, cost…)
  --help    show this text

Scenario file (a Kinesis stream and a producer; see the README for every field):
  { "seed": 1, "durationSeconds": 60,
    "streams": [ { "name": "clicks", "shards": 2 } ],
    "producers": [ { "stream": "clicks", "recordsPerSecond": 3000, "recordBytes": 500,
                     "partitionKeys": { "strategy": "random" } } ] }

Exit code 1 when the file is invalid, or when a producer's requests were refused (such as a record over
the 1 MiB limit): the AWS error is printed on stderr and kept in the report.
`;

/** Human summary lines for each report section the CLI knows; a later service adds its own printer. */
const sectionPrinters: Record<string, (section: JsonValue) => string[]> = {
  ...streamingPrinters,
  arrivals(section) {
    const sources = (section as ArrivalsReport).sources;
    if (sources.length === 0) return [];
    const rows = sources.map((s) => [
      s.name,
      s.process,
      `${formatNumber(s.ratePerSecond)}/s`,
      formatNumber(s.events),
    ]);
    const widths = [0, 1, 2, 3].map((column) =>
      rows.reduce((widest, row) => Math.max(widest, row[column]!.length), 0),
    );
    return [
      'Arrival sources:',
      ...rows.map(
        ([name, process, rate, events], index) =>
          `  ${name!.padEnd(widths[0]!)}  ${process!.padEnd(widths[1]!)}  ${rate!.padStart(widths[2]!)}  ` +
          `${events!.padStart(widths[3]!)} events (expected ${formatNumber(sources[index]!.expectedEvents)})`,
      ),
    ];
  },
};

function summary(file: string, report: ScenarioReport): string {
  const lines = [
    `Scenario ${file}: seed ${report.seed}, ${formatNumber(report.durationSeconds)} s simulated`,
    `Events processed: ${formatNumber(report.eventsProcessed)} (${formatNumber(report.pendingEvents)} still scheduled after the end)`,
    `Final clock: ${formatNumber(report.finalClockMillis)} ms`,
  ];
  for (const [field, section] of Object.entries(report.services)) {
    lines.push(...(sectionPrinters[field]?.(section) ?? []));
  }
  lines.push(
    `Metrics: ${report.metrics.length} series at ${formatNumber(report.metricResolutionSeconds)} s resolution`,
    `Digest: ${report.digest}`,
    'Run with --json for the full report.',
  );
  return `${lines.join('\n')}\n`;
}

function parseArgs(args: readonly string[]): { file: string; json: boolean } | 'help' {
  let file: string | undefined;
  let json = false;
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') json = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'. Allowed: --json, --help.`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`one scenario file at a time (got '${file}' and '${arg}').`);
  }
  if (file === undefined)
    throw new UsageError('missing the scenario file: bdlab run SCENARIO.json [--json].');
  return { file, json };
}

async function readText(file: string): Promise<string | Error> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    return new Error(`cannot read '${file}': ${reason}.`);
  }
}

/** `bdlab run SCENARIO.json [--json]`: validates and runs a scenario file. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP);
    return ExitCode.ok;
  }
  const text = await readText(parsed.file);
  if (text instanceof Error) {
    io.stderr(`bdlab run: ${text.message}\n`);
    return ExitCode.failure;
  }
  const scenario = parseScenarioText(text);
  if (!scenario.ok) {
    for (const error of scenario.errors)
      io.stderr(`bdlab run: ${parsed.file}: ${error.path}: ${error.message}\n`);
    return ExitCode.failure;
  }
  let report: ScenarioReport;
  try {
    report = runScenario(scenario.value);
  } catch (error) {
    if (!(error instanceof SimException)) throw error;
    io.stderr(`bdlab run: ${parsed.file}: ${error.code}: ${error.message}\n`);
    return ExitCode.failure;
  }
  io.stdout(parsed.json ? `${JSON.stringify(report, null, 2)}\n` : summary(parsed.file, report));
  const refused = producerErrors(report);
  for (const line of refused) io.stderr(`bdlab run: ${parsed.file}: ${line}\n`);
  return refused.length > 0 ? ExitCode.failure : ExitCode.ok;
}
