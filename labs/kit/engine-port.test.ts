import { describe, expect, it } from 'vitest';
import { EnginePort } from './engine-port.ts';

describe('EnginePort', () => {
  it('says what the host must do when derive asks before the engine is loaded', () => {
    const port = new EnginePort<{ version: number }>('sql.js');
    expect(() => port.get()).toThrow(
      'sql.js is not loaded on this thread: the host must provide it and await prepare() before a lab that needs it derives.',
    );
  });

  it('loads once for every caller, and hands the engine out synchronously afterwards', async () => {
    const port = new EnginePort<{ version: number }>('sql.js');
    let loads = 0;
    port.provide(async () => ({ version: ++loads }));
    const [a, b] = await Promise.all([port.prepare(), port.prepare()]);
    expect(a).toBe(b);
    expect(port.get()).toEqual({ version: 1 });
    port.provide(async () => ({ version: 99 }));
    await port.prepare();
    expect(loads).toBe(1);
  });

  it('does nothing on a thread that provided no loader, and refuses an explicit prepare there', async () => {
    const port = new EnginePort<number>('sql.js');
    await expect(port.prepareIfProvided()).resolves.toBeUndefined();
    await expect(port.prepare()).rejects.toThrow('No way to load sql.js has been provided on this thread.');
  });

  it('tries again after a failed load', async () => {
    const port = new EnginePort<number>('sql.js');
    let attempt = 0;
    port.provide(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('network');
      return 7;
    });
    await expect(port.prepare()).rejects.toThrow('network');
    await expect(port.prepare()).resolves.toBe(7);
  });
});
