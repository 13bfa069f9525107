/**
 * The warehouse the learner sizes: a year of the workshop's web logs in Redshift, a monthly report with a
 * time target, and a budget. The volume, the report, the target and the budget are this lab's assumptions,
 * stated to the learner as such; node specs come from the catalogue (AWS-FACTS §6.1) and prices from the
 * 2016 price book through the Redshift calculator.
 */
import { bytes, bytesPerSecond, type Bytes, type BytesPerSecond, usd } from '../../sim/core/index.ts';
import { REDSHIFT_NODE_TYPES, type RedshiftNodeType } from '../../sim/catalog/index.ts';
import { PRICE_BOOKS } from '../../sim/pricing/index.ts';

/** The warehouse's workload and limits. */
export const sizingScenario = {
  /** A year of web logs as Redshift stores them (compressed, columnar), in decimal TB like the node table. */
  dataTb: 3,
  /** What the monthly report reads: three of the nine columns of the year. */
  reportScanBytes: bytes(600 * 1e9),
  /** The report must finish within this many seconds (modelled time). */
  reportTargetSeconds: 90,
  /** On-demand, always-on budget per month. */
  monthlyBudgetUsd: usd(5_000),
  /** The workshop's 2016 us-east-1 prices. */
  book: PRICE_BOOKS['2016'],
} as const;

/**
 * The rate at which one slice reads its share of a column from disk in this lab's model: an assumption,
 * not an AWS figure (AWS publishes no per-slice scan rate). Dense compute nodes read from SSD, dense
 * storage nodes from spinning disks, so the model gives an SSD slice twice the rate of an HDD slice.
 */
export function modelledScanRatePerSlice(node: RedshiftNodeType): BytesPerSecond {
  return bytesPerSecond(node.family === 'dense storage' ? 100e6 : 200e6);
}

/** The node types of the workshop's era, the ones the 2016 price book prices. */
export const sizingNodeTypes: readonly RedshiftNodeType[] = REDSHIFT_NODE_TYPES.filter(
  (node) => node.era === '2016',
);

/** Modelled seconds for a full scan of `scan` bytes spread evenly over `slices` slices. */
export function modelledScanSeconds(scan: Bytes, slices: number, node: RedshiftNodeType): number {
  return scan / slices / modelledScanRatePerSlice(node);
}
