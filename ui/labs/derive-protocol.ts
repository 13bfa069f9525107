/** The messages between the page and the lab derive worker, each request named by its id. */
import type { LabAction } from '../../labs/engine';
import type { SimError } from '../../sim/core/index.ts';

/**
 * Page → worker: derive a lab's facts for a workspace, compute the scripted solutions of steps `0 … upTo`
 * (some labs read them off a simulation), or call off a request that was superseded.
 */
export type ToDeriveWorker =
  | { readonly type: 'derive'; readonly id: number; readonly labId: string; readonly workspace: unknown }
  | { readonly type: 'solutions'; readonly id: number; readonly labId: string; readonly upTo: number }
  | { readonly type: 'cancel'; readonly id: number };

/** Worker → page: the facts or solutions, why they could not be computed, or that the request was called off. */
export type FromDeriveWorker =
  | { readonly type: 'derived'; readonly id: number; readonly derived: unknown }
  | { readonly type: 'solutions'; readonly id: number; readonly solutions: readonly (readonly LabAction[])[] }
  | { readonly type: 'failed'; readonly id: number; readonly error: SimError }
  | { readonly type: 'cancelled'; readonly id: number };

/** The part of a Worker the client uses, so tests can hand it a fake. */
export interface DeriveWorkerLike {
  postMessage(message: ToDeriveWorker): void;
  onmessage: ((event: MessageEvent<FromDeriveWorker>) => void) | null;
  terminate(): void;
}
