/**
 * The console's clock at speed: at 100× the 300 s hot-key run is over in 3 s of wall time, before a learner
 * can act, so built-in scenarios declare moments of interest where the clock pauses with a note; and a run
 * that has ended says how to go on.
 */
import { openStreamingSession, validateScenario } from '../../../sim/run/index.ts';
import { describe, expect, it } from 'vitest';
import { ConsoleEngine } from './console-engine.ts';
import { momentsFor, momentsOf } from './console-session.ts';
import { BUILT_IN_SCENARIOS, findBuiltIn } from './scenarios.ts';

function engine(): ConsoleEngine {
  return new ConsoleEngine({ validate: (value) => validateScenario(value), open: openStreamingSession });
}

const hotKey = findBuiltIn('hot-key')!;

describe('moments of interest', () => {
  it('stop a playing clock at the first moment, with its note, however far the slice would go', () => {
    const console = engine();
    console.start(hotKey.title, hotKey.scenario, momentsOf(hotKey));
    console.running = true;
    // One slice at 100× after a slow frame could jump far past the moment: the clock stops there anyway.
    console.advanceTo(60_000);
    expect(console.nowMs).toBe(5_000);
    expect(console.running).toBe(false);
    const clock = console.view()!.clock;
    expect(clock.moment).toEqual({ atMs: 5_000, note: hotKey.moments[0]!.note });
    expect(clock.nextMomentMs).toBe(60_000);
  });

  it('let the clock go on once played again, each moment stopping it once, and come back with a restart', () => {
    const console = engine();
    console.start(hotKey.title, hotKey.scenario, momentsOf(hotKey));
    console.running = true;
    console.advanceTo(300_000);
    console.running = true;
    console.advanceTo(20_000);
    expect(console.view()!.clock.moment).toBeNull();
    console.advanceTo(300_000);
    expect(console.nowMs).toBe(60_000);
    console.running = true;
    console.advanceTo(300_000);
    expect(console.nowMs).toBe(300_000);
    expect(console.view()!.clock).toMatchObject({ finished: true, moment: null, nextMomentMs: null });
    // A restart replays the same seed from 0, moments included.
    expect(console.restart()).toEqual([]);
    expect(console.view()!.clock).toMatchObject({ nowMs: 0, finished: false, seed: 1, nextMomentMs: 5_000 });
  });

  it('are skipped when the learner turns pausing off', () => {
    const console = engine();
    console.start(hotKey.title, hotKey.scenario, momentsOf(hotKey));
    console.pauseAtMoments = false;
    console.running = true;
    console.advanceTo(120_000);
    expect(console.nowMs).toBe(120_000);
    expect(console.view()!.clock).toMatchObject({ moment: null, nextMomentMs: null, pauseAtMoments: false });
  });

  it('belong to a built-in scenario run as it is, not to JSON the learner wrote', () => {
    expect(momentsFor(hotKey.scenario)).toEqual(momentsOf(hotKey));
    expect(momentsFor(JSON.parse(JSON.stringify(hotKey.scenario)))).toEqual([]);
  });

  it('fall inside each built-in scenario’s run, in time order', () => {
    for (const builtIn of BUILT_IN_SCENARIOS) {
      const duration = (builtIn.scenario as { durationSeconds: number }).durationSeconds;
      const times = builtIn.moments.map((m) => m.atSeconds);
      expect(times.length, builtIn.id).toBeGreaterThan(0);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      for (const at of times) expect(at > 0 && at < duration, `${builtIn.id} at ${at} s`).toBe(true);
    }
  });

  it('say what is true at that moment: the hot shard throttles at 5 s, the first Firehose object exists at 61 s', () => {
    const console = engine();
    console.start(hotKey.title, hotKey.scenario, momentsOf(hotKey));
    console.running = true;
    console.advanceTo(300_000);
    const stream = console.view()!.streams[0]!;
    const hot = stream.shards.find((s) => s.shardId === stream.keyLandings[0]!.shardId)!;
    expect(hot.writeThrottled.values.some((v) => v > 0)).toBe(true);

    const firehose = findBuiltIn('firehose')!;
    const delivery = engine();
    delivery.start(firehose.title, firehose.scenario, momentsOf(firehose));
    delivery.running = true;
    delivery.advanceTo(300_000);
    expect(delivery.nowMs).toBe(61_000);
    expect(delivery.view()!.firehose[0]!.deliveryCount).toBeGreaterThan(0);
  });
});
