import type {
  AnyConsumerKind,
  ConsumerConfigBase,
  ConsumerContext,
  ConsumerStateBase,
  ConsumerTimer,
} from '../consumers/index.ts';
import { MetricStore, seconds } from '../core/index.ts';
import { Rng } from '../core/index.ts';
import { DEFAULT_METRIC_OPTIONS } from '../core/index.ts';
import { millis } from '../core/index.ts';
import type { KinesisState } from '../kinesis/index.ts';
import type { CoreScenario } from '../scenario/index.ts';

/**
 * Runs one consumer kind on its own timers, the way the consumers component does (a timer queue on the
 * virtual clock, ties in the order set), with `beforeSecond(t)` called at every whole second so a test can
 * put records. For the kinds' own tests; the simulation uses the consumers component.
 */
export function runKind(
  kind: AnyConsumerKind,
  entry: unknown,
  kinesis: KinesisState,
  runSeconds: number,
  beforeSecond: (t: number) => void = () => {},
): { state: ConsumerStateBase; config: ConsumerConfigBase; now: number; metrics: MetricStore } {
  const scenario: CoreScenario = {
    seed: 1,
    durationSeconds: seconds(runSeconds),
    metricResolutionSeconds: seconds(1),
  };
  const issues: { path: string; message: string }[] = [];
  const config = kind.schema.check(entry, '$.consumers[0]', issues);
  if (config === undefined) throw new Error(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const state = kind.initialState(config, scenario);
  const metrics = new MetricStore(DEFAULT_METRIC_OPTIONS);
  const queue: { at: number; order: number; timer: ConsumerTimer }[] = [];
  let order = 0;
  let now = 0;
  const ctx = (): ConsumerContext<ConsumerConfigBase, ConsumerStateBase> => ({
    now: millis(now),
    rng: Rng.fromSeed(1),
    metrics,
    kinesis,
    config,
    state,
    setTimer(at, timer) {
      if (at < now) throw new Error(`timer set in the past: ${at} < ${now}`);
      queue.push({ at, order: order++, timer });
    },
  });
  beforeSecond(0);
  kind.start(ctx());
  const end = runSeconds * 1000;
  for (let second = 0; second <= end; second += 1000) {
    if (second > 0) {
      now = second;
      beforeSecond(second);
    }
    for (;;) {
      queue.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = queue[0];
      if (next === undefined || next.at >= Math.min(second + 1000, end + 1)) break;
      queue.shift();
      now = next.at;
      kind.onTimer(ctx(), next.timer);
    }
  }
  now = end;
  return { state, config, now, metrics };
}
