/**
 * Runs a command line through a real POSIX shell (`/bin/sh`) and records what each program would have been
 * started with, instead of starting it: every program the line may use is a shell function that writes its
 * arguments, NUL-separated, to a file. PATH is an empty folder, so anything else the line would run
 * (a command substitution, a word read as a program) fails with "not found" on standard error; the folder
 * the line runs in holds a few files, so an unquoted `*` or `?` would expand to them; `set -u` makes an
 * unset variable an error; a `<` or `>` read as a redirection opens or creates a file (reported).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the shell did with a line. */
export interface ShellRun {
  /** The argument vector of each program run, by program, in the order each program ran. */
  readonly commands: ReadonlyMap<string, (readonly string[])[]>;
  /** Files the line created or changed by redirection in its folder. */
  readonly createdFiles: readonly string[];
  readonly stderr: string;
  readonly status: number | null;
}

const PROBES = ['x', 'probe-file', 'lib/probe.jar'];

/** Runs `line` with `programs` recorded; nothing is executed but the shell's own builtins. */
export function runInShell(line: string, programs: readonly string[]): ShellRun {
  const dir = mkdtempSync(join(tmpdir(), 'bdlab-shell-'));
  try {
    const work = join(dir, 'work');
    const out = join(dir, 'out');
    const emptyPath = join(dir, 'bin');
    for (const folder of [work, join(work, 'lib'), out, emptyPath]) mkdirSync(folder, { recursive: true });
    for (const probe of PROBES) writeFileSync(join(work, probe), '');
    const functions = programs
      .map((program) => `${program}() { printf '%s\\0' "$#" "$@" >> '${out}/${program}'; return 0; }`)
      .join('\n');
    const result = spawnSync('/bin/sh', ['-c', `set -u\n${functions}\n${line}\n`], {
      cwd: work,
      env: { PATH: emptyPath, HOME: dir, LANG: 'C.UTF-8' },
      encoding: 'utf8',
      timeout: 10_000,
    });
    const commands = new Map<string, (readonly string[])[]>();
    for (const program of readdirSync(out)) {
      const words = readFileSync(join(out, program), 'utf8').split('\0');
      const calls: string[][] = [];
      for (let i = 0; i < words.length - 1;) {
        const count = Number(words[i]);
        calls.push(words.slice(i + 1, i + 1 + count));
        i += 1 + count;
      }
      commands.set(program, calls);
    }
    const createdFiles = readdirSync(work, { recursive: true, encoding: 'utf8' }).filter(
      (name) => name !== 'lib' && !PROBES.includes(name),
    );
    return { commands, createdFiles, stderr: result.stderr, status: result.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
