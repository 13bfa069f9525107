import type { CliIo } from './io.ts';

/** What one in-process CLI run printed, and its exit code. */
export interface CapturedRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A `CliIo` that keeps what is written, for running commands in-process (tests). */
export function captureIo(): { io: CliIo; out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
    out: () => stdout,
    err: () => stderr,
  };
}

/** Runs `bdlab ARGV…` in-process through `main` and returns its output. */
export async function runBdlab(...argv: string[]): Promise<CapturedRun> {
  const { main } = await import('./main.ts');
  const { io, out, err } = captureIo();
  const code = await main(argv, io);
  return { code, stdout: out(), stderr: err() };
}
