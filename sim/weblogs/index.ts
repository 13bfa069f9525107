export {
  accessLogLine,
  accessLogLineOfSize,
  accessLogTime,
  drawRequest,
  parseAccessLogTime,
  SHORTEST_LINE_BYTES,
  type AccessLogRequest,
} from './access-log.ts';
export { eventTimeMs, webLogTraffic, type WebLogTraffic } from './traffic.ts';
export {
  dayPartition,
  hiveTimestamp,
  processedAccessLogs,
  type ProcessedLogObject,
  type ProcessedLogsOptions,
} from './processed-logs.ts';
