#!/usr/bin/env node
// Launcher for the `bdlab` command: runs the TypeScript CLI through tsx, so the CLI needs no build step.
import { register } from 'tsx/esm/api';

register();
const { invocationFolder } = await import('./cli/io.ts');
// `npm run cli` starts in the project root; file arguments are relative to where the learner typed it.
process.chdir(invocationFolder(process.env, process.cwd()));
const { main } = await import('./cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
