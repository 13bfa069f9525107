import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createLabController } from '../engine/controller.ts';
import { referenceWorkspace } from '../engine/run.ts';
import { connectionProblem } from './checks.ts';
import { dataBusLab } from './lab.ts';
import type { DataBusAction, DataBusWorkspace } from './workspace.ts';

/** A player at the start of `step`, the earlier steps solved by their scripted solutions. */
function playerAt(step: number) {
  const created = createLabController(dataBusLab, { clock: new SimulatedClock() });
  if (!created.ok) throw new Error(created.error.message);
  const player = created.value;
  player.start();
  for (const earlier of dataBusLab.steps.slice(0, step)) {
    for (const action of earlier.solution) player.act(action);
    player.next();
  }
  return player;
}

const failing = (player: ReturnType<typeof playerAt>) =>
  player
    .getSnapshot()
    .tasks.filter((task) => !task.passed)
    .map((task) => task.feedback);

describe('lab 1: the data bus', () => {
  it('says which item sits on the wrong stage and why', () => {
    const player = playerAt(0);
    player.act({ type: 'place', item: 'kinesis', stage: 'process' });
    expect(player.getSnapshot().tasks.find((t) => t.taskId === 'placed-store')?.feedback).toBe(
      'Amazon Kinesis Streams sits on Process / analyze, but it belongs to Store: stream storage: records are kept 24 hours by default (up to 7 days) for consumers to read and replay.',
    );
  });

  it('refuses to connect an item that is not on the bus, keeping the work', () => {
    const player = playerAt(0);
    player.act({ type: 'place', item: 'web-apps', stage: 'collect' });
    player.act({ type: 'connect', from: 'web-apps', to: 'kinesis' });
    expect(player.getSnapshot().lastError?.message).toBe(
      'Place Amazon Kinesis Streams on the bus before connecting it.',
    );
    expect(player.getSnapshot().workspace.placements).toEqual({ 'web-apps': 'collect' });
  });

  it('does not accept a source wired straight into a processor', () => {
    const player = playerAt(1);
    const solution = dataBusLab.steps[1]!.solution.filter(
      (a) => !(a.type === 'connect' && a.from === 'logs'),
    );
    for (const action of solution) player.act(action);
    player.act({ type: 'connect', from: 'logs', to: 'emr' });
    expect(player.getSnapshot().phase).toBe('working');
    expect(failing(player)).toEqual([
      'Not yet sent to a store: Logs.',
      'Logs → Amazon EMR skips storage. Collected data lands in a store first (Kinesis Streams for a stream, S3 for files), where any number of processors can read it.',
    ]);
  });

  it('does not complete when two processing stages are coupled directly, and names the edge', () => {
    const player = playerAt(2);
    for (const action of dataBusLab.steps[2]!.solution) player.act(action);
    expect(player.getSnapshot().phase).toBe('passed');
    player.act({ type: 'connect', from: 'spark-streaming', to: 'redshift' });
    expect(player.getSnapshot().phase).toBe('working');
    expect(failing(player)).toEqual([connectionProblem({ from: 'spark-streaming', to: 'redshift' })]);
    expect(failing(player)[0]).toMatch(
      /^Spark Streaming → Amazon Redshift couples two processing stages directly/,
    );
  });

  it('needs one store read by two processors and one processor reading two stores', () => {
    const start = referenceWorkspace(dataBusLab, 2);
    if (!start.ok) throw new Error(start.error.message);
    const chain: DataBusAction[] = [
      { type: 'connect', from: 'kinesis', to: 'spark-streaming' },
      { type: 'connect', from: 'spark-streaming', to: 's3' },
      { type: 'connect', from: 's3', to: 'redshift' },
    ];
    let workspace = start.value as DataBusWorkspace;
    for (const action of chain) {
      const next = dataBusLab.reduce(workspace, action);
      if (!next.ok) throw new Error(next.error.message);
      workspace = next.value;
    }
    const results = dataBusLab.steps[2]!.tasks.map((task) => task.check(workspace, { derived: undefined }));
    expect(results.map((r) => r.passed)).toEqual([false, false, true, true]);
    expect(results[0]!.feedback).toMatch(/^No store is read by two processors yet/);
    expect(results[1]!.feedback).toMatch(/^No processor reads two stores yet/);
  });

  it('names the source whose data reaches no consumer', () => {
    const player = playerAt(3);
    for (const action of dataBusLab.steps[3]!.solution) player.act(action);
    player.act({ type: 'disconnect', from: 'kinesis', to: 'spark-streaming' });
    player.act({ type: 'disconnect', from: 'kinesis', to: 'lambda' });
    expect(failing(player)).toEqual([
      'Data from Web apps, Mobile apps and Devices and IoT sensors never reaches a consumer.',
    ]);
  });
});
