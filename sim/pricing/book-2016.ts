import { HOW_TO_OVERRIDE, limitTable, missingTable, priceTable } from './facts.ts';
import { limits2016 } from './limits.ts';
import { instancePrices2016, instanceMissing2016 } from './instance-prices.ts';
import type { PriceBook } from './types.ts';

/** GB per TB as the S3 price ladder counts it (the slide's $28.16/TB = $0.0275 × 1,024). */
const GB_PER_TB = 1024;

const s3Tier = (from: number, to: number | null) => ({
  from: from * GB_PER_TB,
  to: to === null ? null : to * GB_PER_TB,
  unit: 'GB-month',
});

const s3LadderNote =
  'The same ladder appears in a unit test against AWS Price List offer 20151209 and in AWS study notes; ' +
  'its us-east-1 attribution is secondary (AWS-FACTS §4).';

/**
 * The prices and limits in force at the workshop (mid-2016, us-east-1), from AWS-FACTS.md and
 * SEED-FIGURES.md. Row numbers in notes refer to AWS-FACTS "Numbers the simulator must reproduce".
 */
export const BOOK_2016: PriceBook = {
  id: '2016',
  label: '2016 us-east-1 (the workshop)',
  description:
    'Prices and limits as they stood in mid-2016 in US East (N. Virginia), when the workshop was given.',
  prices: priceTable({
    'kinesis.shardHour': {
      label: 'Kinesis shard-hour',
      value: 0.015,
      per: 'shard-hour',
      sources: ['KPRICE16', 'PL2023', 'S'],
      confidence: 'secondary',
      note: 'KPRICE16 defines the shard-hour; $0.015 from a 2018 AWS bill copy and PL2023, unchanged since (row 22).',
    },
    'kinesis.putPayloadUnitsPerMillion': {
      label: 'Kinesis PUT payload units',
      value: 0.014,
      per: '1,000,000 PUT payload units',
      sources: ['KPRICE16', 'S'],
      confidence: 'secondary',
      note: 'Unit definition from KPRICE16 (primary); the $0.014 from third-party calculators (row 24).',
    },
    'kinesis.extendedRetentionShardHour': {
      label: 'Kinesis extended retention (24 h → 7 days)',
      value: 0.02,
      per: 'shard-hour',
      sources: ['PL2023'],
      confidence: 'unconfirmed',
      note: 'AWS charged extra for extended retention in 2016, but its 2016 rate is unconfirmed; $0.020 is today’s rate (row 25).',
    },
    'firehose.ingestPerGb': {
      label: 'Firehose data ingested',
      value: 0.035,
      per: 'GB ingested (each record rounded up to 5 KB)',
      sources: ['S', 'SLIDES'],
      confidence: 'secondary',
      note: 'The slide’s "$0.035 / GB" streaming data load is this price (row 52).',
    },
    's3.standard.tier1': {
      label: 'S3 Standard, first 1 TB',
      value: 0.03,
      per: 'GB-month',
      sources: ['S'],
      confidence: 'secondary',
      note: s3LadderNote,
      tier: s3Tier(0, 1),
    },
    's3.standard.tier2': {
      label: 'S3 Standard, next 49 TB',
      value: 0.0295,
      per: 'GB-month',
      sources: ['S'],
      confidence: 'secondary',
      tier: s3Tier(1, 50),
    },
    's3.standard.tier3': {
      label: 'S3 Standard, next 450 TB',
      value: 0.029,
      per: 'GB-month',
      sources: ['S'],
      confidence: 'secondary',
      tier: s3Tier(50, 500),
    },
    's3.standard.tier4': {
      label: 'S3 Standard, next 500 TB',
      value: 0.0285,
      per: 'GB-month',
      sources: ['S'],
      confidence: 'secondary',
      tier: s3Tier(500, 1000),
    },
    's3.standard.tier5': {
      label: 'S3 Standard, next 4,000 TB',
      value: 0.028,
      per: 'GB-month',
      sources: ['S'],
      confidence: 'secondary',
      tier: s3Tier(1000, 5000),
    },
    's3.standard.tier6': {
      label: 'S3 Standard, over 5,000 TB',
      value: 0.0275,
      per: 'GB-month',
      sources: ['S'],
      confidence: 'secondary',
      note: '$0.0275 × 1,024 GB = $28.16 per TB-month, the slide’s S3 figure.',
      tier: s3Tier(5000, null),
    },
    's3.standardIa': {
      label: 'S3 Standard-IA',
      value: 0.0125,
      per: 'GB-month',
      sources: ['S'],
      confidence: 'secondary',
    },
    's3.putPer1000': {
      label: 'S3 PUT, COPY, POST, LIST requests',
      value: 0.005,
      per: '1,000 requests',
      sources: ['S'],
      confidence: 'secondary',
    },
    's3.getPer10000': {
      label: 'S3 GET requests',
      value: 0.004,
      per: '10,000 requests',
      sources: ['S'],
      confidence: 'secondary',
    },
    'glacier.storage': {
      label: 'Glacier storage',
      value: 0.007,
      per: 'GB-month',
      sources: ['SLIDES'],
      confidence: 'unconfirmed',
      note:
        'Commonly cited for us-east-1 in 2016 but unconfirmed: 2014-era copies show $0.01 and a late-2016 cut to ' +
        '$0.004 is also unconfirmed (row 57). $0.007 × 1,024 GB = $7.168, the slide’s "$7.16 / TB / month".',
    },
    'ml.computeHour': {
      label: 'Amazon ML data analysis, training and evaluation',
      value: 0.42,
      per: 'compute hour',
      sources: ['SLIDES', 'AML-DG'],
      confidence: 'secondary',
      note: 'As the slide states it; AWS-FACTS §7 could not confirm the amount (row 80). The structure is from AML-DG.',
    },
    'ml.batchPer1000': {
      label: 'Amazon ML batch predictions',
      value: 0.1,
      per: '1,000 predictions',
      sources: ['SLIDES', 'AML-DG'],
      confidence: 'secondary',
      note: 'As the slide states it; amount unconfirmed in AWS-FACTS (row 80).',
    },
    'ml.realtimePrediction': {
      label: 'Amazon ML real-time prediction',
      value: 0.0001,
      per: 'prediction',
      sources: ['SLIDES', 'AML-DG'],
      confidence: 'secondary',
      note: 'The slide says "$0.10 / 1,000" = $0.0001 each; amount unconfirmed in AWS-FACTS (row 80).',
    },
    'ml.reservedCapacityPer10MbHour': {
      label: 'Amazon ML real-time endpoint capacity reservation',
      value: 0.001,
      per: 'hour per 10 MB of model memory',
      sources: ['AML-DG'],
      confidence: 'unconfirmed',
      note: 'The slide mentions an hourly reservation without an amount; $0.001 is unconfirmed (row 80).',
    },
    ...instancePrices2016,
  }),
  limits: limitTable(limits2016),
  missing: missingTable({
    'lambda.requests': [
      'Lambda requests',
      '1,000,000 requests',
      `The reference (AWS-FACTS.md) has no sourced Lambda price, so none is invented. ${HOW_TO_OVERRIDE}`,
    ],
    'lambda.gbSecond': [
      'Lambda compute',
      'GB-second',
      `The reference (AWS-FACTS.md) has no sourced Lambda price, so none is invented. ${HOW_TO_OVERRIDE}`,
    ],
    'kinesis.onDemandStreamHour': [
      'Kinesis on-demand stream-hour',
      'stream-hour',
      'On-demand capacity mode launched in November 2021; in 2016 every stream was provisioned in shards.',
    ],
    ...instanceMissing2016,
  }),
  overridden: [],
};
