import { describe, expect, it } from 'vitest';
import { millis } from '../../../sim/core/index.ts';
import { defaultLambdaArchScenario, observeAt, timeline } from '../../../sim/lambda-arch';
import { layoutLambdaChart } from './lambda-chart';

describe('layoutLambdaChart', () => {
  const scenario = defaultLambdaArchScenario;
  const observations = timeline(scenario, millis(5_000));

  it('draws nothing before the run starts and every series once it has run', () => {
    const empty = layoutLambdaChart(observations, '/home', -1, scenario.horizon);
    expect(empty.series.every((s) => s.path === '')).toBe(true);
    const ran = layoutLambdaChart(observations, '/home', 90_000, scenario.horizon);
    expect(ran.series.map((s) => s.key)).toEqual(['truth', 'served', 'batch', 'speed']);
    expect(ran.series.every((s) => s.path.startsWith('M'))).toBe(true);
  });

  it('reports the simulation’s own values at the run’s time in the legend', () => {
    const at90 = observeAt(scenario, millis(90_000));
    const layout = layoutLambdaChart(observations, '/home', 90_000, scenario.horizon);
    const last = Object.fromEntries(layout.series.map((s) => [s.key, s.last]));
    expect(last).toEqual({
      truth: at90.truth['/home'],
      served: at90.served['/home'],
      batch: at90.batch['/home'],
      speed: at90.speed['/home'],
    });
  });

  it('places the now marker in proportion to the horizon', () => {
    const layout = layoutLambdaChart(observations, '/home', scenario.horizon / 2, scenario.horizon);
    expect(layout.nowX).toBeCloseTo((layout.plot.left + layout.plot.right) / 2, 6);
  });
});
