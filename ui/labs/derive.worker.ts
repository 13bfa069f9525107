/** The lab derive worker: runs labs' simulations off the page's thread (see `derive-engine.ts`). */
import { createDeriveEngine } from './derive-engine';
import type { ToDeriveWorker } from './derive-protocol';
import { labLoaders } from './lab-loaders';

declare const self: DedicatedWorkerGlobalScope;

const handle = createDeriveEngine(labLoaders, (message) => self.postMessage(message));
self.onmessage = (event: MessageEvent<ToDeriveWorker>) => void handle(event.data);
