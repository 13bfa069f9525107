import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { agenda } from '../../labs/agenda.ts';
import { validateRegistry, type RegistryEntry } from '../../labs/engine/validate-registry.ts';
import type { AnyLabDefinition } from '../../labs/engine/types.ts';
import { registeredLabs } from '../../labs/index.ts';
import { sqlJsPort } from '../../labs/kit/sql-js-port.ts';
import { ExitCode, UsageError, type CliIo } from './io.ts';
import type { Command } from './main.ts';
import { loadSqlJs } from './sql-engine.ts';

const HELP = `Usage: bdlab lab <list|validate> [--json]

  list        the day's labs per session, each available or not yet (--json for the list alone:
              sessions[].{session, startsAt, title, labs[].{id, title, available, folder,
              estimatedMinutes, steps}})
  validate    check every lab definition: unique ids that match labs/agenda.ts, folders named NN-id,
              every step with tasks, hints and a solution, every step unsolved at its start and
              solved by its solution, the flow reaching "completed", and the markdown sections.
              Exits 1 and prints one line per problem when anything is wrong.
`;

/** A lab's markdown from disk, or the error that prevented reading it. */
function readMarkdown(lab: AnyLabDefinition): string | Error {
  try {
    return readFileSync(fileURLToPath(lab.text), 'utf8');
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function list(entries: readonly RegistryEntry[], json: boolean, io: CliIo): number {
  const sessions = agenda.flatMap((item) =>
    item.kind === 'session'
      ? [
          {
            session: item.session,
            startsAt: item.startsAt,
            title: item.title,
            labs: item.labs.map((planned) => {
              const entry = entries.find((e) => e.lab.id === planned.id);
              return entry
                ? {
                    id: planned.id,
                    title: entry.lab.title,
                    available: true,
                    folder: entry.folder,
                    estimatedMinutes: entry.lab.estimatedMinutes,
                    steps: entry.lab.steps.length,
                  }
                : { id: planned.id, title: planned.title, available: false };
            }),
          },
        ]
      : [],
  );
  if (json) {
    io.stdout(`${JSON.stringify({ sessions }, null, 2)}\n`);
    return ExitCode.ok;
  }
  const idWidth = Math.max(...sessions.flatMap((s) => s.labs.map((l) => l.id.length)));
  const lines: string[] = [];
  for (const session of sessions) {
    lines.push(`Session ${session.session} · ${session.startsAt} ${session.title}`);
    for (const lab of session.labs) {
      const status = lab.available ? `${lab.estimatedMinutes} min, ${lab.steps} steps` : 'not available yet';
      lines.push(`  ${lab.available ? '✓' : '·'} ${lab.id.padEnd(idWidth)}  ${lab.title} — ${status}`);
    }
  }
  const available = sessions.flatMap((s) => s.labs).filter((l) => l.available).length;
  const planned = sessions.flatMap((s) => s.labs).length;
  lines.push(`${available} of ${planned} planned labs available.`);
  io.stdout(`${lines.join('\n')}\n`);
  return ExitCode.ok;
}

function validate(entries: readonly RegistryEntry[], io: CliIo): number {
  const problems = validateRegistry(entries, agenda, readMarkdown);
  for (const { folder, lab } of entries) {
    const own = problems.filter((p) => p.folder === folder);
    if (own.length === 0) io.stdout(`✓ ${folder}: ${lab.steps.length} steps, every solution passes\n`);
    for (const problem of own) io.stderr(`✗ ${folder}: ${problem.message}\n`);
  }
  if (problems.length > 0) {
    const labs = new Set(problems.map((p) => p.folder)).size;
    io.stderr(
      `bdlab lab validate: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${labs} lab${labs === 1 ? '' : 's'}; fix them and run it again.\n`,
    );
    return ExitCode.failure;
  }
  io.stdout(`All ${entries.length} labs are valid.\n`);
  return ExitCode.ok;
}

/** `bdlab lab` over a given registry (tests hand it a broken one). */
export function labCommand(entries: readonly RegistryEntry[]): Command {
  return async (args, io) => {
    const [subcommand, ...rest] = args;
    if (subcommand === undefined || subcommand === '--help' || subcommand === '-h') {
      io.stdout(HELP);
      return subcommand === undefined ? ExitCode.usage : ExitCode.ok;
    }
    const unknown = rest.find((arg) => arg !== '--json');
    if (unknown !== undefined) throw new UsageError(`unknown option '${unknown}'. Allowed: --json.`);
    if (subcommand === 'list') return list(entries, rest.includes('--json'), io);
    if (subcommand === 'validate') {
      if (rest.includes('--json'))
        throw new UsageError(`'validate' takes no options; use 'bdlab lab validate'.`);
      // Validating replays every solution, and the SQL labs derive on sql.js.
      sqlJsPort.provide(loadSqlJs);
      await sqlJsPort.prepare();
      return validate(entries, io);
    }
    throw new UsageError(`unknown subcommand '${subcommand}'. Allowed: list, validate.`);
  };
}

/** `bdlab lab list|validate` over the registered labs. */
export const lab: Command = labCommand(registeredLabs);
