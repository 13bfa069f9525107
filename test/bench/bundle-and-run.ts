/**
 * `npm run bench`: bundles the benchmark with esbuild, as the app's own build bundles the simulation for its
 * worker, then runs the bundle in a fresh Node process. Running the TypeScript through tsx instead measured
 * tsx's on-the-fly transform as much as the simulation: the same suites took about twice the CPU time.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outdir = `${root}.tmp/bench`;

await build({
  // The suites, and the processes whose memory is measured alone (the rate level, Redshift's engine).
  entryPoints: [
    `${root}test/bench/run.ts`,
    `${root}test/bench/rate-process.ts`,
    `${root}test/bench/redshift-process.ts`,
  ],
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // Native SQLite is a compiled addon, and sql.js finds its own files: both load from node_modules.
  external: ['better-sqlite3', 'sql.js'],
  // js-md5 is CommonJS and requires Node's crypto when it finds itself in Node; an ES module has no require.
  banner: {
    js: "import { createRequire as bdlabCreateRequire } from 'node:module'; const require = bdlabCreateRequire(import.meta.url);",
  },
});

const run = spawnSync(process.execPath, [`${outdir}/run.mjs`], { cwd: root, stdio: 'inherit' });
process.exitCode = run.status ?? 1;
