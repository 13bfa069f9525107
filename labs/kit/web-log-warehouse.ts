/**
 * The data session 4's Redshift labs share: three days of the workshop's processed web logs in a simulated
 * S3 bucket (generated from a seed by sim/weblogs, not copied from a real site), the workshop's
 * `accesslogs` table and COPY, and the rows as typed values so a lab can compute an answer from the data
 * itself — independently of the SQL engine that runs the learner's query.
 */
import { gunzipSync } from 'fflate';
import { processedAccessLogs, type ProcessedLogObject } from '../../sim/weblogs/index.ts';

/** The bucket the EMR step wrote to. */
export const WAREHOUSE_BUCKET = 'bdlab-weblogs';
/** The prefix of the processed, day-partitioned logs (the workshop's `access-log-processed`). */
export const PROCESSED_PREFIX = 'access-log-processed';
/** The role Redshift assumes to read the bucket (the workshop's `CREDENTIALS 'aws_iam_role=…'`). */
export const COPY_ROLE_ARN = 'arn:aws:iam::123456789012:role/RedshiftCopyRole';

/** Three days of June 2016, two gzip files a day. */
export const warehouseLogOptions = {
  seed: 2016,
  firstDayMs: Date.UTC(2016, 5, 7),
  days: 3,
  requestsPerDay: 600,
  filesPerDay: 2,
  prefix: PROCESSED_PREFIX,
} as const;

/** The processed log objects; `dash` keeps Apache's `-` for a missing size, as a job that skipped the fix. */
export function warehouseLogObjects(missingSize: 'empty' | 'dash' = 'empty'): ProcessedLogObject[] {
  return processedAccessLogs({ ...warehouseLogOptions, missingSize });
}

/** The workshop's table (its slide "Create an Amazon Redshift Table to Hold Your Data"). */
export const ACCESSLOGS_DDL = `CREATE TABLE accesslogs
(
    host_address varchar(512),
    request_time timestamp,
    request_method varchar(5),
    request_path varchar(1024),
    request_protocol varchar(10),
    response_code Int,
    response_size Int,
    referrer_host varchar(1024),
    user_agent varchar(512)
)
DISTKEY(host_address)
SORTKEY(request_time);`;

/** The workshop's COPY with this bucket and role, and extra options (such as `NULL AS '-'`) before the end. */
export function workshopCopy(extraOptions = ''): string {
  return `COPY accesslogs
FROM 's3://${WAREHOUSE_BUCKET}/${PROCESSED_PREFIX}'
CREDENTIALS 'aws_iam_role=${COPY_ROLE_ARN}'
DELIMITER '\\t'
MAXERROR 0
GZIP${extraOptions ? `\n${extraOptions}` : ''};`;
}

/** One row of `accesslogs`, typed as the table holds it. */
export interface AccessLogRow {
  readonly hostAddress: string;
  /** `YYYY-MM-DD HH:MM:SS`, UTC. */
  readonly requestTime: string;
  readonly requestMethod: string;
  readonly requestPath: string;
  readonly requestProtocol: string;
  readonly responseCode: number;
  /** Null where the log had no body size. */
  readonly responseSize: number | null;
  readonly referrerHost: string;
  readonly userAgent: string;
}

const decoder = new TextDecoder();

/** The rows of the (fixed) objects, read straight from the gzip text: what a correct load holds. */
export function accessLogRows(
  objects: readonly ProcessedLogObject[] = warehouseLogObjects(),
): AccessLogRow[] {
  return objects.flatMap((object) =>
    decoder
      .decode(gunzipSync(object.body))
      .split('\n')
      .filter((line) => line !== '')
      .map((line): AccessLogRow => {
        const [
          host = '',
          time = '',
          method = '',
          path = '',
          protocol = '',
          code = '',
          size = '',
          referrer = '',
          agent = '',
        ] = line.split('\t');
        return {
          hostAddress: host,
          requestTime: time,
          requestMethod: method,
          requestPath: path,
          requestProtocol: protocol,
          responseCode: Number(code),
          responseSize: size === '' || size === '-' ? null : Number(size),
          referrerHost: referrer,
          userAgent: agent,
        };
      }),
  );
}
