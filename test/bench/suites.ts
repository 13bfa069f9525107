import type { BenchSuite } from './bench.ts';
import { bundleSuite } from './bundle.bench.ts';
import { firehoseSuite } from './firehose.bench.ts';
import { kinesisSuite } from './kinesis.bench.ts';
import { labsSuite } from './labs.bench.ts';
import { rateSuite } from './rate.bench.ts';
import { redshiftSuite } from './redshift.bench.ts';
import { scenarioSuite } from './scenario.bench.ts';
import { schedulerSuite } from './scheduler.bench.ts';
import { snapshotSuite } from './snapshot.bench.ts';

/** Every benchmark `npm run bench` runs, in order. A later issue adds its suite here. */
export const suites: readonly BenchSuite[] = [
  schedulerSuite,
  snapshotSuite,
  scenarioSuite,
  firehoseSuite,
  kinesisSuite,
  rateSuite,
  labsSuite,
  redshiftSuite,
  bundleSuite,
];
