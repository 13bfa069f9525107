/**
 * Lab 3 of the introduction: run a Lambda architecture (immutable log, batch layer, speed layer,
 * serving layer) and answer questions from what the simulation shows.
 */
import type { LabDefinition } from '../engine/types.ts';
import { defaultLambdaArchScenario } from '../../sim/lambda-arch/index.ts';
import { factsFor, lookAt, questionPage, type LambdaArchFacts } from './explorable.ts';
import {
  batchConvergedAt,
  duplicatesAt90,
  errorAt90,
  finalCount,
  servedAt90,
  speedAt90,
} from './questions.ts';
import {
  reduceLambdaArch,
  startWorkspace,
  type LambdaArchAction,
  type LambdaArchWorkspace,
} from './workspace.ts';

/** The scripted solution reads its numbers from the simulation for the starting seed, as a learner would. */
const facts = factsFor(startWorkspace.seed);
const atLook = facts.atLook;
const interval = defaultLambdaArchScenario.batchInterval;
const duration = defaultLambdaArchScenario.batchDuration;

/** The Lambda architecture lab. */
export const lambdaArchitectureLab = {
  id: 'lambda-architecture',
  session: 1,
  title: 'Lambda architecture',
  objectives: [
    'Describe the immutable append-only log, the batch layer, the speed layer and the serving layer.',
    'Read a fast but approximate answer from the speed layer and explain why it is approximate (duplicates, late data).',
    'Watch the batch layer recompute exact views from the log and say when the answer converges.',
  ],
  estimatedMinutes: 20,
  text: new URL('./lab.md', import.meta.url),
  initialWorkspace: startWorkspace,
  reduce: reduceLambdaArch,
  derive: (workspace): LambdaArchFacts => factsFor(workspace.seed),
  steps: [
    {
      id: 'speed-layer',
      title: 'The fast answer',
      tasks: [speedAt90, servedAt90],
      hints: [
        'Run the simulation to 90 s and look at the three layers side by side.',
        `The batch view published at ${(interval + duration) / 1000} s covers what arrived before ${interval / 1000} s; everything since then is only in the speed layer.`,
        `Served = batch view + speed layer, for ${questionPage}.`,
      ],
      solution: [
        { type: 'run', until: lookAt },
        { type: 'answer', question: 'speed-at-90', value: atLook.speed[questionPage] },
        { type: 'answer', question: 'served-at-90', value: atLook.served[questionPage] },
      ],
    },
    {
      id: 'approximate',
      title: 'Why it is approximate',
      tasks: [duplicatesAt90, errorAt90],
      hints: [
        'Compare the served line with the true line in the chart at 90 s.',
        'Duplicates are counted twice by the speed layer; late views have happened but not arrived yet.',
        'The error is served − true; it can be negative when late views outweigh duplicates.',
      ],
      solution: [
        { type: 'answer', question: 'duplicates-at-90', value: atLook.duplicateRecords },
        {
          type: 'answer',
          question: 'error-at-90',
          value: atLook.served[questionPage] - atLook.truth[questionPage],
        },
      ],
    },
    {
      id: 'batch-converges',
      title: 'The batch layer catches up',
      tasks: [batchConvergedAt, finalCount],
      hints: [
        'Run on past the end of the stream and watch each batch run publish.',
        `Batch runs start every ${interval / 1000} s and take ${duration / 1000} s; a run covers only what arrived before it started.`,
        'The first run that starts after the last late view arrived publishes the exact count.',
      ],
      solution: [
        { type: 'run', until: defaultLambdaArchScenario.horizon },
        { type: 'answer', question: 'batch-converged-at', value: (facts.batchConvergedAt ?? 0) / 1000 },
        { type: 'answer', question: 'final-count', value: facts.finalTrueCount },
      ],
    },
  ],
} satisfies LabDefinition<LambdaArchWorkspace, LambdaArchAction, LambdaArchFacts>;
