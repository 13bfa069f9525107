import { describe, expect, it } from 'vitest';
import { millis } from '../core/index.ts';
import {
  batchConvergenceTime,
  createLambdaArch,
  defaultLambdaArchScenario as scenario,
  generateDeliveries,
  observe,
  observeAt,
  runLambdaArch,
  servedConvergenceTime,
  timeline,
} from './index.ts';

describe('Lambda architecture simulation', () => {
  it('generates the same stream for the same seed and another for another seed', () => {
    expect(generateDeliveries(scenario)).toEqual(generateDeliveries(scenario));
    expect(generateDeliveries({ ...scenario, seed: 7 })).not.toEqual(generateDeliveries(scenario));
  });

  it('delivers some views late and some twice, in arrival order', () => {
    const deliveries = generateDeliveries(scenario);
    expect(deliveries.some((d) => d.late && d.arrivesAt > d.view.eventTime)).toBe(true);
    const duplicates = deliveries.filter((d) => d.duplicate);
    expect(duplicates.length).toBeGreaterThan(0);
    for (const dup of duplicates)
      expect(deliveries.some((d) => !d.duplicate && d.view.id === dup.view.id)).toBe(true);
    for (let i = 1; i < deliveries.length; i++) {
      expect(deliveries[i]!.arrivesAt).toBeGreaterThanOrEqual(deliveries[i - 1]!.arrivesAt);
    }
  });

  it('keeps the master log append-only: a later state extends an earlier one', () => {
    const at60 = runLambdaArch(createLambdaArch(scenario), millis(60_000));
    const at90 = runLambdaArch(at60, millis(90_000));
    expect(at90.logLength).toBeGreaterThan(at60.logLength);
    expect(at90.deliveries.slice(0, at60.logLength)).toEqual(at60.deliveries.slice(0, at60.logLength));
  });

  it('has no batch view before the first run publishes', () => {
    const view = observeAt(scenario, millis(scenario.batchInterval + scenario.batchDuration - 1));
    expect(view.batchPublishedAt).toBeNull();
    expect(view.batchRunningSince).toBe(scenario.batchInterval);
    expect(view.served).toEqual(view.speed);
  });

  it('publishes exact, deduplicated counts of what arrived before the run started', () => {
    const view = observeAt(scenario, millis(90_000));
    const covered = generateDeliveries(scenario).filter((d) => d.arrivesAt < 60_000 && !d.duplicate);
    expect(view.batchCoversUntil).toBe(60_000);
    expect(view.batchPublishedAt).toBe(75_000);
    expect(view.batch['/home']).toBe(covered.filter((d) => d.view.page === '/home').length);
  });

  it('serves batch + speed, where the speed layer counts every delivery since the batch cut-off', () => {
    const view = observeAt(scenario, millis(90_000));
    const recent = generateDeliveries(scenario).filter((d) => d.arrivesAt >= 60_000 && d.arrivesAt <= 90_000);
    expect(view.speed['/home']).toBe(recent.filter((d) => d.view.page === '/home').length);
    expect(view.served['/home']).toBe(view.batch['/home'] + view.speed['/home']);
  });

  it('converges: once a batch covers every delivery the served count is the true count', () => {
    const at = batchConvergenceTime(scenario, '/home');
    expect(at).not.toBeNull();
    const view = observeAt(scenario, at!);
    expect(view.batch['/home']).toBe(view.truth['/home']);
    expect(view.served['/home']).toBe(view.truth['/home']);
    const before = observeAt(scenario, millis(at! - 1));
    expect(before.batch['/home']).not.toBe(view.truth['/home']);
    const served = servedConvergenceTime(scenario, '/home');
    expect(served).not.toBeNull();
    expect(served!).toBeLessThanOrEqual(at!);
  });

  it('gives the same observation whether run in one go or in steps', () => {
    let state = createLambdaArch(scenario);
    for (const t of [10_000, 61_000, 75_000, 130_000]) state = runLambdaArch(state, millis(t));
    expect(observe(state)).toEqual(observeAt(scenario, millis(130_000)));
    expect(timeline(scenario, millis(30_000)).map((o) => o.now)).toEqual([
      0, 30_000, 60_000, 90_000, 120_000, 150_000, 180_000, 210_000, 240_000,
    ]);
  });

  it('survives a JSON round trip of its state and continues identically', () => {
    const state = runLambdaArch(createLambdaArch(scenario), millis(70_000));
    const copy = JSON.parse(JSON.stringify(state));
    expect(observe(runLambdaArch(copy, millis(200_000)))).toEqual(
      observe(runLambdaArch(state, millis(200_000))),
    );
  });
});
