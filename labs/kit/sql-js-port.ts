/**
 * sql.js for the labs' derives, as an engine port: the host thread provides how to load it (the derive
 * worker fetches the build's wasm file, Node reads it), a SQL lab's catalogue loader waits for it, and
 * derive takes it synchronously. Its own small module, so a host can provide it without loading the engine.
 */
import type { SqlJsStatic } from '../../sim/redshift/index.ts';
import { EnginePort } from './engine-port.ts';

/** sql.js on this thread. */
export const sqlJsPort = new EnginePort<SqlJsStatic>('sql.js');
