import { ExitCode, UsageError, type CliIo } from './io.ts';

/** A `bdlab` subcommand: parses its own arguments and returns an exit code. */
export type Command = (args: string[], io: CliIo) => Promise<number>;

const USAGE = `Usage: bdlab <command> [options]

Commands:
  calc <kinesis|firehose|s3|emr|redshift|ml|pipeline|prices>
                                               size and price a service, or list every price with its source
  run SCENARIO.json [--json]                   run a scenario file on the virtual clock (see bdlab run --help)
  lab <list|validate> [--json]                 list the day's labs, or check every lab definition (see bdlab lab --help)
  sql SCRIPT.sql [--s3 BUCKET=DIR]… [--role ARN]… [--json]
                                               run SQL on a simulated Redshift cluster, like psql (see bdlab sql --help)
`;

/** Subcommands, loaded on demand; each lives in its own file beside this one. */
const commands: Record<string, () => Promise<Command>> = {
  run: () => import('./run.ts').then((m) => m.run),
  lab: () => import('./lab.ts').then((m) => m.lab),
  calc: () => import('./calc.ts').then((m) => m.calc),
  sql: () => import('./sql.ts').then((m) => m.sql),
};

/** Entry point of the CLI: returns the process exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`bdlab: unknown command '${name}'. Allowed: ${Object.keys(commands).join(', ')}.\n`);
    return ExitCode.usage;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`bdlab ${name}: ${error.message}\n`);
      return ExitCode.usage;
    }
    throw error;
  }
}
