import type { AnyLabDefinition } from '../../labs/engine/types.ts';
import { registeredLabs } from '../../labs/index.ts';
import { prepareSqlJsForLabs } from '../labs/sql-js.ts';
import { formatNumber, median, timeMillis, type BenchRow, type BenchSuite } from './bench.ts';

const REPEATS = 5;

/** The workspaces a learner passes through on the solution path: the first, then each step solved. */
function solutionWorkspaces(lab: AnyLabDefinition): unknown[] {
  const workspaces: unknown[] = [lab.initialWorkspace];
  let workspace: unknown = lab.initialWorkspace;
  for (const step of lab.steps) {
    for (const action of step.solution) {
      const next = lab.reduce(workspace, action);
      if (!next.ok) throw new Error(`${lab.id}: ${next.error.message}`);
      workspace = next.value;
    }
    workspaces.push(workspace);
  }
  return workspaces;
}

const hasSeed = (workspace: unknown): boolean =>
  typeof (workspace as Record<string, unknown> | null)?.['seed'] === 'number';

/** The workspace with another seed, when it has one (the simulated labs do). */
function withSeed(workspace: unknown, seed: number): unknown {
  const copy = structuredClone(workspace) as Record<string, unknown>;
  if (typeof copy['seed'] === 'number') copy['seed'] = seed;
  return copy;
}

/**
 * Each lab re-derives its simulation on every learner action (in the derive worker; the SQL labs replay
 * the learner's statements on a fresh cluster). The row gives
 * the slowest workspace on the lab's solution path, median of a few derives with a new seed each, so
 * nothing is cached: an upper bound, since a click that changes a setting keeps the seed and reuses the
 * workload the lab generated for it. No issue sets a target; about 0.1 s is where a response stops
 * feeling instant.
 */
export const labsSuite: BenchSuite = {
  name: 'Labs',
  async run(): Promise<BenchRow[]> {
    await prepareSqlJsForLabs();
    return registeredLabs.map(({ lab }) => {
      const workspaces = solutionWorkspaces(lab);
      const seeded = workspaces.every(hasSeed);
      const slowest = Math.max(
        ...workspaces.map((workspace) => {
          // A lab without a seed (the SQL labs replay a history) remembers each workspace's run, so only its
          // first derive is a real one: time that, once.
          if (!seeded) return timeMillis(() => lab.derive(structuredClone(workspace)));
          // Labs keep their last few runs by workspace; a new seed each time makes every derive a real run.
          const copies = Array.from({ length: REPEATS + 1 }, (_, i) => withSeed(workspace, 1000 + i));
          lab.derive(copies[REPEATS]);
          return median(copies.slice(0, REPEATS).map((copy) => timeMillis(() => lab.derive(copy))));
        }),
      );
      const how = seeded ? 'with a new seed (nothing cached)' : 'the first time (nothing cached; one sample)';
      return {
        measure: `${lab.id}: derive ${how}, slowest of the ${workspaces.length} workspaces on its solution path`,
        value: formatNumber(slowest, 1),
        unit: 'ms',
      };
    });
  },
};
