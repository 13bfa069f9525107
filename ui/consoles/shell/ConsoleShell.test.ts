// @vitest-environment jsdom
import { getByRole, queryByRole } from '@testing-library/dom';
import type * as svelte from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- the client entry has no declaration file of its own (see mount-for-test.svelte.ts).
import * as svelteClient from '../../../node_modules/svelte/src/index-client.js';
import type { ClockView, ConsoleFrame } from './clock';
import ConsoleShell from './ConsoleShell.svelte';
import { mountPanel, type Mounted } from './mount-for-test.svelte';
import type { ClockControls } from './worker-port.svelte';

const { createRawSnippet } = svelteClient as typeof svelte;

interface CounterView extends ConsoleFrame {
  readonly count: number;
}

const clock: ClockView = {
  nowMs: 3_000,
  durationMs: 10_000,
  speed: 1,
  running: false,
  finished: false,
  seed: 1,
  eventsProcessed: 3,
  pauseAtMoments: false,
  moment: null,
  nextMomentMs: null,
};

function controls(
  calls: string[],
  view?: CounterView,
  failure: ClockControls<CounterView>['failure'] = null,
) {
  const record = (name: string) => () => void calls.push(name);
  return {
    view,
    failure,
    play: record('play'),
    pause: record('pause'),
    step: record('step'),
    setSpeed: record('speed'),
    restart: record('restart'),
    restartWithSeed: record('seed'),
    setPauseAtMoments: record('moments'),
  } satisfies ClockControls<CounterView>;
}

const text = (html: string) => createRawSnippet(() => ({ render: () => html }));
const ofView = (render: (view: CounterView) => string) =>
  createRawSnippet((view: () => CounterView) => ({ render: () => render(view()) }));

describe('ConsoleShell', () => {
  let mounted: Mounted<Record<string, unknown>> | undefined;
  afterEach(() => mounted?.destroy());

  function shell(client: ClockControls<CounterView>) {
    mounted = mountPanel(ConsoleShell as never, {
      title: 'Counter console',
      client,
      lead: text('<span>Counts on a virtual clock.</span>'),
      picker: text('<div data-picker>Pick a counter</div>'),
      facts: ofView((view) => `<p data-facts>At ${view.clock.nowMs} ms</p>`),
      panels: ofView((view) => `<section data-count>${view.count}</section>`),
    }) as Mounted<Record<string, unknown>>;
    return mounted.target;
  }

  it('says the simulation is starting until the first frame, with the heading, lead and picker already there', () => {
    const target = shell(controls([]));
    expect(getByRole(target, 'heading', { level: 1 }).textContent).toBe('Counter console');
    expect(target.textContent).toContain('Counts on a virtual clock.');
    expect(target.querySelector('[data-picker]')).not.toBeNull();
    expect(target.textContent).toContain('Starting the simulation…');
    expect(queryByRole(target, 'group', { name: 'Simulation clock' })).toBeNull();
  });

  it('says why when the simulation could not start, instead of starting forever', () => {
    const target = shell(controls([], undefined, { code: 'WorkerFailed', message: 'no worker' }));
    expect(getByRole(target, 'alert').textContent).toContain('WorkerFailed: no worker');
    expect(target.textContent).not.toContain('Starting the simulation…');
  });

  it('draws the clock bar, the facts and the panels from each frame; the bar drives the client', () => {
    const calls: string[] = [];
    const target = shell(controls(calls, { clock, count: 3 }));
    expect(target.querySelector('[data-facts]')?.textContent).toBe('At 3000 ms');
    expect(target.querySelector('[data-count]')?.textContent).toBe('3');
    getByRole(target, 'button', { name: 'Play' }).click();
    getByRole(target, 'button', { name: 'Step 1 s' }).click();
    expect(calls).toEqual(['play', 'step']);
    mounted!.update({ client: controls(calls, { clock: { ...clock, nowMs: 4_000 }, count: 4 }) });
    expect(target.querySelector('[data-clock-now]')?.textContent).toBe('4.0 s');
  });

  it('pauses the run when the page is left', () => {
    const calls: string[] = [];
    shell(controls(calls, { clock, count: 3 }));
    mounted!.destroy();
    mounted = undefined;
    expect(calls).toEqual(['pause']);
  });
});
