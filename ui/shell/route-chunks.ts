/**
 * The parts of the app that load when they are first opened, each its own chunk of the build: the pages
 * other than the agenda, the lab player and each lab, and the presenter bar. Each is loaded once per app
 * run (see LazyChunk), so returning to a page shows it at once.
 */
import { loadLab } from '../../labs/catalogue';
import type { AnyLabDefinition } from '../../labs/engine/types';
import type * as CalculatorsRoute from '../calculators/calculators-route';
import type LabPage from '../labs/player/LabPage.svelte';
import { LazyChunk } from './lazy-chunk.svelte';

/** The streaming console (its simulation runs in a worker the page starts). */
export const streamingChunk = new LazyChunk(() =>
  import('../consoles/streaming/StreamingConsolePage.svelte').then((m) => m.default),
);

/** The Redshift console (sql.js and its database run in a worker the page starts). */
export const redshiftChunk = new LazyChunk(() =>
  import('../consoles/redshift/RedshiftConsolePage.svelte').then((m) => m.default),
);

/** The settings page (price books, theme, lab progress export and import). */
export const settingsChunk = new LazyChunk(() =>
  import('../settings/SettingsPage.svelte').then((m) => m.default),
);

/** The presenter's bar, loaded when presenter mode is first turned on. */
export const presenterBarChunk = new LazyChunk(() =>
  import('../presenter/PresenterBar.svelte').then((m) => m.default),
);

/** The calculators; `openCalculators` keeps their state for the app's run. */
export const calculatorsModule = (): Promise<typeof CalculatorsRoute> =>
  import('../calculators/calculators-route');

const labPlayer = (): Promise<typeof LabPage> =>
  import('../labs/player/LabPage.svelte').then((m) => m.default);

const labChunks = new Map<string, LazyChunk<LabPart>>();

/** A lab's page: its definition and the player that plays it. */
export interface LabPart {
  readonly lab: AnyLabDefinition;
  readonly LabPage: typeof LabPage;
}

/** The chunk of the built lab with this id (the player is shared by every lab). */
export function labChunk(labId: string): LazyChunk<LabPart> {
  let chunk = labChunks.get(labId);
  if (!chunk) {
    chunk = new LazyChunk(async () => {
      const [lab, LabPage] = await Promise.all([loadLab(labId), labPlayer()]);
      return { lab, LabPage };
    });
    labChunks.set(labId, chunk);
  }
  return chunk;
}
