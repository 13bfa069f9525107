/** The shard-provisioning lab's tasks: each reads the simulation run (and the calculator) for the workspace. */
import { formatCount, formatMib } from '../../sim/core/index.ts';
import type { LabTask, TaskResult } from '../engine/types.ts';
import { SHARD_LIMITS, workload, type ProvisionFacts } from './simulation.ts';
import type { ProvisionWorkspace } from './workspace.ts';

type Task = LabTask<ProvisionWorkspace, ProvisionFacts>;

/** Writes fit: nothing refused, and every shard's average write load under both write limits. */
export const writesFit: Task = {
  id: 'writes-fit',
  title: 'Every shard takes its writes: under 1 MiB/s and 1,000 records/s, nothing refused',
  check(_workspace, { derived }): TaskResult {
    const over = derived.loads.filter(
      (s) =>
        s.refused > 0 ||
        s.bytesPerSecond >= SHARD_LIMITS.writeBytesPerSecond ||
        s.offeredPerSecond >= SHARD_LIMITS.writeRecordsPerSecond,
    );
    if (over.length === 0) {
      const top = Math.max(...derived.loads.map((s) => s.bytesPerSecond));
      return {
        passed: true,
        feedback: `Nothing is refused; the busiest shard writes ${formatMib(top)}/s on average.`,
      };
    }
    const worst = over[0]!;
    return {
      passed: false,
      feedback: `${over.length} of ${derived.loads.length} shards refuse writes; ${worst.shardId} is offered ${formatCount(worst.offeredPerSecond)} records/s and writes ${formatMib(worst.bytesPerSecond)}/s (means over the run). Check both write limits: bytes and records.`,
    };
  },
};

/** No more shards than the calculator's count for the same load. */
export const notOverProvisioned: Task = {
  id: 'not-over-provisioned',
  title: 'No more shards than the load needs (each shard costs by the hour)',
  check(workspace, { derived }): TaskResult {
    const needed = derived.calculator.shards;
    if (workspace.shards <= needed) {
      return {
        passed: true,
        feedback: `${workspace.shards} shards, as the Kinesis calculator sizes it too.`,
      };
    }
    return {
      passed: false,
      feedback: `${workspace.shards} shards is more than this load needs; find the fewest that still pass the other checks.`,
    };
  },
};

/** The workload's three consumer applications are reading. */
export const threeConsumers: Task = {
  id: 'three-consumers',
  title: `All ${workload.consumers} consumer applications read the stream`,
  check: (workspace) =>
    workspace.consumers === workload.consumers
      ? {
          passed: true,
          feedback: `${workload.consumerNames.slice(0, workload.consumers).join(', ')} each read every shard.`,
        }
      : {
          passed: false,
          feedback: `The workload has ${workload.consumers} applications (${workload.consumerNames.slice(0, workload.consumers).join(', ')}); ${workspace.consumers} read now.`,
        },
};

/** Reads fit: the consumers together need less than 2 MiB/s per shard and no GetRecords call is refused. */
export const readsFit: Task = {
  id: 'reads-fit',
  title: 'Every shard serves all its readers: under 2 MiB/s together, no GetRecords refused',
  check(workspace, { derived }): TaskResult {
    if (workspace.consumers === 0) return { passed: false, feedback: 'Nobody reads the stream yet.' };
    const over = derived.loads.filter(
      (s) => s.readRefused > 0 || s.readBytesPerSecond >= SHARD_LIMITS.readBytesPerSecond,
    );
    if (over.length === 0) {
      const top = Math.max(...derived.loads.map((s) => s.readBytesPerSecond));
      return {
        passed: true,
        feedback: `All consumers together need ${formatMib(top)}/s from the busiest shard on average.`,
      };
    }
    const worst = over.reduce((a, b) => (b.readBytesPerSecond > a.readBytesPerSecond ? b : a));
    return {
      passed: false,
      feedback: `${worst.shardId}'s ${workspace.consumers} readers need ${formatMib(worst.readBytesPerSecond)}/s, over the 2 MiB/s a shard serves (shared by every consumer); ${formatCount(over.reduce((t, s) => t + s.readRefused, 0))} GetRecords calls were refused in total.`,
    };
  },
};

/** The catch-up test is on. */
export const catchUpTestOn: Task = {
  id: 'catch-up-test-on',
  title: `The archive consumer stops for ${workload.catchUp.pausedSeconds[1] - workload.catchUp.pausedSeconds[0]} s`,
  check: (workspace) =>
    workspace.catchUpTest
      ? { passed: true, feedback: 'The archive pauses, then has a backlog to read.' }
      : { passed: false, feedback: 'Turn on the catch-up test.' },
};

/** Headroom: after the pause every consumer is caught up within the budget. */
export const catchesUp: Task = {
  id: 'catches-up',
  title: `Every consumer is caught up within ${workload.catchUp.budgetSeconds} s of the archive restarting`,
  check(workspace, { derived }): TaskResult {
    if (!workspace.catchUpTest) return { passed: false, feedback: 'Turn on the catch-up test first.' };
    if (workspace.consumers < 1) return { passed: false, feedback: 'Nobody reads the stream yet.' };
    if (workspace.consumers !== workload.consumers) {
      return {
        passed: false,
        feedback: `The test must run with the workload's ${workload.consumers} applications; ${workspace.consumers} read now.`,
      };
    }
    const took = derived.catchUpSeconds;
    if (took !== null && took <= workload.catchUp.budgetSeconds) {
      return { passed: true, feedback: `Caught up ${took} s after the restart.` };
    }
    return {
      passed: false,
      feedback:
        took === null
          ? 'The consumers are still behind at the end of the run: the shards have too little spare read capacity for the backlog.'
          : `Caught up only ${took} s after the restart: the backlog is read with what the other consumers leave of each shard's 2 MiB/s.`,
    };
  },
};
