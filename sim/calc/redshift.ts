import { findRedshiftNodeType, REDSHIFT_NODE_TYPES, type RedshiftNodeType } from '../catalog/index.ts';
import { HOURS_PER_YEAR } from '../core/index.ts';
import { PRICE_BOOKS } from '../pricing/index.ts';
import { redshiftNodePriceId } from '../pricing/index.ts';
import type { PriceBook } from '../pricing/index.ts';
import { InputChecker } from './inputs.ts';
import type { CalcError, Calculation, CalculationBase, ExplainOptions } from './types.ts';
import { m, n, p, Worksheet } from './worksheet.ts';

/** What the learner tells the Redshift calculator. */
export interface RedshiftInput {
  /** Node type, such as `dc1.large` (the lab's) or `ds2.xlarge`. */
  readonly nodeType: string;
  /** Compute nodes in the cluster. */
  readonly nodeCount: number;
}

/** How the "$1,000 per TB per year" claim compares with on-demand prices. */
export interface ThousandPerTbCheck {
  /** ds2.xlarge on demand: $0.85 × 8,760 h ÷ 2 TB ≈ $3,723 per TB-year. */
  readonly onDemandDs2UsdPerTbYear: number;
  /** The node-hour price at which ds2.xlarge would cost $1,000 per TB-year. */
  readonly impliedDs2UsdPerNodeHour: number;
  /** The discount from on-demand that $1,000/TB/yr implies (0.73 = 73 % off). */
  readonly impliedDiscount: number;
}

/** The Redshift calculator's answer. */
export interface RedshiftResult extends CalculationBase {
  readonly node: RedshiftNodeType;
  readonly nodeCount: number;
  /** Storage in TB (decimal, as the node table prints it). */
  readonly storageTb: number;
  readonly slices: number;
  readonly usdPerHour: number;
  readonly usdPerYear: number;
  readonly usdPerTbYear: number;
  /** Null when slide explanations are off. */
  readonly thousandPerTb: ThousandPerTbCheck | null;
}

/**
 * Sizes and prices a Redshift cluster on demand (AWS-FACTS §6.1, §6.7, rows 65–68) and shows how the
 * "$1,000 / TB / year" claim relates to on-demand prices.
 */
export function calculateRedshift(
  input: RedshiftInput,
  book: PriceBook,
  options: ExplainOptions = {},
): Calculation<RedshiftResult> {
  const check = new InputChecker();
  const names = REDSHIFT_NODE_TYPES.map((node) => node.name);
  const nodeType = check.choice('nodeType', input.nodeType, 'Node type', names);
  if (check.errors.length > 0) return { ok: false, errors: check.errors };
  const node = findRedshiftNodeType(nodeType) as RedshiftNodeType;
  const nodeCount = check.number('nodeCount', input.nodeCount, {
    label: `Nodes of ${node.name}`,
    min: node.minNodes,
    max: node.maxNodes,
    integer: true,
  });
  if (check.errors.length > 0) return { ok: false, errors: check.errors };

  const sheet = new Worksheet(book);
  const errors: CalcError[] = [];
  const priceId = redshiftNodePriceId(node.name);
  const nodeHour = sheet.price(priceId, errors);
  if (nodeHour === undefined) return { ok: false, errors };
  const storageTb = sheet.step({
    id: 'storageTb',
    label: 'Storage',
    formula: 'nodes × storage per node',
    substituted: `${nodeCount} × ${n(node.storageGbPerNode)} GB`,
    value: (nodeCount * node.storageGbPerNode) / 1000,
    unit: 'TB',
    note:
      node.storageKind === 'managed'
        ? 'RA3: the most managed storage the nodes can address, billed separately.'
        : undefined,
  });
  const slices = sheet.step({
    id: 'slices',
    label: 'Slices (parallel units; split COPY input into a multiple of this)',
    formula: 'nodes × slices per node',
    substituted: `${nodeCount} × ${node.slicesPerNode}`,
    value: nodeCount * node.slicesPerNode,
    unit: 'slices',
  });
  const usdPerHour = sheet.step({
    id: 'usdPerHour',
    label: 'Cost per hour (on demand)',
    formula: 'nodes × price per node-hour',
    substituted: `${nodeCount} × ${p(nodeHour)}`,
    value: nodeCount * nodeHour,
    unit: 'USD per hour',
    uses: [priceId],
  });
  const usdPerYear = sheet.step({
    id: 'usdPerYear',
    label: 'Cost per year (on demand, always on)',
    formula: 'cost per hour × 8,760 h',
    substituted: `${p(usdPerHour)} × ${n(HOURS_PER_YEAR)}`,
    value: usdPerHour * HOURS_PER_YEAR,
    unit: 'USD',
  });
  const usdPerTbYear = sheet.step({
    id: 'usdPerTbYear',
    label: 'Cost per TB per year (on demand)',
    formula: 'cost per year ÷ TB',
    substituted: `${m(usdPerYear)} ÷ ${n(storageTb, 3)}`,
    value: usdPerYear / storageTb,
    unit: 'USD per TB-year',
  });
  if (node.storageKind === 'managed') {
    sheet.note(
      'warning',
      `${node.name} keeps data in Redshift managed storage, billed separately per GB-month and not included here. ` +
        'The cost per TB-year above divides the node cost by the most storage the nodes can address, so it is not ' +
        'a cost per TB you actually store.',
      [priceId],
    );
  }
  const thousandPerTb = options.explainSlideFigures === false ? null : explainThousandPerTb(sheet);
  return {
    ok: true,
    value: {
      ...sheet.finish(),
      node,
      nodeCount,
      storageTb,
      slices,
      usdPerHour,
      usdPerYear,
      usdPerTbYear,
      thousandPerTb,
    },
  };
}

/** Steps for "$1,000 / TB / year": on-demand ds2.xlarge per TB-year and the rate $1,000 implies. */
function explainThousandPerTb(sheet: Worksheet): ThousandPerTbCheck | null {
  const id = redshiftNodePriceId('ds2.xlarge');
  const ds2 = PRICE_BOOKS['2016'].prices[id];
  const spec = findRedshiftNodeType('ds2.xlarge');
  if (!ds2 || !spec) return null;
  const tb = spec.storageGbPerNode / 1000;
  const onDemand = sheet.step({
    id: 'thousandPerTbOnDemand',
    label: '"$1,000 / TB / year" check: ds2.xlarge on demand (2016)',
    formula: 'price per node-hour × 8,760 h ÷ 2 TB per node',
    substituted: `${p(ds2.value)} × ${n(HOURS_PER_YEAR)} ÷ ${n(tb)}`,
    value: (ds2.value * HOURS_PER_YEAR) / tb,
    unit: 'USD per TB-year',
    uses: [id],
  });
  const implied = sheet.step({
    id: 'thousandPerTbImpliedRate',
    label: 'Node-hour price that $1,000 / TB / year implies for ds2.xlarge',
    formula: '$1,000 × 2 TB ÷ 8,760 h',
    substituted: `$1,000 × ${n(tb)} ÷ ${n(HOURS_PER_YEAR)}`,
    value: (1000 * tb) / HOURS_PER_YEAR,
    unit: 'USD per node-hour',
  });
  const discount = sheet.step({
    id: 'thousandPerTbDiscount',
    label: 'Discount from on-demand that this implies',
    formula: '(1 − implied price ÷ on-demand price) × 100',
    substituted: `(1 − ${p(implied)} ÷ ${p(ds2.value)}) × 100`,
    value: (1 - implied / ds2.value) * 100,
    unit: '%',
  });
  sheet.note(
    'info',
    `"$1,000 per TB per year" is AWS’s marketing figure for 3-year reserved dense-storage (DS2) nodes; the exact reserved ` +
      `price table is unconfirmed. On demand, ds2.xlarge costs about ${m(onDemand)} per TB-year; $1,000 needs an effective ` +
      `${p(implied)} per node-hour, about ${n(discount, 0)} % below on-demand.`,
    [id],
  );
  return {
    onDemandDs2UsdPerTbYear: onDemand,
    impliedDs2UsdPerNodeHour: implied,
    impliedDiscount: discount / 100,
  };
}
