import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SimulatedClock } from 'xstate';
import { beforeAll, describe, expect, it } from 'vitest';
import { agenda } from '../../labs/agenda.ts';
import { createLabController } from '../../labs/engine/controller.ts';
import { validateLab } from '../../labs/engine/validate.ts';
import { agendaLabs, isLabAvailable, registeredLabs } from '../../labs/index.ts';
import { prepareSqlJsForLabs } from './sql-js.ts';

// The SQL labs derive on sql.js.
beforeAll(prepareSqlJsForLabs);

describe('every registered lab', () => {
  for (const { folder, lab } of registeredLabs) {
    // Simulation labs run their model on every change; these are correctness tests, so no tight timeout.
    describe(folder, { timeout: 120_000 }, () => {
      it('replays its scripted solution headlessly to completion', () => {
        const created = createLabController(lab, { clock: new SimulatedClock() });
        if (!created.ok) throw new Error(created.error.message);
        const player = created.value;
        player.start();
        for (const step of lab.steps) {
          expect(player.getSnapshot().phase).toBe('working');
          for (const action of step.solution) player.act(action);
          expect(player.getSnapshot().lastError).toBeNull();
          expect(player.getSnapshot().tasks.filter((t) => !t.passed)).toEqual([]);
          player.next();
        }
        expect(player.getSnapshot().phase).toBe('completed');
      });

      it('reveals each step’s hints one at a time and counts them', () => {
        const created = createLabController(lab, { clock: new SimulatedClock() });
        if (!created.ok) throw new Error(created.error.message);
        const player = created.value;
        player.start();
        const hints = lab.steps[0]!.hints;
        for (let shown = 1; shown <= hints.length + 1; shown++) {
          player.hint();
          expect(player.getSnapshot().hints).toEqual(hints.slice(0, shown));
        }
        expect(player.getSnapshot().progress.hintsUsed[0]).toBe(hints.length);
      });

      it('saves mid-step, resumes exactly, and both copies finish identically', () => {
        const clock = new SimulatedClock();
        const created = createLabController(lab, { clock });
        if (!created.ok) throw new Error(created.error.message);
        const original = created.value;
        original.start();
        original.hint();
        const firstSolution = lab.steps[0]!.solution;
        for (const action of firstSolution.slice(0, -1)) original.act(action);
        const saved = JSON.parse(JSON.stringify(original.getSnapshot().progress));
        const resumedResult = createLabController(lab, { clock, progress: saved });
        if (!resumedResult.ok) throw new Error(resumedResult.error.message);
        const resumed = resumedResult.value;
        expect(resumed.getSnapshot()).toEqual(original.getSnapshot());
        for (const player of [original, resumed]) {
          player.act(firstSolution.at(-1)!);
          player.next();
          for (const step of lab.steps.slice(1)) {
            for (const action of step.solution) player.act(action);
            player.next();
          }
        }
        expect(resumed.getSnapshot()).toEqual(original.getSnapshot());
        expect(resumed.getSnapshot().phase).toBe('completed');
      });

      it('resets to the starting workspace', () => {
        const created = createLabController(lab, { clock: new SimulatedClock() });
        if (!created.ok) throw new Error(created.error.message);
        const player = created.value;
        const fresh = player.getSnapshot();
        player.start();
        player.showSolution();
        player.next();
        player.reset();
        expect(player.getSnapshot()).toEqual(fresh);
      });

      it('passes validation, its markdown included', () => {
        const markdown = readFileSync(fileURLToPath(lab.text), 'utf8');
        expect(validateLab(lab, markdown)).toEqual([]);
      });

      it('lives in a folder named after its id', () => {
        expect(folder).toMatch(/^\d{2}-/);
        expect(folder.slice(3)).toBe(lab.id);
      });
    });
  }
});

describe('the registry', () => {
  it('is ordered by folder prefix with unique ids', () => {
    const folders = registeredLabs.map((entry) => entry.folder);
    expect(folders).toEqual([...folders].sort());
    const ids = registeredLabs.map((entry) => entry.lab.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('holds only labs the agenda plans, in the session the agenda gives', () => {
    const planned = agendaLabs();
    for (const { lab } of registeredLabs) {
      expect(planned.find((p) => p.id === lab.id)?.session).toBe(lab.session);
    }
  });

  it('marks planned labs without a definition as not available yet', () => {
    expect(isLabAvailable('data-bus')).toBe(true);
    expect(isLabAvailable('predictions')).toBe(false);
    const sessions = agenda.filter((item) => item.kind === 'session').length;
    expect(new Set(agendaLabs().map((l) => l.session)).size).toBe(sessions);
  });
});
