import { readFile } from 'node:fs/promises';
import { ExitCode, type CliIo } from './io.ts';
import { parseSqlArgs } from './sql-args.ts';
import { runScript } from './sql-engine.ts';
import { errorText, statementReport, statementText, type SqlReport } from './sql-print.ts';
import { openSqlSession } from './sql-session.ts';

const HELP = `Usage: bdlab sql SCRIPT.sql [--s3 BUCKET=DIR]… [--role ARN]… [--node-type TYPE] [--nodes N]
                 [--era 2016|current] [--json]

Runs the script's statements in order on a fresh simulated Redshift cluster, like psql: a failed statement
does not stop the rest. Default: the workshop's cluster, one dc1.large node (2016).

Options:
  --s3 BUCKET=DIR    put every file under DIR into the simulated bucket BUCKET (key = its path relative
                     to DIR, bytes as they are: .gz files stay gzip); repeat for more buckets
  --role ARN         create this IAM role (it trusts redshift.amazonaws.com and may list and get the
                     mounted buckets) and associate it with the cluster, for COPY … IAM_ROLE 'ARN'
  --node-type TYPE   node type of the era (2016: dc1.large, dc1.8xlarge, ds2.xlarge, ds2.8xlarge;
                     current: dc2.large, dc2.8xlarge, ra3.xlplus, ra3.4xlarge, ra3.16xlarge)
  --nodes N          compute nodes (1 = single-node; 2 or more = multi-node with a leader node)
  --era 2016|current which AWS: the workshop's (default) or today's
  --json             print { cluster: { nodeType, nodes, slices }, statements: [ { index, sql, status,
                     error, columns, rows, rowCount, rowsLoaded, loadErrors, explain, modelledMillis } ] }
  --help             show this text

GETDATE() reads the simulation clock: the era's start time plus the cluster's modelled creation.
Exit code 1 when any statement failed, 2 when the command line is wrong.
`;

/** `bdlab sql SCRIPT.sql …`: runs a SQL script on a simulated cluster. */
export async function sql(args: string[], io: CliIo): Promise<number> {
  const parsed = parseSqlArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP);
    return ExitCode.ok;
  }
  let text: string;
  try {
    text = await readFile(parsed.script, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    io.stderr(`bdlab sql: cannot read '${parsed.script}': ${reason}.\n`);
    return ExitCode.failure;
  }
  const session = openSqlSession(parsed);
  const results = await runScript(session, text);
  const failed = results.some((r) => r.status === 'error');
  if (parsed.json) {
    const report: SqlReport = {
      cluster: {
        nodeType: session.shape.nodeType,
        nodes: session.shape.nodes,
        slices: session.shape.nodes * session.shape.slicesPerNode,
      },
      statements: results.map(statementReport),
    };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    for (const result of results) {
      if (result.status === 'ok') io.stdout(`${statementText(result)}\n\n`);
      else io.stderr(`${errorText(parsed.script, result)}\n`);
    }
  }
  return failed ? ExitCode.failure : ExitCode.ok;
}
