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

/**
 * The folder that relative paths on the command line are relative to: where the learner typed the
 * command. `npm run cli -- run file.json` runs the CLI in the project root and says where it was typed in
 * `INIT_CWD`; only when npm did move us to the root (the working folder is the folder of `npm_package_json`)
 * is `INIT_CWD` used, so a script that changed folder on purpose keeps its own.
 */
export function invocationFolder(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const typedIn = env.INIT_CWD;
  const packageJson = env.npm_package_json;
  if (!typedIn || !packageJson) return cwd;
  const root = packageJson.replace(/[\\/]package\.json$/, '');
  return root === cwd ? typedIn : cwd;
}
