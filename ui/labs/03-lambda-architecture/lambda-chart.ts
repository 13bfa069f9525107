/**
 * The Lambda architecture chart's geometry, computed with d3 scales and shapes: the true count, the served
 * answer (batch view + speed layer), the batch view alone and the speed layer's counter for one page over
 * simulated time, up to how far the learner has run. Pure, so Svelte can keep it in `$derived`.
 */
import { line, scaleLinear } from 'd3';
import type { LambdaArchObservation, Page } from '../../../sim/lambda-arch';
import type { FrameLayout, XTick } from '../../charts/chart-frame';

/** One plotted series. */
export interface ChartSeries {
  readonly key: 'truth' | 'served' | 'batch' | 'speed';
  readonly label: string;
  readonly path: string;
  /** The value at the run's current time, for the legend. */
  readonly last: number;
}

/** Everything the chart component draws. */
export interface LambdaChartLayout extends FrameLayout {
  readonly series: readonly ChartSeries[];
  readonly xTicks: readonly XTick[];
  /** Where the "now" marker goes. */
  readonly nowX: number;
}

const labels: Record<ChartSeries['key'], string> = {
  truth: 'True count',
  served: 'Served (batch + speed)',
  batch: 'Batch view',
  speed: 'Speed layer',
};

/**
 * Lays the chart out for `page`, from observations sampled over the whole horizon (`timeline`), drawing
 * only those up to `until` milliseconds; the axes always span the whole run so the lines grow in place.
 */
export function layoutLambdaChart(
  observations: readonly LambdaArchObservation[],
  page: Page,
  until: number,
  horizon: number,
  size = { width: 800, height: 340 },
): LambdaChartLayout {
  const plot = { left: 56, top: 16, right: size.width - 32, bottom: size.height - 44 };
  const shown = observations.filter((o) => o.now <= until);
  const maxValue = Math.max(
    1,
    ...observations.map((o) => Math.max(o.truth[page], o.served[page], o.batch[page], o.speed[page])),
  );
  const x = scaleLinear().domain([0, horizon]).range([plot.left, plot.right]);
  const y = scaleLinear().domain([0, maxValue]).nice().range([plot.bottom, plot.top]);
  const series = (['truth', 'served', 'batch', 'speed'] as const).map((key) => {
    const value = (o: LambdaArchObservation) => o[key][page];
    const path =
      line<LambdaArchObservation>()
        .x((o) => x(o.now))
        .y((o) => y(value(o)))(shown) ?? '';
    const lastObservation = shown.at(-1);
    return { key, label: labels[key], path, last: lastObservation ? value(lastObservation) : 0 };
  });
  return {
    width: size.width,
    height: size.height,
    plot,
    series,
    xTicks: x.ticks(8).map((t) => ({ x: x(t), label: `${t / 1000} s` })),
    yTicks: y.ticks(5).map((t) => ({ y: y(t), label: String(t) })),
    nowX: x(Math.min(until, horizon)),
  };
}
