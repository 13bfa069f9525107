/**
 * The Firehose buffer chart's geometry (d3 scales and shapes): the bytes waiting in the buffer over the
 * run, a mark at each delivery coloured by the hint that fired, and the size hint's line when it fits on
 * the chart. Pure, so Svelte keeps it in `$derived` and a test can check it.
 */
import { area, scaleLinear } from 'd3';
import { formatBytes, formatNumber } from '../../../sim/core/index.ts';
import { KIB, MIB } from '../../../sim/core/index.ts';
import type { BufferingRun } from '../../../labs/kit/buffering-run';
import type { FrameLayout, XTick } from '../../charts/chart-frame';

/** Everything the buffer chart draws. */
export interface BufferChartLayout extends FrameLayout {
  /** The filled area of bytes in the buffer. */
  readonly fillPath: string;
  readonly deliveries: readonly {
    readonly x: number;
    readonly trigger: 'size' | 'interval';
    readonly label: string;
  }[];
  /** Where the size hint's line goes, or null when it is far above the highest fill. */
  readonly sizeLimitY: number | null;
  readonly sizeLimitLabel: string;
  readonly xTicks: readonly XTick[];
  readonly maxFillBytes: number;
}

/** The size hint is drawn when it is at most this many times the highest fill; beyond, the chart would be flat. */
const LIMIT_SHOWN_UP_TO = 2.5;

/** Lays out the buffer chart for one run. */
export function layoutBufferChart(run: BufferingRun, size = { width: 800, height: 280 }): BufferChartLayout {
  const plot = { left: 84, top: 16, right: size.width - 24, bottom: size.height - 40 };
  const fills = run.fillAtSecond;
  const maxFill = Math.max(1, ...fills);
  const limit = run.settings.sizeMB * MIB;
  const showLimit = limit <= maxFill * LIMIT_SHOWN_UP_TO;
  const x = scaleLinear()
    .domain([0, fills.length - 1])
    .range([plot.left, plot.right]);
  const top = showLimit ? Math.max(limit, maxFill) : maxFill;
  // Ticks fall on round numbers of the unit the axis reads in, not of bytes.
  const unit = top >= MIB ? { bytes: MIB, name: 'MiB' } : { bytes: KIB, name: 'KiB' };
  const yInUnits = scaleLinear()
    .domain([0, top / unit.bytes])
    .nice(4);
  const y = scaleLinear()
    .domain(yInUnits.domain().map((v) => v * unit.bytes))
    .range([plot.bottom, plot.top]);
  const fillPath =
    area<number>()
      .x((_, second) => x(second))
      .y0(plot.bottom)
      .y1((bytes) => y(bytes))(fills as number[]) ?? '';
  return {
    width: size.width,
    height: size.height,
    plot,
    fillPath,
    deliveries: run.objects.map((o) => ({
      x: x(o.deliveredAtSecond),
      trigger: o.trigger,
      label: `${o.deliveredAtSecond} s`,
    })),
    sizeLimitY: showLimit ? y(limit) : null,
    sizeLimitLabel: `Size hint ${run.settings.sizeMB} MB (${formatBytes(limit)})`,
    xTicks: Array.from({ length: Math.floor((fills.length - 1) / 300) + 1 }, (_, i) => i * 300).map((t) => ({
      x: x(t),
      label: `${t / 60} min`,
    })),
    yTicks: yInUnits
      .ticks(4)
      .map((t) => ({ y: y(t * unit.bytes), label: `${formatNumber(t)} ${unit.name}` })),
    maxFillBytes: maxFill,
  };
}
