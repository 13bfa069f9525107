import { EC2_INSTANCE_TYPES } from '../catalog/index.ts';
import { ec2HourPriceId, emrFeePriceId } from '../pricing/index.ts';
import type { PriceBook } from '../pricing/index.ts';
import { InputChecker } from './inputs.ts';
import type { CalcError, Calculation, CalculationBase, CostLine, ExplainOptions } from './types.ts';
import { m, n, p, Worksheet } from './worksheet.ts';

/** On-demand or spot instances. */
export type PurchaseOption = 'on-demand' | 'spot';

/** What the learner tells the EMR calculator. */
export interface EmrInput {
  /** EC2 instance type of every node (master, core and task), such as `m3.xlarge`. */
  readonly instanceType: string;
  /** Nodes in the cluster, master included. */
  readonly instanceCount: number;
  /** Hours the cluster runs each time. */
  readonly hours: number;
  /** Separate runs (clusters started and terminated), each billed on its own (default 1). */
  readonly runs?: number;
  /** Default `on-demand`. */
  readonly purchase?: PurchaseOption;
  /** Spot price in US dollars per instance-hour (required for `spot`). */
  readonly spotPriceUsd?: number;
}

/** How the slide's "$0.15 / hr, 10-node Spark cluster" compares with the book's prices. */
export interface EmrSlideCheck {
  readonly slideUsdPerHour: 0.15;
  readonly slideNodes: 10;
  /** $0.15 ÷ 10 = $0.015 per node-hour. */
  readonly impliedUsdPerNodeHour: number;
  /** The cheapest type with both an EC2 price and an EMR fee in the book, or null if none has both. */
  readonly cheapest: { readonly instanceType: string; readonly usdPerNodeHour: number } | null;
  /** True only if some priced type makes 10 nodes cost $0.15/h or less on demand. */
  readonly possible: boolean;
  readonly explanation: string;
}

/** The EMR calculator's answer. */
export interface EmrResult extends CalculationBase {
  readonly instanceType: string;
  readonly purchase: PurchaseOption;
  /** Hours billed per instance per run after rounding (2016: whole hours; today: per second, 1-minute minimum). */
  readonly billedHoursPerRun: number;
  readonly instanceHours: number;
  readonly ec2Usd: number;
  readonly emrFeeUsd: number;
  readonly totalUsd: number;
  /** What the running cluster costs per hour (EC2 + EMR fee). */
  readonly clusterUsdPerHour: number;
  readonly costBreakdown: readonly CostLine[];
  /** Null when the caller turned slide explanations off. */
  readonly slideCheck: EmrSlideCheck | null;
}

/**
 * Prices an EMR cluster: EC2 instance-hours plus the EMR fee, with the era's billing rounding
 * (AWS-FACTS §5.2, row 60), and checks the slide's "$0.15/hr, 10-node Spark cluster" against the book.
 */
export function calculateEmr(
  input: EmrInput,
  book: PriceBook,
  options: ExplainOptions = {},
): Calculation<EmrResult> {
  const check = new InputChecker();
  const names = EC2_INSTANCE_TYPES.map((type) => type.name);
  const instanceType = check.choice('instanceType', input.instanceType, 'Instance type', names);
  const count = check.number('instanceCount', input.instanceCount, {
    label: 'Instances',
    min: 1,
    max: 1000,
    integer: true,
  });
  const hours = check.number('hours', input.hours, { label: 'Hours per run', min: 0, max: 8760 });
  const runs = check.optionalNumber('runs', input.runs, { label: 'Runs', min: 0, max: 10_000 }, 1);
  const purchase = check.choice('purchase', input.purchase ?? 'on-demand', 'Purchase option', [
    'on-demand',
    'spot',
  ] as const);
  let spotPrice = 0;
  if (purchase === 'spot') {
    if (input.spotPriceUsd === undefined) {
      check.problem(
        'spotPriceUsd',
        'Spot price (spotPriceUsd) is required for spot instances: give the price per instance-hour in US dollars.',
        'a number from 0 to 1,000',
      );
    } else {
      spotPrice = check.number('spotPriceUsd', input.spotPriceUsd, {
        label: 'Spot price',
        min: 0,
        max: 1000,
      });
    }
  }
  if (check.errors.length > 0) return { ok: false, errors: check.errors };

  const sheet = new Worksheet(book);
  const errors: CalcError[] = [];
  const ec2Id = ec2HourPriceId(instanceType);
  const feeId = emrFeePriceId(instanceType);
  const ec2Price = purchase === 'spot' ? spotPrice : sheet.price(ec2Id, errors);
  const fee = sheet.price(feeId, errors);
  if (ec2Price === undefined || fee === undefined) return { ok: false, errors };

  const increment = sheet.limit('emr.billingIncrementSeconds');
  const minimum = sheet.limit('emr.billingMinimumSeconds');
  const billedSeconds =
    hours === 0 ? 0 : Math.max(minimum, Math.ceil((hours * 3600) / increment) * increment);
  const billedHoursPerRun = sheet.step({
    id: 'billedHoursPerRun',
    label:
      increment >= 3600
        ? 'Billed hours per instance per run (partial hours round up)'
        : 'Billed hours per instance per run (per second, 1-minute minimum)',
    formula: increment >= 3600 ? '⌈hours⌉' : 'max(60 s, ⌈hours × 3,600⌉ s) ÷ 3,600',
    substituted: increment >= 3600 ? `⌈${n(hours, 4)}⌉` : `max(60, ⌈${n(hours * 3600, 2)}⌉) ÷ 3,600`,
    value: billedSeconds / 3600,
    unit: 'h',
    uses: ['emr.billingIncrementSeconds', 'emr.billingMinimumSeconds'],
  });
  const instanceHours = sheet.step({
    id: 'instanceHours',
    label: 'Instance-hours billed',
    formula: 'instances × billed hours per run × runs',
    substituted: `${count} × ${n(billedHoursPerRun, 4)} × ${n(runs)}`,
    value: count * billedHoursPerRun * runs,
    unit: 'instance-hours',
  });
  const ec2Usd = sheet.step({
    id: 'ec2Cost',
    label: purchase === 'spot' ? 'EC2 spot cost' : 'EC2 on-demand cost',
    formula: `instance-hours × ${purchase === 'spot' ? 'your spot price' : 'on-demand price'}`,
    substituted: `${n(instanceHours, 4)} × ${p(ec2Price)}`,
    value: instanceHours * ec2Price,
    unit: 'USD',
    uses: purchase === 'spot' ? [] : [ec2Id],
  });
  const emrFeeUsd = sheet.step({
    id: 'emrFee',
    label: 'EMR fee',
    formula: 'instance-hours × EMR fee per instance-hour',
    substituted: `${n(instanceHours, 4)} × ${p(fee)}`,
    value: instanceHours * fee,
    unit: 'USD',
    uses: [feeId],
  });
  const totalUsd = sheet.step({
    id: 'totalCost',
    label: 'Total',
    formula: 'EC2 + EMR fee',
    substituted: `${m(ec2Usd)} + ${m(emrFeeUsd)}`,
    value: ec2Usd + emrFeeUsd,
    unit: 'USD',
  });
  const clusterUsdPerHour = count * (ec2Price + fee);
  if (purchase === 'spot') {
    sheet.note(
      'info',
      'The spot price is yours; the EMR fee is added to spot instance-hours as well. In 2016 a partial hour ended by a spot interruption was not charged (not modelled here).',
      [feeId],
    );
  }
  const slideCheck = options.explainSlideFigures === false ? null : checkSlide(sheet);
  return {
    ok: true,
    value: {
      ...sheet.finish(),
      instanceType,
      purchase,
      billedHoursPerRun,
      instanceHours,
      ec2Usd,
      emrFeeUsd,
      totalUsd,
      clusterUsdPerHour,
      costBreakdown: [
        { id: 'ec2', label: 'EC2 instances', usd: ec2Usd, uses: purchase === 'spot' ? [] : [ec2Id] },
        { id: 'emrFee', label: 'EMR fee', usd: emrFeeUsd, uses: [feeId] },
      ],
      slideCheck,
    },
  };
}

/** Compares the slide's "$0.15/hr, 10-node Spark cluster" with the cheapest priced type in the book. */
function checkSlide(sheet: Worksheet): EmrSlideCheck {
  const slideUsdPerHour = 0.15;
  const slideNodes = 10;
  const implied = sheet.step({
    id: 'slidePerNodeHour',
    label: 'The slide’s "$0.15 / hr, 10-node Spark cluster" per node',
    formula: '$0.15 per hour ÷ 10 nodes',
    substituted: '$0.15 ÷ 10',
    value: slideUsdPerHour / slideNodes,
    unit: 'USD per node-hour',
  });
  const priced = EC2_INSTANCE_TYPES.flatMap((type) => {
    const ec2 = sheet.book.prices[ec2HourPriceId(type.name)];
    const fee = sheet.book.prices[emrFeePriceId(type.name)];
    return ec2 && fee
      ? [{ instanceType: type.name, ec2: ec2.value, fee: fee.value, usd: ec2.value + fee.value }]
      : [];
  }).sort((a, b) => a.usd - b.usd);
  const cheapest = priced[0];
  if (!cheapest) {
    const explanation =
      'This book has no instance type with both an EC2 price and an EMR fee, so the slide’s figure cannot be rebuilt from it. Choose the 2016 book or supply overrides.';
    sheet.note('warning', explanation);
    return {
      slideUsdPerHour,
      slideNodes,
      impliedUsdPerNodeHour: implied,
      cheapest: null,
      possible: false,
      explanation,
    };
  }
  const uses = [ec2HourPriceId(cheapest.instanceType), emrFeePriceId(cheapest.instanceType)];
  const tenNodes = sheet.step({
    id: 'slideCheapestCluster',
    label: `10 nodes of the cheapest priced type (${cheapest.instanceType}) on demand`,
    formula: '10 × (EC2 price + EMR fee) per hour',
    substituted: `10 × (${p(cheapest.ec2)} + ${p(cheapest.fee)})`,
    value: slideNodes * cheapest.usd,
    unit: 'USD per hour',
    uses,
  });
  const feeOnly = sheet.step({
    id: 'slideSpotFloor',
    label: 'The floor even if spot instances were free: the EMR fee alone',
    formula: '10 × EMR fee per hour',
    substituted: `10 × ${p(cheapest.fee)}`,
    value: slideNodes * cheapest.fee,
    unit: 'USD per hour',
    uses: [uses[1] as string],
  });
  const possible = tenNodes <= slideUsdPerHour;
  const explanation = possible
    ? `10 × ${cheapest.instanceType} costs ${m(tenNodes)} per hour, within the slide’s $0.15.`
    : `No sourced price makes the slide’s figure: 10 × ${cheapest.instanceType} costs ${m(tenNodes)} per hour on demand, ` +
      `${n(tenNodes / slideUsdPerHour, 1)}× the slide’s $0.15, and even with free spot instances the EMR fee alone is ` +
      `${m(feeOnly)} per hour. The slide’s figure implies ${p(implied)} per node-hour, which no priced type reaches.`;
  sheet.note(possible ? 'info' : 'warning', explanation, uses);
  return {
    slideUsdPerHour,
    slideNodes,
    impliedUsdPerNodeHour: implied,
    cheapest: { instanceType: cheapest.instanceType, usdPerNodeHour: cheapest.usd },
    possible,
    explanation,
  };
}
