import { describe, expect, it } from 'vitest';
import { counterLab } from '../../labs/engine/fixtures/counter-lab.ts';
import { registeredLabs } from '../../labs/index.ts';
import { captureIo, runBdlab } from './capture.ts';
import { labCommand } from './lab.ts';

const bdlab = runBdlab;

describe('bdlab lab list', () => {
  it('lists the labs per session, available or not yet', async () => {
    const { code, stdout, stderr } = await bdlab('lab', 'list');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Session 1 · 12:30 Introduction\n');
    expect(stdout).toMatch(/✓ data-bus +The data bus — 15 min, 4 steps\n/);
    expect(stdout).toMatch(/· predictions +Batch and real-time predictions — not available yet\n/);
    expect(stdout).toContain(`${registeredLabs.length} of 22 planned labs available.`);
  });

  it('prints only JSON with --json', async () => {
    const { code, stdout } = await bdlab('lab', 'list', '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(parsed.sessions.map((s: { session: number }) => s.session)).toEqual([1, 2, 3, 4]);
    expect(parsed.sessions[0].labs[0]).toEqual({
      id: 'data-bus',
      title: 'The data bus',
      available: true,
      folder: '01-data-bus',
      estimatedMinutes: 15,
      steps: 4,
    });
    expect(parsed.sessions[2].labs[3]).toEqual({
      id: 'predictions',
      title: 'Batch and real-time predictions',
      available: false,
    });
  });

  it('refuses an unknown subcommand or option with exit code 2', async () => {
    expect(await bdlab('lab', 'play')).toMatchObject({
      code: 2,
      stderr: "bdlab lab: unknown subcommand 'play'. Allowed: list, validate.\n",
    });
    expect(await bdlab('lab', 'list', '--yaml')).toMatchObject({
      code: 2,
      stderr: "bdlab lab: unknown option '--yaml'. Allowed: --json.\n",
    });
  });
});

describe('bdlab lab validate', () => {
  it('passes every registered lab', async () => {
    const { code, stdout, stderr } = await bdlab('lab', 'validate');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('✓ 01-data-bus: 4 steps, every solution passes\n');
    expect(stdout).toContain(`All ${registeredLabs.length} labs are valid.\n`);
    // Replaying every lab's solution runs a dozen simulations; this is a correctness test, not a timing one.
  }, 180_000);

  it('exits 1 with one line per problem when a definition is broken', async () => {
    const dataBus = registeredLabs[0]!;
    const unsolvable = {
      ...dataBus.lab,
      steps: [
        { ...dataBus.lab.steps[0]!, solution: dataBus.lab.steps[0]!.solution.slice(1) },
        ...dataBus.lab.steps.slice(1),
      ],
    };
    const broken = labCommand([
      { folder: '01-data-bus', lab: unsolvable },
      { folder: '01-counter', lab: counterLab },
      { folder: '03-data-bus', lab: dataBus.lab },
    ]);
    const { io, out, err } = captureIo();
    expect(await broken(['validate'], io)).toBe(1);
    expect(out()).toBe('');
    expect(err().split('\n')).toEqual([
      '✗ 01-data-bus: step "place": after the solution, task "placed-collect" still fails: What is on Collect belongs there, but something is still missing.',
      '✗ 01-counter: the id "counter" is not in labs/agenda.ts; add it to its session there or fix the id',
      '✗ 01-counter: the folders "01-data-bus" and "01-counter" share the prefix 01',
      '✗ 03-data-bus: the id "data-bus" is registered twice',
      'bdlab lab validate: 4 problems in 3 labs; fix them and run it again.',
      '',
    ]);
  });
});
