/**
 * The simulated Kinesis Firehose: Direct-PUT delivery streams that buffer records until a size or interval
 * hint fires, compress them reproducibly and write them to the S3 model under Firehose's keys.
 */
export {
  DEFAULT_BUFFER_INTERVAL_SECONDS,
  DEFAULT_BUFFER_SIZE_MIB,
  PUT_RECORD_BATCH_MAX_BYTES,
  PUT_RECORD_BATCH_MAX_RECORDS,
  validateDeliveryStream,
  type BufferingHints,
  type CompressionFormat,
  type CreateDeliveryStreamInput,
  type DeliveryStreamConfig,
  type DeliveryStreamType,
} from './config.ts';
export { compressObject, type CompressedObject } from './compression.ts';
export { firehoseCost, type FirehoseCost } from './cost.ts';
export {
  bufferSizeLimitBytes,
  bufferStatus,
  deliverDue,
  DELIVERY_RETRY_MS,
  nextDeliveryAt,
  nextFirehoseDeliveryAt,
  type BufferStatus,
} from './deliver.ts';
export {
  putRecord,
  putRecordBatch,
  type FirehoseRecord,
  type PutRecordBatchOutput,
  type PutRecordBatchResponseEntry,
} from './ingest.ts';
export {
  firehoseModule,
  putRecordBatchAt,
  scheduleFirehoseDelivery,
  type FirehoseDeliverEvent,
  type FirehoseServices,
} from './module.ts';
export { deliveryObjectKey, randomObjectId } from './object-key.ts';
export {
  createDeliveryStream,
  createFirehoseState,
  maxDeliveryStreams,
  type DeliveryLogEntry,
  type DeliveryStreamState,
  type DeliveryStreamStats,
  type DirectPutLimits,
  type FirehoseState,
} from './state.ts';
