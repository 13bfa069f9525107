/**
 * The lab registry: every lab that exists, in the order of its folder's numeric prefix
 * (`labs/NN-slug/`). The agenda (`labs/agenda.ts`) plans the day; this says which planned labs can be played.
 */
import { agenda, type PlannedLab, type SessionNumber } from './agenda.ts';
import type { AnyLabDefinition } from './engine/types.ts';
import { dataBusLab } from './01-data-bus/lab.ts';
import { rightToolLab } from './02-right-tool/lab.ts';
import { lambdaArchitectureLab } from './03-lambda-architecture/lab.ts';
import { bigDataSmallCostLab } from './04-big-data-small-cost/lab.ts';
import { partitionKeysLab } from './05-partition-keys/lab.ts';
import { provisionShardsLab } from './06-provision-shards/lab.ts';
import { hotShardLab } from './07-hot-shard/lab.ts';
import { kplAggregationLab } from './08-kpl-aggregation/lab.ts';
import { kclScalingLab } from './09-kcl-scaling/lab.ts';
import { consumersComparedLab } from './10-consumers-compared/lab.ts';
import { streamsVsFirehoseLab } from './11-streams-vs-firehose/lab.ts';
import { firehoseBufferingLab } from './12-firehose-buffering/lab.ts';
import { redshiftSizingLab } from './13-redshift-sizing/lab.ts';
import { redshiftLoadLab } from './14-redshift-load/lab.ts';
import { redshiftQueriesLab } from './16-redshift-queries/lab.ts';

/** A registered lab and the folder it lives in. */
export interface RegisteredLab {
  /** `NN-slug`, where the slug is the lab's id. */
  readonly folder: string;
  readonly lab: AnyLabDefinition;
}

const prefix = (folder: string): number => Number.parseInt(folder.slice(0, 2), 10);

/** Every lab, ordered by folder prefix. */
export const registeredLabs: readonly RegisteredLab[] = [
  { folder: '01-data-bus', lab: dataBusLab },
  { folder: '02-right-tool', lab: rightToolLab },
  { folder: '03-lambda-architecture', lab: lambdaArchitectureLab },
  { folder: '04-big-data-small-cost', lab: bigDataSmallCostLab },
  { folder: '05-partition-keys', lab: partitionKeysLab },
  { folder: '06-provision-shards', lab: provisionShardsLab },
  { folder: '07-hot-shard', lab: hotShardLab },
  { folder: '08-kpl-aggregation', lab: kplAggregationLab },
  { folder: '09-kcl-scaling', lab: kclScalingLab },
  { folder: '10-consumers-compared', lab: consumersComparedLab },
  { folder: '11-streams-vs-firehose', lab: streamsVsFirehoseLab },
  { folder: '12-firehose-buffering', lab: firehoseBufferingLab },
  { folder: '13-redshift-sizing', lab: redshiftSizingLab },
  { folder: '14-redshift-load', lab: redshiftLoadLab },
  { folder: '16-redshift-queries', lab: redshiftQueriesLab },
].sort((a, b) => prefix(a.folder) - prefix(b.folder));

/** The lab with this id, or undefined when it is not built yet. */
export function findLab(id: string): AnyLabDefinition | undefined {
  return registeredLabs.find((entry) => entry.lab.id === id)?.lab;
}

/** True when the agenda's lab with this id can be played. */
export function isLabAvailable(id: string): boolean {
  return findLab(id) !== undefined;
}

/** A planned lab with whether it exists yet. */
export interface AgendaLabStatus extends PlannedLab {
  readonly session: SessionNumber;
  readonly available: boolean;
  /** The definition when available. */
  readonly lab?: AnyLabDefinition;
}

/** Every lab of the day's agenda, session by session, each marked available or not yet. */
export function agendaLabs(): AgendaLabStatus[] {
  return agenda.flatMap((item) =>
    item.kind === 'session'
      ? item.labs.map((planned) => {
          const lab = findLab(planned.id);
          return { ...planned, session: item.session, available: lab !== undefined, ...(lab ? { lab } : {}) };
        })
      : [],
  );
}
