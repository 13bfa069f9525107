import { ACCESSLOGS_DDL } from '../../../labs/kit/web-log-warehouse.ts';

/**
 * What the SQL editor holds the first time it opens: the workshop's CREATE TABLE and its three test
 * queries (session 4, "Create an Amazon Redshift Table to Hold Your Data" and "Amazon Redshift Test
 * Queries"), as the slides print them, mixed case and all.
 */
export const WORKSHOP_SCRIPT = `-- The workshop's table: DISTKEY spreads rows over the slices by host, SORTKEY orders them by time.
${ACCESSLOGS_DDL}

-- Put the sample data in S3 (above the editor) and add its COPY here.

-- find distribution of response codes over days
SELECT TRUNC(request_time), response_code, COUNT(1) FROM
accesslogs GROUP BY 1,2 ORDER BY 1,3 DESC;

-- find the 404 status codes
SELECT COUNT(1) FROM accessLogs WHERE response_code = 404;

-- show all requests for status as PAGE NOT FOUND
SELECT TOP 1 request_path,COUNT(1) FROM accesslogs WHERE
response_code = 404 GROUP BY 1 ORDER BY 2 DESC;
`;

/** The place in the workshop script where a COPY goes: after the line that says to add it, else the end. */
export function withCopy(script: string, copySql: string): string {
  const marker = '-- Put the sample data in S3 (above the editor) and add its COPY here.\n';
  const at = script.indexOf(marker);
  if (at === -1) return `${script}${script.endsWith('\n') ? '' : '\n'}\n${copySql}\n`;
  const end = at + marker.length;
  return `${script.slice(0, end)}${copySql}\n${script.slice(end)}`;
}
