import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { dataBusLab } from '../../labs/01-data-bus/lab';
import { createLabController } from '../../labs/engine';
import { summarizeJudged, summarizeProgress } from './progress-summary';

/** Progress with the data bus's first two steps done, the second with a store the checks now refuse. */
function savedUnderLaxerChecks(): Record<string, unknown> {
  const created = createLabController(dataBusLab, { clock: new SimulatedClock() });
  if (!created.ok) throw new Error(created.error.message);
  const player = created.value;
  player.start();
  for (const step of dataBusLab.steps.slice(0, 2)) {
    for (const action of step.solution) player.act(action);
    player.next();
  }
  const progress = JSON.parse(JSON.stringify(player.getSnapshot().progress));
  progress.actionsByStep[1] = [
    { type: 'connect', from: 'web-apps', to: 'elasticache' },
    { type: 'connect', from: 'mobile-apps', to: 'kinesis' },
    { type: 'connect', from: 'iot-devices', to: 'kinesis' },
    { type: 'connect', from: 'logs', to: 's3' },
  ];
  delete progress.workspace;
  return progress;
}

describe('summarizeProgress', () => {
  it('reports a step the current checks no longer pass as the current one, not as done', () => {
    const summary = summarizeProgress(dataBusLab, savedUnderLaxerChecks());
    expect(summary).toMatchObject({ status: 'in-progress', currentStep: 2, stepsCompleted: 1 });
    expect(summary.steps[1]!.timeSpentMs).toBeNull();
  });

  it('summarizes the open lab’s own progress as the saved file would read, without deriving again', () => {
    const created = createLabController(dataBusLab, { clock: new SimulatedClock() });
    if (!created.ok) throw new Error(created.error.message);
    const player = created.value;
    player.start();
    player.hint();
    for (const [index] of dataBusLab.steps.entries()) {
      player.showSolution();
      if (index < dataBusLab.steps.length - 1) player.next();
    }
    player.next();
    const progress = player.getSnapshot().progress;
    expect(progress.phase).toBe('completed');
    const noDerive = {
      ...dataBusLab,
      derive: (): never => {
        throw new Error('derived again for a summary of judged progress');
      },
    };
    const judged = summarizeJudged(noDerive, progress);
    expect(judged).toEqual(summarizeProgress(dataBusLab, JSON.parse(JSON.stringify(progress))));
    expect(judged).toMatchObject({
      status: 'completed',
      hintsUsed: 1,
      solutionsUsed: dataBusLab.steps.length,
    });
  });
});
