import { fail, ok, type Result, type SimError } from '../../sim/core/index.ts';
import {
  MAX_DOCUMENT_BYTES,
  serializeDocument,
  validateDocument,
  type PersistedDocument,
} from '../../sim/persist/index.ts';
import { checkFileName, MAX_FILE_NAME_LENGTH } from '../../sim/persist/index.ts';
import type { ExportFileRequest } from './bridge.ts';

export { checkFileName, MAX_FILE_NAME_LENGTH };

/** Largest export the app writes, in bytes of UTF-8 text. */
export const MAX_EXPORT_BYTES = 10 * 1024 * 1024;
/** Largest file `importFile` reads, in bytes. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Most entries in an `accept` list. */
export const MAX_ACCEPT_ENTRIES = 20;

/** File extensions for the content types the open dialog understands. */
export const EXTENSIONS_BY_MIME_TYPE: Readonly<Record<string, string>> = {
  'application/json': 'json',
  'text/csv': 'csv',
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/tab-separated-values': 'tsv',
};

const invalid = (message: string, path?: string): Result<never, SimError> =>
  fail({ code: 'InvalidIpcPayload', message, ...(path === undefined ? {} : { path }) });

const utf8Length = (text: string): number => new TextEncoder().encode(text).byteLength;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a `saveDocument` payload: a valid current-version document of at most 5 MB. */
export function checkSaveDocumentPayload(payload: unknown): Result<PersistedDocument, SimError> {
  const valid = validateDocument(payload);
  if (!valid.ok) return valid;
  const size = utf8Length(serializeDocument(valid.value));
  if (size > MAX_DOCUMENT_BYTES)
    return invalid(`The document is ${size} bytes; the limit is ${MAX_DOCUMENT_BYTES}.`);
  return valid;
}

/** Checks an `exportFile` request: exactly `suggestedName`, `mimeType` and `contents`, each sane. */
export function checkExportRequest(payload: unknown): Result<ExportFileRequest, SimError> {
  if (!isRecord(payload)) return invalid('The export request must be an object.');
  const extra = Object.keys(payload).filter(
    (key) => !['suggestedName', 'mimeType', 'contents'].includes(key),
  );
  if (extra.length > 0)
    return invalid(`Unknown field(s) in the export request: ${extra.join(', ')}.`, extra[0]);
  const name = checkFileName(payload.suggestedName);
  if (!name.ok) return invalid(name.error.message, 'suggestedName');
  const { mimeType, contents } = payload;
  if (
    typeof mimeType !== 'string' ||
    mimeType.length > 127 ||
    !/^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/i.test(mimeType)
  ) {
    return invalid('mimeType must be a content type such as "text/csv".', 'mimeType');
  }
  if (typeof contents !== 'string') return invalid('contents must be a string.', 'contents');
  const size = utf8Length(contents);
  if (size > MAX_EXPORT_BYTES)
    return invalid(`contents is ${size} bytes; the limit is ${MAX_EXPORT_BYTES}.`, 'contents');
  return ok({ suggestedName: name.value, mimeType, contents });
}

/**
 * Checks an `importFile` request and turns its `accept` list (`.json`, `application/json`, …) into the
 * extensions (without dots) the open dialog filters on.
 */
export function checkImportRequest(payload: unknown): Result<readonly string[], SimError> {
  if (!isRecord(payload) || !Array.isArray(payload.accept)) {
    return invalid('The import request must be an object with an "accept" list.', 'accept');
  }
  const accept: unknown[] = payload.accept;
  if (accept.length === 0 || accept.length > MAX_ACCEPT_ENTRIES) {
    return invalid(`accept must list 1 to ${MAX_ACCEPT_ENTRIES} file types.`, 'accept');
  }
  const extensions = new Set<string>();
  for (const [index, entry] of accept.entries()) {
    const fromMime = typeof entry === 'string' ? EXTENSIONS_BY_MIME_TYPE[entry.toLowerCase()] : undefined;
    if (fromMime !== undefined) extensions.add(fromMime);
    else if (typeof entry === 'string' && /^\.[a-z0-9]{1,10}$/i.test(entry))
      extensions.add(entry.slice(1).toLowerCase());
    else {
      const allowed = `an extension such as ".json" or one of ${Object.keys(EXTENSIONS_BY_MIME_TYPE).join(', ')}`;
      return invalid(
        `accept[${index}] is ${JSON.stringify(entry)}; expected ${allowed}.`,
        `accept[${index}]`,
      );
    }
  }
  return ok([...extensions]);
}

/** The extension of a file name without its dot, lower-cased, or undefined when it has none. */
export function extensionOf(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : undefined;
}

/** Dialog filters for an export: its own extension first, then "All files". */
export function exportDialogFilters(request: ExportFileRequest): { name: string; extensions: string[] }[] {
  const extension = extensionOf(request.suggestedName);
  const all = { name: 'All files', extensions: ['*'] };
  return extension === undefined
    ? [all]
    : [{ name: `${extension.toUpperCase()} file`, extensions: [extension] }, all];
}
