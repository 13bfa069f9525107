/** Where a CLI command writes; injected so tests can capture output without spawning a process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes of the `bdlab` command. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
} as const;

/** An error in the command line itself: shown as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
