import { describe, expect, it } from 'vitest';
import { createState, seconds } from '../core/index.ts';
import { s3Component } from './component.ts';

const scenario = { seed: 1, durationSeconds: seconds(1), metricResolutionSeconds: seconds(1) };

describe('the s3 scenario component', () => {
  it('owns the s3 field: refuses a bad bucket name with its path', () => {
    const issues = s3Component.checkScenario?.({ buckets: ['ok-bucket', 'a..b'] }, scenario) ?? [];
    expect(issues.map((i) => i.path)).toEqual(['$.s3.buckets[1]']);
  });

  it('creates the listed buckets at time 0 and reports their objects and requests', () => {
    const config = { buckets: ['logs', 'logs', 'archive'] };
    const services = { s3: s3Component.initialState(config, scenario) };
    const state = createState({ seed: 1, services });
    s3Component.start(state, config, scenario);
    expect(s3Component.report(state, config, scenario)).toEqual({
      buckets: [
        { name: 'logs', objects: 0, bytes: 0 },
        { name: 'archive', objects: 0, bytes: 0 },
      ],
      // Each CreateBucket is billed as a PUT request; the listed duplicate is created once.
      requests: { putCopyPostList: 2, get: 0 },
    });
  });
});
