/** What `loadDocument` resolves to. */
export interface LoadDocumentResult {
  /** The learner's document, migrated to the current schema and validated. */
  readonly document: unknown;
  /** Set when the document was recovered from the backup or started fresh: show it to the learner. */
  readonly notice?: string;
}

/** A file the learner saves through the system's save dialog. */
export interface ExportFileRequest {
  /** The file name the dialog proposes, such as `kinesis-shards.csv` (no folders). */
  readonly suggestedName: string;
  /** The content type, such as `text/csv`; picks the dialog's file-type filter. */
  readonly mimeType: string;
  /** The file's text. */
  readonly contents: string;
}

/** What `exportFile` resolves to: `saved` false when the learner cancelled. */
export interface ExportFileResult {
  readonly saved: boolean;
  readonly path?: string;
}

/** Which files the open dialog offers: extensions (`.json`) or content types (`application/json`). */
export interface ImportFileRequest {
  readonly accept: string[];
}

/** A file the learner picked: its name (not its folder) and its UTF-8 text. */
export interface ImportedFile {
  readonly name: string;
  readonly contents: string;
}

/**
 * The desktop platform API, exposed by the preload script as `window.bdlab`. The renderer reaches
 * persistence, files and external links only through these five calls; every call is validated in main.
 */
export interface BdlabBridge {
  readonly kind: 'electron';
  /** Reads the learner's document (recovering or starting fresh when needed, with a notice). */
  loadDocument(): Promise<LoadDocumentResult>;
  /** Validates and durably saves the document; rejects with a clear message when it is invalid. */
  saveDocument(document: unknown): Promise<void>;
  /** Shows a save dialog and writes the file. */
  exportFile(request: ExportFileRequest): Promise<ExportFileResult>;
  /** Shows an open dialog and reads the file (at most 5 MB of UTF-8 text); null when cancelled. */
  importFile(request: ImportFileRequest): Promise<ImportedFile | null>;
  /** Opens an allow-listed https URL in the system browser; false when the URL is not allowed. */
  openExternal(url: string): Promise<boolean>;
}
