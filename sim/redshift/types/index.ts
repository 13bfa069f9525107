export {
  CHAR_MAX,
  DECIMAL_MAX_PRECISION,
  formatType,
  isCharacterType,
  isNumericType,
  isTypeNameError,
  parseTypeName,
  TEXT_DEFAULT_LENGTH,
  typeFromParts,
  VARCHAR_MAX,
  type RedshiftType,
  type TypeNameError,
} from './type-name.ts';
export {
  fromSql,
  fromText,
  truncateToBytes,
  utf8Length,
  type Conversion,
  type StoredValue,
  type TextOptions,
  type ValueProblem,
} from './values.ts';
export {
  formatDate,
  formatTimestamp,
  isValidDay,
  parseIsoDate,
  parseIsoTimestamp,
  timestampFromMillis,
} from './datetime.ts';
export { timestampReader, type TimestampReader } from './formats.ts';
