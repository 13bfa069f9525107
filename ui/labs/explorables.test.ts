import { describe, expect, it } from 'vitest';
import { catalogue } from '../../labs/catalogue';
import { createExplorableChunks } from './explorable-chunks';
import type { Component } from 'svelte';
import type { dataBusLab } from '../../labs/01-data-bus/lab';
import type { DataBusAction, DataBusWorkspace } from '../../labs/01-data-bus/workspace';
import type { rightToolLab } from '../../labs/02-right-tool/lab';
import type { ExplorableProps } from './explorable-props';
import { explorable, explorables } from './explorables';

describe('the explorable registry', () => {
  it('has an explorable for every built lab and none for a lab the catalogue does not list', () => {
    const built = catalogue.map((entry) => entry.id);
    expect(built.filter((id) => !Object.hasOwn(explorables, id))).toEqual([]);
    expect(Object.keys(explorables).filter((id) => !built.includes(id))).toEqual([]);
  });

  it('refuses, at typecheck, an explorable registered for a lab whose workspace it does not take', () => {
    const dataBusExplorable: Component<ExplorableProps<DataBusWorkspace, DataBusAction>> = () => ({});
    const registered = explorable<typeof dataBusLab>(async () => ({ default: dataBusExplorable }));
    const misregistered = () =>
      // @ts-expect-error -- the data bus's explorable takes the data bus's workspace, not the right tool's
      explorable<typeof rightToolLab>(async () => ({ default: dataBusExplorable }));
    expect([typeof registered, typeof misregistered]).toEqual(['function', 'function']);
  });

  it('lists the labs in folder order, as the catalogue does', () => {
    expect(Object.keys(explorables)).toEqual(catalogue.map((entry) => entry.id));
  });
});

describe('createExplorableChunks', () => {
  const Explorable = () => ({});
  let loads = 0;
  const chunkFor = createExplorableChunks({
    'data-bus': async () => {
      loads += 1;
      return Explorable;
    },
  });

  it('gives a lab one chunk for the app run, loaded once however often it is shown', async () => {
    const chunk = chunkFor('data-bus');
    expect(chunkFor('data-bus')).toBe(chunk);
    await Promise.all([chunk?.ensure(), chunkFor('data-bus')?.ensure()]);
    expect([loads, chunk?.value]).toEqual([1, Explorable]);
  });

  it('has no chunk for a lab without an explorable, even one named like an object property', () => {
    expect(chunkFor('hot-shard')).toBeUndefined();
    expect(chunkFor('toString')).toBeUndefined();
  });
});
