/** Ids of the Kinesis prices and limits the calculator uses (see sim/pricing). */
export const KINESIS_IDS = {
  writeBytes: 'kinesis.shardWriteBytesPerSecond',
  writeRecords: 'kinesis.shardWriteRecordsPerSecond',
  readBytes: 'kinesis.shardReadBytesPerSecond',
  readCalls: 'kinesis.shardReadCallsPerSecond',
  maxRecord: 'kinesis.maxRecordBytes',
  retentionDefault: 'kinesis.retentionDefaultHours',
  retentionMax: 'kinesis.retentionMaxHours',
  unitBytes: 'kinesis.putPayloadUnitBytes',
  aggMax: 'kinesis.kplAggregationMaxBytes',
  aggTime: 'kinesis.kplRecordMaxBufferedTimeMs',
  idle: 'kinesis.kclIdleTimeBetweenReadsMs',
  shardHour: 'kinesis.shardHour',
  units: 'kinesis.putPayloadUnitsPerMillion',
  retentionPrice: 'kinesis.extendedRetentionShardHour',
  accountShards: 'kinesis.defaultShardLimitPerRegion',
  onDemandStreamHour: 'kinesis.onDemandStreamHour',
} as const;

/** Kinesis calculator input after validation and defaults. */
export interface CheckedKinesisInput {
  readonly average: number;
  readonly peak: number;
  readonly dataBytes: number;
  readonly keyBytes: number;
  readonly consumers: number;
  readonly retentionHours: number;
  readonly kpl: boolean;
}
