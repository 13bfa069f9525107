/** Every IPC channel between the preload bridge and main, in one place so the two cannot drift apart. */
export const IPC_CHANNELS = {
  loadDocument: 'bdlab:load-document',
  saveDocument: 'bdlab:save-document',
  exportFile: 'bdlab:export-file',
  importFile: 'bdlab:import-file',
  openExternal: 'bdlab:open-external',
} as const;

/** One of the channel names above. */
export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];
