/**
 * The sizing lab's checks: the data fits, the report meets its time target, the month fits the budget,
 * and the two questions on "$1,000 per TB per year". Every figure is read from the calculator's answer
 * for the learner's own cluster; feedback says what is off, never which cluster to pick.
 */
import { formatDuration, formatNumber, formatUsd } from '../../sim/core/index.ts';
import type { LabTask, TaskResult } from '../engine/types.ts';
import type { SizingAssessment } from './sizing.ts';
import { sizingScenario } from './scenario.ts';
import type { SizingWorkspace } from './workspace.ts';

type Task = LabTask<SizingWorkspace, SizingAssessment>;

const tb = (value: number) => `${formatNumber(value, { maxDecimals: 2 })} TB`;
const gb = (value: number) => `${formatNumber(value / 1e9, { maxDecimals: 0 })} GB`;

const cluster = (workspace: SizingWorkspace) =>
  `${workspace.cluster.nodeCount} × ${workspace.cluster.nodeType}`;

const refused = (derived: SizingAssessment): TaskResult => ({
  passed: false,
  feedback: `The calculator cannot size this cluster: ${derived.calculation.ok ? '' : (derived.calculation.errors[0]?.message ?? 'it refused the input')}`,
});

/** The cluster's storage holds the year of data. */
export const holdsData: Task = {
  id: 'holds-data',
  title: `The cluster holds the ${tb(sizingScenario.dataTb)} of data`,
  check(workspace, { derived }) {
    if (!derived.calculation.ok) return refused(derived);
    const { storageTb } = derived.calculation.value;
    if (storageTb < sizingScenario.dataTb) {
      return {
        passed: false,
        feedback: `${cluster(workspace)} holds ${tb(storageTb)}; the data needs ${tb(sizingScenario.dataTb)}. Add nodes or choose a type with more storage per node.`,
      };
    }
    return { passed: true, feedback: `${cluster(workspace)} holds ${tb(storageTb)}.` };
  },
};

/** The report's modelled time is within the target. */
export const meetsReportTarget: Task = {
  id: 'meets-report-target',
  title: `The monthly report runs in at most ${formatDuration(sizingScenario.reportTargetSeconds)} (modelled)`,
  check(workspace, { derived }) {
    if (!derived.calculation.ok || !derived.report) return refused(derived);
    const { slices } = derived.calculation.value;
    const { seconds, scanRatePerSlice } = derived.report;
    const perSlice = sizingScenario.reportScanBytes / slices;
    const reading = `${slices} slices each read ${gb(perSlice)} at ${formatNumber(scanRatePerSlice / 1e6)} MB/s`;
    if (seconds > sizingScenario.reportTargetSeconds) {
      return {
        passed: false,
        feedback: `On ${cluster(workspace)} the report takes ${formatDuration(seconds)}: ${reading}. The slowest part is each slice’s share; more slices, or faster ones, shorten it.`,
      };
    }
    return { passed: true, feedback: `${formatDuration(seconds)}: ${reading}.` };
  },
};

/** An always-on month on demand is within the budget. */
export const withinBudget: Task = {
  id: 'within-budget',
  title: `An always-on month costs at most ${formatUsd(sizingScenario.monthlyBudgetUsd)} on demand`,
  check(workspace, { derived }) {
    if (!derived.calculation.ok || derived.monthlyUsd === null) return refused(derived);
    const month = derived.monthlyUsd;
    const hour = formatUsd(derived.calculation.value.usdPerHour);
    const budget = sizingScenario.monthlyBudgetUsd;
    if (month > budget) {
      return {
        passed: false,
        feedback: `${cluster(workspace)} costs ${hour} an hour, ${formatUsd(month)} a month: ${formatUsd(month - budget)} over the budget. Compare what each node type gives per dollar.`,
      };
    }
    return {
      passed: true,
      feedback: `${formatUsd(month)} a month (${hour} an hour), ${formatUsd(budget - month)} under budget.`,
    };
  },
};

/** Within 1 %: learners round the hourly price or the result. */
const close = (answer: number, expected: number) => Math.abs(answer - expected) <= Math.abs(expected) * 0.01;

/** What ds2.xlarge costs per TB-year on demand, worked out by the learner. */
export const ds2OnDemandQuestion: Task = {
  id: 'ds2-on-demand-per-tb-year',
  title: 'What does a ds2.xlarge node cost per TB per year on demand, in dollars?',
  check(workspace, { derived }) {
    const facts = derived.calculation.ok ? derived.calculation.value.thousandPerTb : null;
    if (!facts)
      return { passed: false, feedback: 'The calculator has no 2016 price for ds2.xlarge to check against.' };
    const answer = workspace.answers['ds2-on-demand-per-tb-year'];
    if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
    const expected = facts.onDemandDs2UsdPerTbYear;
    if (close(answer, expected))
      return { passed: true, feedback: `Right: about ${formatUsd(expected)} per TB-year.` };
    const perNode = expected * 2;
    const why = close(answer, 1000)
      ? 'That is the slogan’s figure; work out what the on-demand price gives instead.'
      : close(answer, perNode)
        ? 'That is what one node costs for a year; divide by the terabytes it stores.'
        : close(answer, (expected * 730) / 8760)
          ? 'That is a month (730 hours); the figure is per year.'
          : 'Multiply the price per node-hour by the hours in a year, then divide by the node’s storage in TB.';
    return { passed: false, feedback: `${formatNumber(answer)} is not it. ${why}` };
  },
};

/** Which pricing "$1,000 per TB per year" rests on. */
export const thousandBasisQuestion: Task = {
  id: 'thousand-basis',
  title: 'Which pricing gives "$1,000 per TB per year"?',
  check(workspace, { derived }) {
    const answer = workspace.answers['thousand-basis'];
    if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
    if (answer === 'ds2-reserved-3y') {
      const implied = derived.calculation.ok ? derived.calculation.value.thousandPerTb : null;
      const discount = implied
        ? ` — about ${formatNumber(implied.impliedDiscount * 100, { maxDecimals: 0 })} % below on demand`
        : '';
      return {
        passed: true,
        feedback: `Right: it needs the three-year reservation’s lower hourly rate${discount}.`,
      };
    }
    const why: Record<string, string> = {
      'dc1-on-demand':
        'A dc1.large stores 160 GB, so its $0.25 an hour spreads over very little storage: per TB-year it is the most expensive type.',
      'ds2-on-demand':
        'On demand, dense storage costs several times $1,000 per TB-year (work out the question above); something must lower the hourly rate.',
      compression:
        'The figure is per TB of the cluster’s storage, whatever the data compresses to; compression lets you store more, but the price per TB is set by the node’s price.',
    };
    return { passed: false, feedback: why[answer] ?? 'That is not one of the options.' };
  },
};
