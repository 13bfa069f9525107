/**
 * The light lab catalogue: what the agenda, the header and the presenter need to list the labs (ids,
 * titles, sessions, availability, durations) without importing any lab definition or the simulation. Each
 * built lab's definition is loaded on demand (`loadLab`), so a bundler puts every lab in its own chunk and
 * the first screen carries none of them. `labs/catalogue.test.ts` proves this file agrees with the lab
 * registry (`labs/index.ts`), so a lab added there and forgotten here fails a test that says what to add.
 */
import { agenda, type PlannedLab, type SessionNumber } from './agenda.ts';
import type { AnyLabDefinition } from './engine/types.ts';

/** A lab that is built: its folder, its duration, and how to load its definition. */
export interface CatalogueEntry {
  readonly id: string;
  /** `NN-slug`, as in `labs/index.ts`. */
  readonly folder: string;
  /** The definition's `estimatedMinutes`. */
  readonly estimatedMinutes: number;
  /** Imports the lab's definition (its module and the simulation it runs). */
  readonly load: () => Promise<AnyLabDefinition>;
}

/**
 * A SQL lab's definition once sql.js is loaded on this thread, if the thread provided a way to load it:
 * the derive worker and the page do (the page derives when it restores progress or shows a solution).
 */
const withSqlJs = (lab: Promise<AnyLabDefinition>): Promise<AnyLabDefinition> =>
  Promise.all([lab, import('./kit/sql-js-port.ts').then((m) => m.sqlJsPort.prepareIfProvided())]).then(
    ([definition]) => definition,
  );

/** Every built lab, in folder order; ids and minutes are the definitions' own (checked by a test). */
export const catalogue: readonly CatalogueEntry[] = [
  {
    id: 'data-bus',
    folder: '01-data-bus',
    estimatedMinutes: 15,
    load: () => import('./01-data-bus/lab.ts').then((m) => m.dataBusLab),
  },
  {
    id: 'right-tool',
    folder: '02-right-tool',
    estimatedMinutes: 15,
    load: () => import('./02-right-tool/lab.ts').then((m) => m.rightToolLab),
  },
  {
    id: 'lambda-architecture',
    folder: '03-lambda-architecture',
    estimatedMinutes: 20,
    load: () => import('./03-lambda-architecture/lab.ts').then((m) => m.lambdaArchitectureLab),
  },
  {
    id: 'big-data-small-cost',
    folder: '04-big-data-small-cost',
    estimatedMinutes: 20,
    load: () => import('./04-big-data-small-cost/lab.ts').then((m) => m.bigDataSmallCostLab),
  },
  {
    id: 'partition-keys',
    folder: '05-partition-keys',
    estimatedMinutes: 15,
    load: () => import('./05-partition-keys/lab.ts').then((m) => m.partitionKeysLab),
  },
  {
    id: 'provision-shards',
    folder: '06-provision-shards',
    estimatedMinutes: 20,
    load: () => import('./06-provision-shards/lab.ts').then((m) => m.provisionShardsLab),
  },
  {
    id: 'hot-shard',
    folder: '07-hot-shard',
    estimatedMinutes: 20,
    load: () => import('./07-hot-shard/lab.ts').then((m) => m.hotShardLab),
  },
  {
    id: 'kpl-aggregation',
    folder: '08-kpl-aggregation',
    estimatedMinutes: 15,
    load: () => import('./08-kpl-aggregation/lab.ts').then((m) => m.kplAggregationLab),
  },
  {
    id: 'kcl-scaling',
    folder: '09-kcl-scaling',
    estimatedMinutes: 25,
    load: () => import('./09-kcl-scaling/lab.ts').then((m) => m.kclScalingLab),
  },
  {
    id: 'consumers-compared',
    folder: '10-consumers-compared',
    estimatedMinutes: 20,
    load: () => import('./10-consumers-compared/lab.ts').then((m) => m.consumersComparedLab),
  },
  {
    id: 'streams-vs-firehose',
    folder: '11-streams-vs-firehose',
    estimatedMinutes: 15,
    load: () => import('./11-streams-vs-firehose/lab.ts').then((m) => m.streamsVsFirehoseLab),
  },
  {
    id: 'firehose-buffering',
    folder: '12-firehose-buffering',
    estimatedMinutes: 20,
    load: () => import('./12-firehose-buffering/lab.ts').then((m) => m.firehoseBufferingLab),
  },
  {
    id: 'redshift-sizing',
    folder: '13-redshift-sizing',
    estimatedMinutes: 15,
    load: () => import('./13-redshift-sizing/lab.ts').then((m) => m.redshiftSizingLab),
  },
  {
    id: 'redshift-load',
    folder: '14-redshift-load',
    estimatedMinutes: 20,
    load: () => withSqlJs(import('./14-redshift-load/lab.ts').then((m) => m.redshiftLoadLab)),
  },
  {
    id: 'redshift-queries',
    folder: '16-redshift-queries',
    estimatedMinutes: 20,
    load: () => withSqlJs(import('./16-redshift-queries/lab.ts').then((m) => m.redshiftQueriesLab)),
  },
];

/** The built lab with this id, or undefined when it is not built yet. */
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return catalogue.find((entry) => entry.id === id);
}

/** A lab of the day's agenda as the catalogue lists it. */
export interface CataloguedLab extends PlannedLab {
  readonly session: SessionNumber;
  /** True when the lab is built and can be played. */
  readonly available: boolean;
  /** The lab's duration; null for a lab not built yet. */
  readonly estimatedMinutes: number | null;
}

/** Every lab of the day's agenda, session by session, each marked available or not yet. */
export function cataloguedLabs(): CataloguedLab[] {
  return agenda.flatMap((item) =>
    item.kind === 'session'
      ? item.labs.map((planned) => {
          const entry = catalogueEntry(planned.id);
          return {
            ...planned,
            session: item.session,
            available: entry !== undefined,
            estimatedMinutes: entry?.estimatedMinutes ?? null,
          };
        })
      : [],
  );
}

/** The agenda's lab with this id, built or planned; undefined for an id the agenda does not plan. */
export function cataloguedLab(id: string): CataloguedLab | undefined {
  return cataloguedLabs().find((lab) => lab.id === id);
}

/**
 * A loader over `entries` that loads each lab's definition once: later calls share the first call's
 * promise. A failed load is forgotten, so trying again fetches again.
 */
export function createLabLoader(
  entries: readonly CatalogueEntry[],
): (id: string) => Promise<AnyLabDefinition> {
  const loaded = new Map<string, Promise<AnyLabDefinition>>();
  return (id) => {
    const entry = entries.find((candidate) => candidate.id === id);
    if (!entry) return Promise.reject(new Error(`No lab "${id}" is built in this version of the app.`));
    let pending = loaded.get(id);
    if (!pending) {
      pending = entry.load();
      loaded.set(id, pending);
      pending.catch(() => loaded.delete(id));
    }
    return pending;
  };
}

/** Loads a built lab's definition (once per app run). */
export const loadLab: (id: string) => Promise<AnyLabDefinition> = createLabLoader(catalogue);
