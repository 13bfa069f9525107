/**
 * The typed preload API the desktop app exposes as `window.bdlab` (see electron/preload.ts). Declared here
 * because ui/ must not import electron/; the two sides agree on this shape, and nothing else crosses.
 */
export interface BdlabBridge {
  readonly kind: 'electron';
  loadDocument(): Promise<{ document: unknown; notice?: string }>;
  saveDocument(document: unknown): Promise<void>;
  exportFile(request: {
    suggestedName: string;
    mimeType: string;
    contents: string;
  }): Promise<{ saved: boolean; path?: string }>;
  importFile(request: { accept: string[] }): Promise<{ name: string; contents: string } | null>;
  openExternal(url: string): Promise<boolean>;
}

/** The bridge, when the page runs inside the desktop app. */
export function findBridge(win: Window): BdlabBridge | undefined {
  const candidate = (win as Window & { bdlab?: unknown }).bdlab;
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  return (candidate as { kind?: unknown }).kind === 'electron' ? (candidate as BdlabBridge) : undefined;
}
