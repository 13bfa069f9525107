import { HOW_TO_OVERRIDE, limitTable, missingTable, priceTable } from './facts.ts';
import { instanceMissingCurrent, instancePricesCurrent } from './instance-prices.ts';
import { limitsCurrent } from './limits.ts';
import type { PriceBook } from './types.ts';

const GB_PER_TB = 1024;

/**
 * Today's prices and limits in us-east-1, as far as AWS-FACTS.md sources them. Where the reference has no
 * current number (Glacier, previous-generation EC2, Amazon ML), the book says so in `missing`.
 */
export const BOOK_CURRENT: PriceBook = {
  id: 'current',
  label: 'Current us-east-1',
  description:
    'Today’s prices and limits in US East (N. Virginia) as far as the reference sources them; gaps are listed, not guessed.',
  prices: priceTable({
    'kinesis.shardHour': {
      label: 'Kinesis shard-hour (provisioned)',
      value: 0.015,
      per: 'shard-hour',
      sources: ['PL2023'],
      confidence: 'primary',
      note: 'AWS Price List API, us-east-1, 2023-08 (row 22).',
    },
    'kinesis.putPayloadUnitsPerMillion': {
      label: 'Kinesis PUT payload units (provisioned)',
      value: 0.014,
      per: '1,000,000 PUT payload units',
      sources: ['KPRICE16', 'S'],
      confidence: 'secondary',
      note: 'Same structure and price as 2016 (row 24).',
    },
    'kinesis.extendedRetentionShardHour': {
      label: 'Kinesis extended retention (24 h → 7 days)',
      value: 0.02,
      per: 'shard-hour',
      sources: ['PL2023'],
      confidence: 'primary',
      note:
        'Row 25. Retention beyond 7 days is billed per GB-month instead; that rate is unconfirmed, so the ' +
        'calculator charges it no further than this row.',
    },
    'kinesis.onDemandStreamHour': {
      label: 'Kinesis on-demand stream-hour',
      value: 0.04,
      per: 'stream-hour',
      sources: ['S'],
      confidence: 'secondary',
      note: 'On-demand mode also bills per GB written and read; those rates are unconfirmed (row 29).',
    },
    'firehose.ingestPerGb': {
      label: 'Firehose data ingested, first 500 TB / month',
      value: 0.029,
      per: 'GB ingested (each record rounded up to 5 KB)',
      sources: ['S', 'FH23'],
      confidence: 'secondary',
      note: 'Today’s price is tiered; only the first tier (first 500 TB a month) is sourced (row 52).',
      tier: { from: 0, to: 500 * GB_PER_TB, unit: 'GB-month' },
    },
    's3.standard.tier1': {
      label: 'S3 Standard, first 50 TB',
      value: 0.023,
      per: 'GB-month',
      sources: ['S'],
      confidence: 'secondary',
      tier: { from: 0, to: 50 * GB_PER_TB, unit: 'GB-month' },
    },
    's3.standard.tier2': {
      label: 'S3 Standard, above 50 TB',
      value: 0.022,
      per: 'GB-month',
      sources: ['S'],
      confidence: 'unconfirmed',
      note:
        'The reference gives $0.022 and then $0.021 above 50 TB but not where the bands end; this book ' +
        'applies $0.022 to everything above 50 TB, which can only overstate the cost.',
      tier: { from: 50 * GB_PER_TB, to: null, unit: 'GB-month' },
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
      note: 'Also written as $0.0004 per 1,000.',
    },
    ...instancePricesCurrent,
  }),
  limits: limitTable(limitsCurrent),
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
    'firehose.ingestPerGbAbove500Tb': [
      'Firehose data ingested above 500 TB / month',
      'GB ingested (each record rounded up to 5 KB)',
      `Today’s Firehose price is tiered and only the first 500 TB tier is sourced. ${HOW_TO_OVERRIDE}`,
    ],
    'glacier.storage': [
      'Glacier storage',
      'GB-month',
      `Today’s Glacier Flexible Retrieval / Deep Archive rates are unconfirmed in the reference. ${HOW_TO_OVERRIDE}`,
    ],
    'ml.computeHour': [
      'Amazon ML compute hour',
      'compute hour',
      'Amazon ML no longer accepts new users (successor: SageMaker); there is no current price.',
    ],
    'ml.batchPer1000': [
      'Amazon ML batch predictions',
      '1,000 predictions',
      'Amazon ML no longer accepts new users (successor: SageMaker); there is no current price.',
    ],
    'ml.realtimePrediction': [
      'Amazon ML real-time prediction',
      'prediction',
      'Amazon ML no longer accepts new users (successor: SageMaker); there is no current price.',
    ],
    'ml.reservedCapacityPer10MbHour': [
      'Amazon ML endpoint capacity reservation',
      'hour per 10 MB of model memory',
      'Amazon ML no longer accepts new users (successor: SageMaker); there is no current price.',
    ],
    ...instanceMissingCurrent,
  }),
  overridden: [],
};
