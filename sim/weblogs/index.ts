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
