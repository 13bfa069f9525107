/**
 * Each lab's explorable as a part of the app loaded when it is first shown (see LazyChunk): loaded once per
 * app run, so coming back to a lab shows it at once, and a failed load can be tried again.
 */
import { LazyChunk } from '../shell/lazy-chunk.svelte';
import { explorables, type AnyExplorable, type ExplorableLoader } from './explorables';

/**
 * A lookup over `registry` that gives each lab id one chunk; undefined for an id with no explorable.
 */
export function createExplorableChunks(
  registry: Readonly<Record<string, ExplorableLoader>>,
): (labId: string) => LazyChunk<AnyExplorable> | undefined {
  const chunks = new Map<string, LazyChunk<AnyExplorable>>();
  return (labId) => {
    const load = Object.hasOwn(registry, labId) ? registry[labId] : undefined;
    if (!load) return undefined;
    let chunk = chunks.get(labId);
    if (!chunk) {
      chunk = new LazyChunk(load);
      chunks.set(labId, chunk);
    }
    return chunk;
  };
}

/** The chunk of the explorable of the lab with this id; undefined when the lab has none. */
export const explorableChunk = createExplorableChunks(explorables);
