/**
 * The catalogue's view of a user table: its columns with Redshift types, and the distribution and sort
 * keys that decide where its rows live (sim/redshift/storage reads them). Built from CREATE TABLE's tree
 * plus the attributes the front end read; Redshift's rules for keys are checked here.
 */
import type { CreateTableStatement } from 'pgsql-ast-parser';
import type { Era } from '../../core/index.ts';
import { nodeOffset, SqlError, typeOf, type ColumnAttributes, type TableAttributes } from '../sql/index.ts';
import { VARCHAR_MAX, type RedshiftType } from '../types/index.ts';

/** One column of a user table. */
export interface ColumnDefinition {
  /** Lower-cased, as Redshift folds identifiers. */
  readonly name: string;
  readonly type: RedshiftType;
  readonly notNull: boolean;
  /** ENCODE: the compression encoding named in CREATE TABLE (kept as metadata), or null. */
  readonly encode: string | null;
  readonly identity: { readonly seed: number; readonly step: number } | null;
  /** DEFAULT expression as written, or null. */
  readonly defaultSql: string | null;
}

/** A user table's definition. */
export interface TableDefinition {
  /** Lower-cased; mixed-case identifiers fold to lower case like Redshift. */
  readonly name: string;
  readonly columns: readonly ColumnDefinition[];
  readonly distStyle: 'EVEN' | 'KEY' | 'ALL' | 'AUTO';
  readonly distKey: string | null;
  readonly sortKey: {
    readonly style: 'COMPOUND' | 'INTERLEAVED';
    readonly columns: readonly string[];
  } | null;
}

/** The hidden last column of every user table: the slice the row lives on. */
export const SLICE_COLUMN = '__slice';

/** Most columns an INTERLEAVED sort key may have (AWS-FACTS §6.3). */
export const INTERLEAVED_MAX_COLUMNS = 8;

/** DISTSTYLE when CREATE TABLE names none: EVEN in 2016, AUTO today (AWS-FACTS §6.3). */
export function defaultDistStyle(era: Era): 'EVEN' | 'AUTO' {
  return era === '2016' ? 'EVEN' : 'AUTO';
}

/** Apply Redshift's rules for DISTSTYLE, DISTKEY and SORTKEY to a table's columns. */
export function withKeys(
  name: string,
  columns: readonly ColumnDefinition[],
  table: TableAttributes,
  columnKeys: { distKey: string[]; sortKey: string[] },
  era: Era,
): TableDefinition {
  const has = (c: string): boolean => columns.some((col) => col.name === c);
  if (columns.length === 0) throw new SqlError('42601', `table "${name}" must have at least one column`);
  for (const column of columns) {
    if (column.name === SLICE_COLUMN) {
      throw new SqlError(
        '42701',
        `column name "${SLICE_COLUMN}" is reserved by this simulator for the slice a row lives on`,
      );
    }
  }
  const duplicate = columns.find((c, i) => columns.findIndex((d) => d.name === c.name) !== i);
  if (duplicate) throw new SqlError('42701', `column "${duplicate.name}" specified more than once`);
  const distKeys = [...columnKeys.distKey, ...(table.distKey ? [table.distKey] : [])];
  if (distKeys.length > 1) throw new SqlError('42601', 'Only one column can be specified as the DISTKEY');
  const distKey = distKeys[0] ?? null;
  if (distKey !== null && !has(distKey))
    throw new SqlError('42703', `column "${distKey}" named in DISTKEY does not exist`);
  let distStyle = table.distStyle;
  if (distKey !== null) {
    if (distStyle !== null && distStyle !== 'KEY') {
      throw new SqlError(
        '42601',
        `DISTSTYLE ${distStyle} cannot be used with a DISTKEY; use DISTSTYLE KEY or drop the DISTKEY`,
      );
    }
    distStyle = 'KEY';
  } else if (distStyle === 'KEY') {
    throw new SqlError('42601', 'DISTSTYLE KEY needs a DISTKEY column: add DISTKEY (column)');
  }
  if (table.sortKey && columnKeys.sortKey.length > 0) {
    throw new SqlError('42601', 'SORTKEY is given both on a column and for the table; give it once');
  }
  const sortKey =
    table.sortKey ??
    (columnKeys.sortKey.length > 0 ? { style: 'COMPOUND' as const, columns: columnKeys.sortKey } : null);
  for (const column of sortKey?.columns ?? []) {
    if (!has(column)) throw new SqlError('42703', `column "${column}" named in SORTKEY does not exist`);
  }
  if (sortKey?.style === 'INTERLEAVED' && sortKey.columns.length > INTERLEAVED_MAX_COLUMNS) {
    throw new SqlError('42601', `An INTERLEAVED SORTKEY can have at most ${INTERLEAVED_MAX_COLUMNS} columns`);
  }
  return { name, columns, distStyle: distStyle ?? defaultDistStyle(era), distKey, sortKey };
}

/** A table definition from CREATE TABLE's tree and the front end's attributes. */
export function tableFromCreate(
  ast: CreateTableStatement,
  text: string,
  table: TableAttributes,
  attributes: ReadonlyMap<string, ColumnAttributes>,
  era: Era,
): TableDefinition {
  if (ast.inherits)
    throw new SqlError('0A000', 'CREATE TABLE … INHERITS is not supported by Amazon Redshift');
  const columns: ColumnDefinition[] = [];
  const distKey: string[] = [];
  const sortKey: string[] = [];
  for (const item of ast.columns) {
    if (item.kind !== 'column')
      throw new SqlError(
        '0A000',
        'CREATE TABLE … LIKE is not supported by this simulator yet',
        nodeOffset(item),
      );
    const name = item.name.name.toLowerCase();
    const extra = attributes.get(name);
    let type = typeOf(item.dataType, nodeOffset(item.dataType) ?? nodeOffset(item));
    if (extra?.varcharMax && (type.kind === 'varchar' || type.kind === 'char'))
      type = { kind: 'varchar', length: VARCHAR_MAX };
    let notNull = false;
    let defaultSql: string | null = null;
    for (const constraint of item.constraints ?? []) {
      if (constraint.type === 'not null' || constraint.type === 'primary key') notNull = true;
      if (constraint.type === 'default') {
        const location = (constraint.default as { _location?: { start: number; end: number } })._location;
        defaultSql = location ? text.slice(location.start, location.end) : null;
      }
    }
    if (extra?.distKey) distKey.push(name);
    if (extra?.sortKey) sortKey.push(name);
    columns.push({
      name,
      type,
      notNull,
      encode: extra?.encode ?? null,
      identity: extra?.identity ?? null,
      defaultSql,
    });
  }
  return withKeys(ast.name.name.toLowerCase(), columns, table, { distKey, sortKey }, era);
}
