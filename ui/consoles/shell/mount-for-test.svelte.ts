/**
 * Mounts a panel into jsdom for the component tests. The shared vitest config resolves `svelte` to its
 * server build (no `browser` condition), where `mount` refuses to run, so this imports the client entry by
 * path; the compiled components already use the client runtime. Remove once the config adds the condition.
 */
import type * as svelte from 'svelte';
// @ts-expect-error -- the client entry has no declaration file of its own; typed through `svelte` below.
import * as client from '../../../node_modules/svelte/src/index-client.js';

const { mount, unmount, flushSync } = client as typeof svelte;

/** A mounted panel: its container, a way to change props, and cleanup. */
export interface Mounted<Props extends Record<string, unknown>> {
  readonly target: HTMLElement;
  /** Replaces some props and flushes the update, as a new console frame would. */
  update(next: Partial<Props>): void;
  destroy(): void;
}

/** Mounts `component` with reactive `props` into a fresh element of the document body. */
export function mountPanel<Props extends Record<string, unknown>>(
  component: svelte.Component<Props>,
  props: Props,
): Mounted<Props> {
  const target = document.body.appendChild(document.createElement('div'));
  const state = $state(props);
  const instance = mount(component, { target, props: state });
  flushSync();
  return {
    target,
    update(next) {
      Object.assign(state, next);
      flushSync();
    },
    destroy() {
      unmount(instance);
      target.remove();
    },
  };
}

/** Runs pending updates after a click or an awaited promise. */
export const flush = (): void => flushSync();
