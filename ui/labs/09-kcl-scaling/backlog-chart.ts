/**
 * The KCL backlog chart's geometry (d3): records written but not yet processed over the run, with a mark
 * at each of the learner's operations. The axes span the whole run so the line grows in place. Pure.
 */
import { line, scaleLinear } from 'd3';
import { formatCount } from '../../../sim/core/index.ts';
import type { BacklogSample, KclOperation } from '../../../labs/09-kcl-scaling/kcl-run';
import type { FrameLayout, XTick } from '../../charts/chart-frame';

/** Everything the backlog chart draws. */
export interface BacklogChartLayout extends FrameLayout {
  readonly path: string;
  readonly marks: readonly { readonly x: number; readonly label: string }[];
  readonly xTicks: readonly XTick[];
  readonly nowX: number;
}

const labelOf = (operation: KclOperation) =>
  operation.op === 'addWorker'
    ? '+ worker'
    : operation.op === 'crashWorker'
      ? `✕ ${operation.workerId}`
      : 'split';

/** Lays out the backlog chart for a run of `horizonSeconds`. */
export function layoutBacklogChart(
  samples: readonly BacklogSample[],
  operations: readonly KclOperation[],
  horizonSeconds: number,
  size = { width: 800, height: 240 },
): BacklogChartLayout {
  const plot = { left: 64, top: 28, right: size.width - 20, bottom: size.height - 40 };
  const x = scaleLinear().domain([0, horizonSeconds]).range([plot.left, plot.right]);
  const y = scaleLinear()
    .domain([0, Math.max(500, ...samples.map((s) => s.backlog))])
    .nice()
    .range([plot.bottom, plot.top]);
  return {
    width: size.width,
    height: size.height,
    plot,
    path:
      line<BacklogSample>()
        .x((s) => x(s.atSeconds))
        .y((s) => y(s.backlog))(samples as BacklogSample[]) ?? '',
    marks: operations.map((operation) => ({ x: x(operation.atSeconds), label: labelOf(operation) })),
    xTicks: x.ticks(10).map((t) => ({ x: x(t), label: `${t} s` })),
    yTicks: y.ticks(4).map((t) => ({ y: y(t), label: formatCount(t) })),
    nowX: x(samples.at(-1)?.atSeconds ?? 0),
  };
}
