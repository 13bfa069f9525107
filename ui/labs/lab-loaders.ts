/**
 * Each lab's definition by id, imported only when a lab is first derived, so the derive worker loads the
 * simulations of the labs the learner opens and no others. The loaders are the catalogue's own.
 */
import { catalogue } from '../../labs/catalogue';
import type { AnyLabDefinition } from '../../labs/engine';

/** Loads one lab's definition. */
export type LabLoader = () => Promise<AnyLabDefinition>;

/** Every built lab's loader, by lab id (a test keeps it in step with `labs/index.ts`). */
export const labLoaders: Readonly<Record<string, LabLoader>> = Object.fromEntries(
  catalogue.map((entry) => [entry.id, entry.load]),
);
