/**
 * The problems of one command line as a learner would paste it: what a POSIX shell makes of it, and whether
 * AWS would accept each `aws` call in it. Shared by the unit test over every command the app can build and
 * the end-to-end test over the commands a page shows.
 */
import { runInShell } from './shell-argv.ts';
import { validateAwsCall } from './validate-call.ts';

/** Programs a shown command may run: the AWS CLI, the tools that read what it downloads, and psql. */
export const PROGRAMS = ['aws', 'gunzip', 'head', 'unzip', 'java', 'psql'];

/** A word that reads as a placeholder for the learner to fill in rather than a value. */
const PLACEHOLDER = /<[^>]*>|…|\.\.\.|\bYOUR[_-]|\bREPLACE|\bTODO\b/i;

/**
 * Problems of `line`: the shell fails, writes files, runs something else, or (when `intended` is given)
 * splits it into other words than the simple commands meant; a word is a placeholder; AWS would refuse an
 * `aws` call. Empty when the line is fine.
 */
export function commandLineProblems(line: string, intended?: readonly (readonly string[])[]): string[] {
  const problems: string[] = [];
  const shell = runInShell(line, PROGRAMS);
  if (shell.status !== 0 || shell.stderr !== '') {
    problems.push(`the shell failed (${shell.status}): ${shell.stderr.trim()}`);
  }
  if (shell.createdFiles.length > 0) problems.push(`the shell wrote files: ${shell.createdFiles.join(', ')}`);
  const ran = PROGRAMS.flatMap((program) =>
    (shell.commands.get(program) ?? []).map((args) => [program, ...args]),
  );
  if (ran.length === 0) problems.push('the line runs no program');
  for (const words of ran) {
    for (const word of words)
      if (PLACEHOLDER.test(word)) problems.push(`placeholder ${JSON.stringify(word)}`);
    if (words[0] === 'aws') problems.push(...validateAwsCall(words.slice(1)).problems);
  }
  if (intended !== undefined) {
    for (const words of intended) {
      if (!PROGRAMS.includes(words[0]!))
        problems.push(`runs ${words[0]}, which is not one of ${PROGRAMS.join(', ')}`);
    }
    for (const program of PROGRAMS) {
      const got = shell.commands.get(program) ?? [];
      const meant = intended.filter((words) => words[0] === program).map((words) => words.slice(1));
      if (JSON.stringify(got) !== JSON.stringify(meant)) {
        problems.push(`the shell ran ${program} with ${JSON.stringify(got)}, meant ${JSON.stringify(meant)}`);
      }
    }
  }
  return problems;
}
