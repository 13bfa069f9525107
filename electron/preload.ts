import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './ipc/create-bridge.ts';

// Sandboxed preload: bundled into one CommonJS file whose only import is `electron`.
contextBridge.exposeInMainWorld(
  'bdlab',
  createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
