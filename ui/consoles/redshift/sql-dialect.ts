/**
 * Redshift's SQL as the editor sees it: PostgreSQL's grammar (Redshift speaks PostgreSQL 8.0.2's) with
 * Redshift's own words added, so `DISTKEY`, `SORTKEY`, `COPY … GZIP` and `GETDATE()` are highlighted and
 * completed, and identifiers fold to lower case as Redshift folds them (`accessLogs` is `accesslogs`).
 * The editor only highlights, completes and splits statements; the engine parses and runs them.
 */
import { PostgreSQL, SQLDialect } from '@codemirror/lang-sql';

/** Table attributes, column attributes and COPY/UNLOAD options Redshift adds to PostgreSQL's words. */
const REDSHIFT_KEYWORDS = [
  'diststyle distkey sortkey compound interleaved encode identity auto even all',
  'copy unload credentials iam_role gzip bzip2 lzop zstd maxerror delimiter ignoreheader emptyasnull',
  'blanksasnull dateformat timeformat truncatecolumns acceptinvchars csv region manifest fixedwidth',
  'removequotes escape fillrecord trimblanks compupdate statupdate noload parallel allowoverwrite',
  'top explain analyze vacuum',
].join(' ');

/** Functions Redshift offers that an analyst reaches for, completed like built-ins. */
const REDSHIFT_BUILTINS = [
  'getdate sysdate trunc date_trunc dateadd datediff date_part extract nvl nvl2 coalesce decode',
  'listagg count sum avg min max median stddev row_number rank dense_rank lag lead ntile',
  'split_part substring strpos len length lower upper trim btrim ltrim rtrim concat replace',
  'to_char to_date to_timestamp convert_timezone round floor ceiling abs',
].join(' ');

/** Redshift's type names beyond PostgreSQL's (`varchar(512)` etc. are PostgreSQL's too). */
const REDSHIFT_TYPES = 'int2 int4 int8 float4 float8 bpchar nvarchar nchar timestamptz super geometry';

/** The dialect the console's editor uses. */
export const RedshiftSql = SQLDialect.define({
  ...PostgreSQL.spec,
  keywords: `${PostgreSQL.spec.keywords ?? ''} ${REDSHIFT_KEYWORDS}`,
  builtin: `${PostgreSQL.spec.builtin ?? ''} ${REDSHIFT_BUILTINS}`,
  types: `${PostgreSQL.spec.types ?? ''} ${REDSHIFT_TYPES}`,
  caseInsensitiveIdentifiers: true,
});
