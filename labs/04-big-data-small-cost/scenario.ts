/**
 * The workload of "big data ≠ big cost": the Hearst clickstream case study from the introductory session
 * (30 TB+ a day through Kinesis and Spark on EMR), scaled down a thousand times to a site a class can
 * reason about. The rates and the job's size are this lab's assumptions, stated to the learner as such;
 * every price comes from the 2016 price book through the calculators.
 */
import { HOURS_PER_MONTH } from '../../sim/core/index.ts';
import { PRICE_BOOKS } from '../../sim/pricing/index.ts';

/** The clickstream and the budget the learner sizes the pipeline for. */
export const costScenario = {
  /** Clicks per second on average and at the daily peak. */
  averageClicksPerSecond: 700,
  peakClicksPerSecond: 2_100,
  /** Bytes per click record. */
  clickBytes: 500,
  /** Applications reading the stream: Spark Streaming for trending content, and the archiver to S3. */
  consumers: 2,
  /** The daily Spark batch job's size, in vCPU-hours (2 × m3.xlarge, 4 vCPUs each, for 2 hours). */
  jobVcpuHoursPerDay: 16,
  /** Monthly budget for stream, archive and cluster together, in US dollars. */
  monthlyBudgetUsd: 100,
  /** The price book: the workshop's 2016 us-east-1 prices. */
  book: PRICE_BOOKS['2016'],
} as const;

/** Days in the 730-hour billing month the calculators use. */
export const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;

/** Raw clicks kept in S3 at the end of a month, in TB (1 TB = 1,024 GB, as the S3 calculator counts). */
export const archiveTerabytes =
  (costScenario.averageClicksPerSecond * costScenario.clickBytes * 3600 * HOURS_PER_MONTH) / 1024 ** 4;
