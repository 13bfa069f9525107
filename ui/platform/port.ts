/**
 * The one door between the UI and the machine it runs on. The UI loads and saves the learner's document,
 * exports and imports files and opens external links only through a `PlatformPort`; the desktop app and the
 * browser mode each provide one, chosen at start-up, so one UI build runs in both.
 */

/** A message the learner must see, such as "your progress file was damaged; restored the backup". */
export interface PlatformNotice {
  readonly level: 'info' | 'warning' | 'error';
  readonly message: string;
}

/** A file the UI wants to hand to the learner. */
export interface ExportRequest {
  /** File name offered to the learner, such as `bdlab-progress.json`. */
  readonly suggestedName: string;
  readonly mimeType: string;
  readonly contents: string;
}

/** What became of an export: `saved` is false when the learner cancelled the save dialog. */
export interface ExportResult {
  readonly saved: boolean;
  /** Where the file went, when the platform knows (the desktop app does; a browser download does not). */
  readonly path?: string;
}

/** Which files the learner may pick, as file extensions (`.json`) or MIME types. */
export interface ImportRequest {
  readonly accept: readonly string[];
}

/** A file the learner picked; its contents as text. */
export interface ImportedFile {
  readonly name: string;
  readonly contents: string;
}

/** A document as loaded: always usable; `notice` says what was recovered or reset, if anything. */
export interface LoadedDocument<Doc> {
  readonly document: Doc;
  readonly notice?: PlatformNotice;
}

/** The platform services the UI may use. */
export interface PlatformPort<Doc> {
  readonly kind: 'electron' | 'browser';
  /** Loads, migrates and validates the document; never rejects: damage is repaired and reported. */
  loadDocument(): Promise<LoadedDocument<Doc>>;
  /** Saves the document, keeping the previous good copy as a backup; rejects with a readable Error. */
  saveDocument(document: Doc): Promise<void>;
  exportFile(request: ExportRequest): Promise<ExportResult>;
  /** Resolves `null` when the learner cancels. */
  importFile(request: ImportRequest): Promise<ImportedFile | null>;
  /** Opens an http(s) link outside the app; false when the link was refused. */
  openExternal(url: string): Promise<boolean>;
}

/**
 * How a platform turns stored JSON into a document: the schema's migration and validation (from
 * `sim/persist`), injected so the ports stay testable and the schema has one owner.
 */
export interface DocumentCodec<Doc> {
  createDefault(): Doc;
  /** Migrates an older schema version and validates; `error` is a sentence naming what is wrong and where. */
  read(raw: unknown):
    | { readonly ok: true; readonly document: Doc }
    /** `newer` when a newer version of the app wrote it: keep it, never overwrite it. */
    | { readonly ok: false; readonly error: string; readonly newer?: boolean };
}

/** True for the links the app may hand to a browser: absolute http or https URLs. */
export function isExternalLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
