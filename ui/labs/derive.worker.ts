/** The lab derive worker: runs labs' simulations off the page's thread (see `derive-engine.ts`). */
import { sqlJsPort } from '../../labs/kit/sql-js-port';
import { loadSqlJs } from '../platform/sql-js';
import { createDeriveEngine } from './derive-engine';
import type { ToDeriveWorker } from './derive-protocol';
import { labLoaders } from './lab-loaders';

declare const self: DedicatedWorkerGlobalScope;

// SQL labs derive on sql.js; its wasm is fetched only when the first of them loads.
sqlJsPort.provide(loadSqlJs);
const handle = createDeriveEngine(labLoaders, (message) => self.postMessage(message));
self.onmessage = (event: MessageEvent<ToDeriveWorker>) => void handle(event.data);
