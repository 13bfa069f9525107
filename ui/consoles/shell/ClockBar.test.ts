// @vitest-environment jsdom
import { getByRole, queryByRole } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import ClockBar from './ClockBar.svelte';
import type { ClockView } from './clock';
import { mountPanel, type Mounted } from './mount-for-test.svelte';

const clock = (overrides: Partial<ClockView> = {}): ClockView => ({
  nowMs: 12_000,
  durationMs: 300_000,
  speed: 100,
  running: false,
  finished: false,
  seed: 1,
  eventsProcessed: 5_000,
  pauseAtMoments: true,
  moment: null,
  nextMomentMs: 60_000,
  ...overrides,
});

describe('ClockBar', () => {
  let mounted: Mounted<Record<string, unknown>> | undefined;
  afterEach(() => mounted?.destroy());

  function bar(view: ClockView, calls: string[] = []) {
    const record = (name: string) => () => calls.push(name);
    mounted = mountPanel(ClockBar as never, {
      clock: view,
      onPlay: record('play'),
      onPause: record('pause'),
      onStep: record('step'),
      onSpeed: record('speed'),
      onSeed: record('seed'),
      onRestart: record('restart'),
      onPauseAtMoments: (enabled: boolean) => calls.push(`moments:${enabled}`),
    }) as Mounted<Record<string, unknown>>;
    return mounted.target;
  }

  it('says why Play and Step are disabled once the run has ended, and offers the restart right there', () => {
    const calls: string[] = [];
    const target = bar(clock({ nowMs: 300_000, finished: true, nextMomentMs: null }), calls);
    const play = getByRole(target, 'button', { name: 'Play' });
    const step = getByRole(target, 'button', { name: 'Step 1 s' });
    const reason = 'The run has ended at 300.0 s: restart the run to continue.';
    for (const button of [play, step]) {
      expect(button).toHaveProperty('disabled', true);
      expect(button.getAttribute('title')).toBe(reason);
      expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toBe(reason);
    }
    getByRole(target, 'button', { name: 'Restart the run' }).click();
    expect(calls).toEqual(['restart']);
  });

  it('gives no reason while Play works', () => {
    const target = bar(clock());
    const play = getByRole(target, 'button', { name: 'Play' });
    expect(play).toHaveProperty('disabled', false);
    expect(play.hasAttribute('aria-describedby')).toBe(false);
    expect(queryByRole(target, 'button', { name: 'Restart the run' })).toBeNull();
  });

  it('shows the note of the moment it paused at, and when it will stop next', () => {
    const calls: string[] = [];
    const target = bar(
      clock({ nowMs: 5_000, moment: { atMs: 5_000, note: 'Split the hot shard now.' } }),
      calls,
    );
    const status = target.querySelector('[data-clock-moment]')!;
    expect(status.textContent).toContain('Paused at 5.0 s. Split the hot shard now.');
    expect(target.textContent).toContain('(next at 60.0 s)');
    getByRole(target, 'button', { name: 'Play on' }).click();
    getByRole(target, 'checkbox', { name: /Pause at moments of interest/ }).click();
    expect(calls).toEqual(['play', 'moments:false']);
  });
});
