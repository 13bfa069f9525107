/**
 * Session 4: size the Redshift warehouse for a year of web logs — storage for the volume, slices for the
 * report's time target, node-hours for the budget — and find where "$1,000 per TB per year" comes from.
 * Priced by the Redshift calculator, so any cluster meeting all three constraints passes.
 */
import type { LabDefinition } from '../engine/types.ts';
import {
  ds2OnDemandQuestion,
  holdsData,
  meetsReportTarget,
  thousandBasisQuestion,
  withinBudget,
} from './checks.ts';
import { assessCluster, type SizingAssessment } from './sizing.ts';
import { reduceSizing, startWorkspace, type SizingAction, type SizingWorkspace } from './workspace.ts';

/** The Redshift sizing lab. */
export const redshiftSizingLab = {
  id: 'redshift-sizing',
  session: 4,
  title: 'Size the warehouse',
  objectives: [
    'Choose a Redshift node type and count that hold a given volume of data.',
    'Reason about query time from slices: each slice scans its share of the data in parallel.',
    'Meet storage, speed and budget together, and say why the cheapest storage is not always the answer.',
    'Work out what Redshift costs per TB-year on demand and where "$1,000 per TB per year" comes from.',
  ],
  estimatedMinutes: 15,
  text: new URL('./lab.md', import.meta.url),
  initialWorkspace: startWorkspace,
  reduce: reduceSizing,
  derive: (workspace): SizingAssessment => assessCluster(workspace),
  steps: [
    {
      id: 'volume',
      title: 'Hold the data',
      tasks: [holdsData],
      hints: [
        'Storage = compute nodes × storage per node; the node table lists each type’s storage.',
        'A dc1.large stores 160 GB, a ds2.xlarge 2 TB.',
        'Two ds2.xlarge nodes hold 4 TB.',
      ],
      solution: [{ type: 'set-cluster', nodeType: 'ds2.xlarge', nodeCount: 2 }],
    },
    {
      id: 'speed',
      title: 'Meet the report’s target',
      tasks: [holdsData, meetsReportTarget],
      hints: [
        'Every slice scans its own share of the data at the same time, so the report takes as long as one slice’s share.',
        'Dense storage nodes have 2 slices (xlarge) or 16 (8xlarge); dense compute nodes 2 (large) or 32 (8xlarge), and their SSD slices read faster in this model.',
        'Two dc1.8xlarge nodes have 64 fast slices.',
      ],
      solution: [{ type: 'set-cluster', nodeType: 'dc1.8xlarge', nodeCount: 2 }],
    },
    {
      id: 'budget',
      title: 'Fit the budget',
      tasks: [holdsData, meetsReportTarget, withinBudget],
      hints: [
        'Compare the node types by what one dollar an hour buys: terabytes, and slices.',
        'The small dense compute node gives the most slices per dollar; enough of them also hold the data.',
        'Twenty dc1.large nodes: 3.2 TB and 40 slices for $5 an hour.',
      ],
      solution: [{ type: 'set-cluster', nodeType: 'dc1.large', nodeCount: 20 }],
    },
    {
      id: 'thousand',
      title: 'Where "$1,000 per TB per year" comes from',
      tasks: [ds2OnDemandQuestion, thousandBasisQuestion],
      hints: [
        'A year has 8,760 hours; a ds2.xlarge stores 2 TB and costs $0.85 an hour on demand in 2016.',
        'On demand the answer is several times $1,000: the slogan assumes paying differently for the same nodes.',
        '$0.85 × 8,760 ÷ 2 ≈ $3,723; the slogan is for DS2 nodes reserved for three years.',
      ],
      solution: [
        { type: 'answer', question: 'ds2-on-demand-per-tb-year', value: 3723 },
        { type: 'answer', question: 'thousand-basis', value: 'ds2-reserved-3y' },
      ],
    },
  ],
} satisfies LabDefinition<SizingWorkspace, SizingAction, SizingAssessment>;
