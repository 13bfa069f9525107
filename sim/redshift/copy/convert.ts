import {
  fromText,
  type RedshiftType,
  type StoredValue,
  type TextOptions,
  type ValueProblem,
} from '../types/index.ts';
import type { CopyParameters } from './copy-parameters.ts';

/** A column as COPY needs it: structurally the database's ColumnDefinition. */
export interface CopyColumn {
  readonly name: string;
  readonly type: RedshiftType;
  readonly notNull: boolean;
  /** IDENTITY columns take no value from the files (the database numbers them). */
  readonly identity?: { readonly seed: number; readonly step: number } | null;
}

/** How one input field becomes one column's value. */
export interface FieldPlan {
  readonly column: CopyColumn;
  /** Index of the column in the table's declared order (where the value goes in the row). */
  readonly tableIndex: number;
  /** STL_LOAD_ERRORS.type: Redshift's internal type name (int4, varchar …). */
  readonly typeName: string;
  /** STL_LOAD_ERRORS.col_length. */
  readonly colLength: string;
  readonly isText: boolean;
}

/** Why one field was rejected, for its STL_LOAD_ERRORS row. */
export interface FieldRejection {
  readonly plan: FieldPlan;
  readonly field: string;
  readonly code: number;
  readonly reason: string;
  readonly position: number;
}

const INTERNAL_NAMES: Record<RedshiftType['kind'], string> = {
  smallint: 'int2',
  integer: 'int4',
  bigint: 'int8',
  real: 'float4',
  'double precision': 'float8',
  decimal: 'numeric',
  boolean: 'bool',
  date: 'date',
  timestamp: 'timestamp',
  timestamptz: 'timestamptz',
  varchar: 'varchar',
  char: 'char',
};

/** One plan per input field, in the order fields stand in the file. */
export function planFields(columns: readonly CopyColumn[], tableIndexes: readonly number[]): FieldPlan[] {
  return columns.map((column, i) => {
    const t = column.type;
    const isText = t.kind === 'varchar' || t.kind === 'char';
    return {
      column,
      tableIndex: tableIndexes[i]!,
      typeName: INTERNAL_NAMES[t.kind],
      colLength: isText ? String(t.length) : t.kind === 'decimal' ? `${t.precision},${t.scale}` : '0',
      isText,
    };
  });
}

function isBlank(field: string): boolean {
  for (let k = 0; k < field.length; k++) {
    const c = field.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 11 && c !== 12) return false;
  }
  return true;
}

function trimTrailing(field: string): string {
  let end = field.length;
  while (end > 0 && field.charCodeAt(end - 1) === 32) end--;
  return end === field.length ? field : field.slice(0, end);
}

/**
 * Converts fields to stored values the way COPY does: NULL AS, EMPTYASNULL and BLANKSASNULL for character
 * columns; an empty or blank field in any other column is NULL ("Blank fields for other data types, such as
 * INT, are always loaded with NULL" — RS-DG `copy-parameters-data-conversion.md`); then the type's own
 * reading (rs-sql's fromText) with DATEFORMAT/TIMEFORMAT, TRUNCATECOLUMNS and ACCEPTINVCHARS.
 */
export class FieldConverter {
  private readonly textOptions: TextOptions;

  constructor(private readonly params: CopyParameters) {
    this.textOptions = {
      ...(params.dateFormat === null ? {} : { dateFormat: params.dateFormat }),
      ...(params.timeFormat === null ? {} : { timeFormat: params.timeFormat }),
      truncate: params.truncateColumns,
      acceptInvChars: params.acceptInvChars,
    };
  }

  /** The stored value, or the rejection STL_LOAD_ERRORS records. */
  convert(plan: FieldPlan, field: string): StoredValue | FieldRejection {
    const p = this.params;
    let value: StoredValue;
    if (field === p.nullAs) value = null;
    else if (plan.isText) {
      if ((p.emptyAsNull && field === '') || (p.blanksAsNull && isBlank(field))) value = null;
      else {
        const converted = fromText(
          plan.column.type,
          p.trimBlanks ? trimTrailing(field) : field,
          this.textOptions,
        );
        if ('problem' in converted) return rejection(plan, field, converted.problem);
        value = converted.value;
      }
    } else if (isBlank(field)) value = null;
    else {
      const converted = fromText(plan.column.type, field, this.textOptions);
      if ('problem' in converted) {
        if (p.acceptAnyDate && (plan.typeName === 'date' || plan.typeName.startsWith('timestamp')))
          value = null;
        else return rejection(plan, field, converted.problem);
      } else value = converted.value;
    }
    if (value === null && plan.column.notNull) {
      return { plan, field, code: 1213, reason: 'Missing data for not-null field', position: 0 };
    }
    return value;
  }
}

function rejection(plan: FieldPlan, field: string, problem: ValueProblem): FieldRejection {
  return {
    plan,
    field,
    code: problem.loadErrorCode,
    reason: problem.message,
    position: positionIn(problem.message),
  };
}

/** Redshift's digit errors say where in the field they are (`Pos 3`); other errors are at 0. */
function positionIn(message: string): number {
  const at = message.indexOf(', Pos ');
  if (at < 0) return 0;
  let n = 0;
  for (let k = at + 6; k < message.length; k++) {
    const d = message.charCodeAt(k) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  return n;
}
