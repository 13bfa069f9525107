import { PRICE_BOOKS } from '../pricing/index.ts';
import type { PriceBook, PriceRecord } from '../pricing/index.ts';
import { InputChecker } from './inputs.ts';
import type { CalcError, Calculation, CalculationBase, CostLine, ExplainOptions } from './types.ts';
import { m, n, p, Worksheet } from './worksheet.ts';

/** Storage classes the calculator prices. */
export type StorageClass = 'standard' | 'standard-ia' | 'glacier';

/** What the learner tells the S3 and Glacier calculator. */
export interface S3Input {
  /** Data stored, in TB (1 TB = 1,024 GB, as the price ladder and the slides count it). */
  readonly terabytes: number;
  /** Months the data stays stored. */
  readonly months: number;
  /** Storage class (default `standard`). */
  readonly storageClass?: StorageClass;
  /** PUT/COPY/POST/LIST requests per month (default 0). */
  readonly putRequestsPerMonth?: number;
  /** GET requests per month (default 0). */
  readonly getRequestsPerMonth?: number;
}

/** The S3 and Glacier calculator's answer. */
export interface S3Result extends CalculationBase {
  readonly storageClass: StorageClass;
  readonly gigabytes: number;
  readonly storageUsdPerMonth: number;
  readonly requestsUsdPerMonth: number;
  readonly monthlyCostUsd: number;
  /** Monthly cost × months. */
  readonly totalCostUsd: number;
  /** Average storage price per TB-month for this amount. */
  readonly usdPerTbMonth: number;
  readonly costBreakdown: readonly CostLine[];
}

const GB_PER_TB = 1024;
const CLASS_LABELS: Record<StorageClass, string> = {
  standard: 'S3 Standard',
  'standard-ia': 'S3 Standard-IA',
  glacier: 'Glacier',
};

/**
 * Prices data kept in S3 or Glacier for some months (AWS-FACTS §4, rows 55–57), walking the tiered
 * Standard ladder, and shows where the slides' "$28.16 / TB / month" and "$7.16 / TB / month" come from.
 */
export function calculateS3(
  input: S3Input,
  book: PriceBook,
  options: ExplainOptions = {},
): Calculation<S3Result> {
  const check = new InputChecker();
  const terabytes = check.number('terabytes', input.terabytes, {
    label: 'Terabytes stored',
    min: 0,
    max: 1_000_000,
  });
  const months = check.number('months', input.months, {
    label: 'Months stored',
    min: 1,
    max: 120,
    integer: true,
  });
  const storageClass = check.choice('storageClass', input.storageClass ?? 'standard', 'Storage class', [
    'standard',
    'standard-ia',
    'glacier',
  ] as const);
  const countRule = { min: 0, max: 1e12, integer: true } as const;
  const puts = check.optionalNumber(
    'putRequestsPerMonth',
    input.putRequestsPerMonth,
    { label: 'PUT requests per month', ...countRule },
    0,
  );
  const gets = check.optionalNumber(
    'getRequestsPerMonth',
    input.getRequestsPerMonth,
    { label: 'GET requests per month', ...countRule },
    0,
  );
  if (check.errors.length > 0) return { ok: false, errors: check.errors };

  const sheet = new Worksheet(book);
  const errors: CalcError[] = [];
  const gigabytes = sheet.step({
    id: 'gigabytes',
    label: 'GB stored',
    formula: 'TB × 1,024',
    substituted: `${n(terabytes, 4)} × 1,024`,
    value: terabytes * GB_PER_TB,
    unit: 'GB',
  });
  const storage =
    storageClass === 'standard'
      ? standardLadder(sheet, errors, gigabytes)
      : flatStorage(
          sheet,
          errors,
          gigabytes,
          storageClass === 'glacier' ? 'glacier.storage' : 's3.standardIa',
        );
  const requests = requestCost(sheet, errors, puts, gets);
  if (errors.length > 0 || storage === undefined || requests === undefined) return { ok: false, errors };
  const lines: CostLine[] = [
    { id: 'storage', label: `${CLASS_LABELS[storageClass]} storage`, usd: storage.usd, uses: storage.uses },
  ];
  if (requests.usd > 0)
    lines.push({ id: 'requests', label: 'Requests', usd: requests.usd, uses: requests.uses });
  const monthly = sheet.step({
    id: 'monthlyCost',
    label: 'Monthly cost',
    formula: 'storage + requests',
    substituted: `${m(storage.usd)} + ${m(requests.usd)}`,
    value: storage.usd + requests.usd,
    unit: 'USD',
  });
  const total = sheet.step({
    id: 'totalCost',
    label: `Cost over ${months} month${months === 1 ? '' : 's'}`,
    formula: 'monthly cost × months',
    substituted: `${m(monthly)} × ${months}`,
    value: monthly * months,
    unit: 'USD',
  });
  if (options.explainSlideFigures !== false) explainSlideFigures(sheet);
  return {
    ok: true,
    value: {
      ...sheet.finish(),
      storageClass,
      gigabytes,
      storageUsdPerMonth: storage.usd,
      requestsUsdPerMonth: requests.usd,
      monthlyCostUsd: monthly,
      totalCostUsd: total,
      usdPerTbMonth: terabytes > 0 ? storage.usd / terabytes : 0,
      costBreakdown: lines,
    },
  };
}

/** The Standard tiers of the book, in order. */
function ladder(book: PriceBook): PriceRecord[] {
  return Object.values(book.prices)
    .filter((record) => record.id.startsWith('s3.standard.tier') && record.tier)
    .sort((a, b) => (a.tier?.from ?? 0) - (b.tier?.from ?? 0));
}

function standardLadder(sheet: Worksheet, errors: CalcError[], gigabytes: number) {
  const tiers = ladder(sheet.book);
  let usd = 0;
  const uses: string[] = [];
  for (const tier of tiers) {
    const band = tier.tier;
    if (!band || gigabytes <= band.from) continue;
    const price = sheet.price(tier.id, errors) ?? 0;
    const inBand = Math.min(gigabytes, band.to ?? Infinity) - band.from;
    uses.push(tier.id);
    usd += sheet.step({
      id: `storage.${tier.id}`,
      label: tier.label,
      formula: 'GB in this band × price per GB-month',
      substituted: `${n(inBand)} × ${p(price)}`,
      value: inBand * price,
      unit: 'USD',
      uses: [tier.id],
    });
  }
  return { usd, uses };
}

function flatStorage(sheet: Worksheet, errors: CalcError[], gigabytes: number, id: string) {
  const price = sheet.price(id, errors);
  if (price === undefined) return undefined;
  const usd = sheet.step({
    id: `storage.${id}`,
    label: sheet.book.prices[id]?.label ?? id,
    formula: 'GB × price per GB-month',
    substituted: `${n(gigabytes)} × ${p(price)}`,
    value: gigabytes * price,
    unit: 'USD',
    uses: [id],
  });
  return { usd, uses: [id] };
}

function requestCost(sheet: Worksheet, errors: CalcError[], puts: number, gets: number) {
  if (puts === 0 && gets === 0) return { usd: 0, uses: [] };
  const putPrice = sheet.price('s3.putPer1000', errors);
  const getPrice = sheet.price('s3.getPer10000', errors);
  if (putPrice === undefined || getPrice === undefined) return undefined;
  const putUsd = sheet.step({
    id: 'putRequestCost',
    label: 'PUT requests',
    formula: 'PUT requests ÷ 1,000 × price per 1,000',
    substituted: `${n(puts)} ÷ 1,000 × ${p(putPrice)}`,
    value: (puts / 1000) * putPrice,
    unit: 'USD',
    uses: ['s3.putPer1000'],
  });
  const getUsd = sheet.step({
    id: 'getRequestCost',
    label: 'GET requests',
    formula: 'GET requests ÷ 10,000 × price per 10,000',
    substituted: `${n(gets)} ÷ 10,000 × ${p(getPrice)}`,
    value: (gets / 10000) * getPrice,
    unit: 'USD',
    uses: ['s3.getPer10000'],
  });
  return { usd: putUsd + getUsd, uses: ['s3.putPer1000', 's3.getPer10000'] };
}

/** Steps showing how the slides' per-TB figures follow from per-GB prices (only with the 2016 prices). */
function explainSlideFigures(sheet: Worksheet): void {
  if (sheet.book.id !== '2016') {
    sheet.note(
      'info',
      'The slides’ "$28.16" (S3) and "$7.16" (Glacier) per TB-month are 2016 prices; choose the 2016 book to see how they arise.',
    );
    return;
  }
  const top = PRICE_BOOKS['2016'].prices['s3.standard.tier6'];
  const glacier = PRICE_BOOKS['2016'].prices['glacier.storage'];
  if (top) {
    const value = sheet.step({
      id: 'slideS3PerTb',
      label: 'Where the slide’s "$28.16 / TB / month" comes from',
      formula: 'top-tier price (over 5,000 TB) × 1,024 GB',
      substituted: `${p(top.value)} × 1,024`,
      value: top.value * GB_PER_TB,
      unit: 'USD per TB-month',
      uses: [top.id],
      note: 'The slide quotes the cheapest tier, reached only above 5,000 TB; the first TB costs $0.03 × 1,024 = $30.72.',
    });
    sheet.note(
      'info',
      `The slide’s S3 figure is the top tier: ${p(top.value)} × 1,024 GB = ${m(value)} per TB-month.`,
      [top.id],
    );
  }
  if (glacier) {
    sheet.step({
      id: 'slideGlacierPerTb',
      label: 'Where the slide’s "$7.16 / TB / month" comes from',
      formula: 'Glacier price × 1,024 GB',
      substituted: `${p(glacier.value)} × 1,024`,
      value: glacier.value * GB_PER_TB,
      unit: 'USD per TB-month',
      uses: [glacier.id],
      note: '$0.007 × 1,024 = $7.168, which the slide shows cut to $7.16 (the $0.007 itself is unconfirmed).',
    });
  }
}
