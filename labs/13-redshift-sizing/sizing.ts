/**
 * Sizes and prices the learner's cluster with the Redshift calculator, and models the monthly report's
 * time on it: what the checks and the explorable read.
 */
import { calculateRedshift, type CalcError, type RedshiftResult } from '../../sim/calc/index.ts';
import { findRedshiftNodeType } from '../../sim/catalog/index.ts';
import { HOURS_PER_MONTH } from '../../sim/core/index.ts';
import { redshiftNodePriceId } from '../../sim/pricing/index.ts';
import {
  modelledScanRatePerSlice,
  modelledScanSeconds,
  sizingNodeTypes,
  sizingScenario,
} from './scenario.ts';
import type { SizingWorkspace } from './workspace.ts';

/** The learner's cluster against the scenario. */
export interface SizingAssessment {
  /** The calculator's answer for the cluster (storage, slices, prices, the "$1,000 / TB" steps). */
  readonly calculation:
    | { readonly ok: true; readonly value: RedshiftResult }
    | { readonly ok: false; readonly errors: readonly CalcError[] };
  /** Null when the calculator refused the cluster. */
  readonly report: {
    /** Bytes per second one slice reads in the model. */
    readonly scanRatePerSlice: number;
    /** Modelled seconds for the monthly report. */
    readonly seconds: number;
  } | null;
  /** On-demand cost of an always-on month (730 h); null when the cluster cannot be priced. */
  readonly monthlyUsd: number | null;
}

/** Prices and models the learner's cluster. Pure. */
export function assessCluster(workspace: SizingWorkspace): SizingAssessment {
  const { nodeType, nodeCount } = workspace.cluster;
  const calculation = calculateRedshift({ nodeType, nodeCount }, sizingScenario.book);
  const node = findRedshiftNodeType(nodeType);
  if (!calculation.ok || !node) return { calculation, report: null, monthlyUsd: null };
  const { slices, usdPerHour } = calculation.value;
  return {
    calculation,
    report: {
      scanRatePerSlice: modelledScanRatePerSlice(node),
      seconds: modelledScanSeconds(sizingScenario.reportScanBytes, slices, node),
    },
    monthlyUsd: usdPerHour * HOURS_PER_MONTH,
  };
}

/** What one node type offers, per node and per dollar an hour: the table the learner compares. */
export interface NodeTypeOffer {
  readonly nodeType: string;
  readonly family: string;
  readonly storageTb: number;
  readonly slices: number;
  readonly minNodes: number;
  readonly maxNodes: number;
  /** On-demand price per node-hour from the price book; null when the book has none. */
  readonly usdPerNodeHour: number | null;
  /** Modelled bytes per second one slice scans. */
  readonly scanRatePerSlice: number;
}

/** Every 2016 node type with its storage, slices and price, from the catalogue and the price book. */
export const nodeTypeOffers: readonly NodeTypeOffer[] = sizingNodeTypes.map((node) => {
  const price = sizingScenario.book.prices[redshiftNodePriceId(node.name)];
  return {
    nodeType: node.name,
    family: node.family,
    storageTb: node.storageGbPerNode / 1000,
    slices: node.slicesPerNode,
    minNodes: node.minNodes,
    maxNodes: node.maxNodes,
    usdPerNodeHour: price?.value ?? null,
    scanRatePerSlice: modelledScanRatePerSlice(node),
  };
});
