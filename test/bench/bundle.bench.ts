import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { formatNumber, type BenchRow, type BenchSuite } from './bench.ts';
import { AGENDA_INITIAL_JS_BUDGET_GZIP_BYTES, measureBuild } from './bundle-size.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const kB = (bytes: number): string => formatNumber(bytes / 1000, 1);

/**
 * Builds the web app into a scratch folder and reports what a browser downloads: the first screen's
 * JavaScript (the agenda: entry script and preloaded chunks) against its budget, and all JavaScript. The
 * time to an interactive agenda needs a browser: the end-to-end run prints it (test/e2e/first-load.spec.ts).
 */
export const bundleSuite: BenchSuite = {
  name: 'Web build',
  run(): BenchRow[] {
    const outDir = `${root}.tmp/bench-web`;
    const build = spawnSync(
      'npx',
      ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (build.status !== 0) throw new Error(`vite build exited with ${String(build.status)}`);
    const figures = measureBuild(outDir);
    return [
      {
        measure: `agenda's initial JavaScript, gzipped (${figures.initial.files.length} files)`,
        value: kB(figures.initial.gzipBytes),
        unit: 'kB',
        target: {
          text: `≤ ${kB(AGENDA_INITIAL_JS_BUDGET_GZIP_BYTES)} kB`,
          met: figures.initial.gzipBytes <= AGENDA_INITIAL_JS_BUDGET_GZIP_BYTES,
        },
      },
      { measure: "agenda's initial JavaScript, raw", value: kB(figures.initial.rawBytes), unit: 'kB' },
      { measure: 'entry script, raw', value: kB(figures.entry.rawBytes), unit: 'kB' },
      { measure: 'entry script, gzipped', value: kB(figures.entry.gzipBytes), unit: 'kB' },
      {
        measure: `all JavaScript, raw (${figures.allJs.files.length} files, worker included)`,
        value: kB(figures.allJs.rawBytes),
        unit: 'kB',
      },
      { measure: 'all JavaScript, gzipped', value: kB(figures.allJs.gzipBytes), unit: 'kB' },
      {
        measure: `largest chunk, raw (${figures.largest.file})`,
        value: kB(figures.largest.rawBytes),
        unit: 'kB',
      },
    ];
  },
};
