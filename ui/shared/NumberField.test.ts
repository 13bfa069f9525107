// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { flush, mountPanel } from '../consoles/shell/mount-for-test.svelte';
import NumberField from './NumberField.svelte';

const mounted: { destroy(): void }[] = [];
afterEach(() => mounted.splice(0).forEach((m) => m.destroy()));
function mount(props: Record<string, unknown>) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the props are checked by svelte-check
  const m = mountPanel(NumberField as any, props);
  mounted.push(m);
  return m.target;
}

const type = (input: HTMLInputElement, text: string, event: 'input' | 'change') => {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  if (event === 'change') input.dispatchEvent(new Event('change', { bubbles: true }));
  flush();
};

describe('NumberField, typed (the calculators)', () => {
  it('keeps the caller’s id, hint and error, described in that order, and reports each keystroke', () => {
    const typed: string[] = [];
    const root = mount({
      id: 'calc-kinesis-shards',
      label: 'Shards',
      unit: 'shards',
      value: '1.5',
      hint: 'One shard takes 1 MiB/s.',
      error: '1.5 is not whole: enter a whole number from 1 to 20.',
      onInput: (value: string) => typed.push(value),
    });
    const input = root.querySelector<HTMLInputElement>('#calc-kinesis-shards')!;
    expect(root.querySelector('label')?.htmlFor).toBe('calc-kinesis-shards');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('calc-kinesis-shards-error calc-kinesis-shards-hint');
    expect(root.querySelector('#calc-kinesis-shards-error')?.textContent).toBe(
      '⚠ 1.5 is not whole: enter a whole number from 1 to 20.',
    );
    expect(root.querySelector('#calc-kinesis-shards-hint')?.textContent).toBe('One shard takes 1 MiB/s.');
    expect(root.querySelector('[aria-live]')).toBeNull();
    type(input, '2', 'input');
    expect(typed).toEqual(['2']);
  });
});

describe('NumberField, stepped (the labs)', () => {
  const setting = (changes: number[]) => ({
    label: 'Shards',
    unit: 'shards',
    value: 3,
    min: 1,
    max: 100,
    onChange: (value: number) => changes.push(value),
  });

  it('shows its range, steps with − and +, and sends a valid typed value', () => {
    const changes: number[] = [];
    const root = mount(setting(changes));
    const input = root.querySelector('input')!;
    expect(root.querySelector('label')?.htmlFor).toBe(input.id);
    expect(root.querySelector(`#${input.id}-hint`)?.textContent).toBe('1–100 shards');
    root.querySelector<HTMLButtonElement>('button[aria-label="Shards: one more"]')!.click();
    root.querySelector<HTMLButtonElement>('button[aria-label="Shards: one fewer"]')!.click();
    type(input, '21', 'change');
    expect(changes).toEqual([4, 2, 21]);
  });

  it('explains a value it refuses in place of the range, announced, and sends nothing', () => {
    const changes: number[] = [];
    const root = mount(setting(changes));
    const input = root.querySelector('input')!;
    type(input, '0', 'change');
    expect(changes).toEqual([]);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(`${input.id}-error`);
    expect(root.querySelector(`#${input.id}-error`)?.textContent).toBe(
      '⚠ 0 is out of range. Type a whole number from 1 to 100 shards.',
    );
    expect(root.querySelector(`#${input.id}-hint`)).toBeNull();
    expect(root.querySelector(`#${input.id}-error`)?.closest('[aria-live="polite"]')).not.toBeNull();
  });
});
