/**
 * Every lab's explorable, by lab id, each loaded when its lab is first played so that a lab's UI is its own
 * chunk of the build. A lab is registered once with `explorable`, which checks the explorable's props
 * against the lab definition's own workspace and action types; past this file the player handles every lab
 * alike. `explorables.test.ts` proves every lab in `labs/catalogue.ts` is registered here and nothing else.
 */
import type { Component } from 'svelte';
import type { dataBusLab } from '../../labs/01-data-bus/lab';
import type { rightToolLab } from '../../labs/02-right-tool/lab';
import type { lambdaArchitectureLab } from '../../labs/03-lambda-architecture/lab';
import type { bigDataSmallCostLab } from '../../labs/04-big-data-small-cost/lab';
import type { partitionKeysLab } from '../../labs/05-partition-keys/lab';
import type { provisionShardsLab } from '../../labs/06-provision-shards/lab';
import type { hotShardLab } from '../../labs/07-hot-shard/lab';
import type { kplAggregationLab } from '../../labs/08-kpl-aggregation/lab';
import type { kclScalingLab } from '../../labs/09-kcl-scaling/lab';
import type { consumersComparedLab } from '../../labs/10-consumers-compared/lab';
import type { streamsVsFirehoseLab } from '../../labs/11-streams-vs-firehose/lab';
import type { firehoseBufferingLab } from '../../labs/12-firehose-buffering/lab';
import type { redshiftSizingLab } from '../../labs/13-redshift-sizing/lab';
import type { redshiftLoadLab } from '../../labs/14-redshift-load/lab';
import type { redshiftQueriesLab } from '../../labs/16-redshift-queries/lab';
import type { LabAction } from '../../labs/engine';
import type { ExplorableProps } from './explorable-props';

/** The workspace type of a lab definition, as its reducer takes it. */
type WorkspaceOf<Lab> = Lab extends { reduce(workspace: infer Workspace, action: never): unknown }
  ? Workspace
  : never;
/** The learner-action type of a lab definition, as its reducer takes it. */
type ActionOf<Lab> = Lab extends { reduce(workspace: never, action: infer Action extends LabAction): unknown }
  ? Action
  : never;

/** The facts type a lab definition derives, as its explorable receives them. */
type DerivedOf<Lab> = Lab extends { derive(workspace: never): infer Derived } ? Derived : never;

/* eslint-disable @typescript-eslint/no-explicit-any -- variance: each lab has its own types, erased here */
/** An explorable with its lab's types erased, as the player mounts it (the engine checked the workspace). */
export type AnyExplorable = Component<ExplorableProps<any, any, any>>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Loads a lab's explorable (its own chunk of the build). */
export type ExplorableLoader = () => Promise<AnyExplorable>;

/**
 * Registers the explorable of the lab whose definition has type `Lab`: the explorable must take that lab's
 * workspace, actions and derived facts, so a mismatch fails the typecheck here rather than at each use.
 */
export function explorable<Lab>(
  load: () => Promise<{
    default: Component<ExplorableProps<WorkspaceOf<Lab>, ActionOf<Lab>, DerivedOf<Lab>>>;
  }>,
): ExplorableLoader {
  return () => load().then((module) => module.default);
}

/** Each built lab's explorable by lab id, in folder order. */
export const explorables: Readonly<Record<string, ExplorableLoader>> = {
  'data-bus': explorable<typeof dataBusLab>(() => import('./01-data-bus/DataBusExplorable.svelte')),
  'right-tool': explorable<typeof rightToolLab>(() => import('./02-right-tool/RightToolExplorable.svelte')),
  'lambda-architecture': explorable<typeof lambdaArchitectureLab>(
    () => import('./03-lambda-architecture/LambdaArchExplorable.svelte'),
  ),
  'big-data-small-cost': explorable<typeof bigDataSmallCostLab>(
    () => import('./04-big-data-small-cost/CostExplorable.svelte'),
  ),
  'partition-keys': explorable<typeof partitionKeysLab>(
    () => import('./05-partition-keys/PartitionKeysExplorable.svelte'),
  ),
  'provision-shards': explorable<typeof provisionShardsLab>(
    () => import('./06-provision-shards/ProvisionExplorable.svelte'),
  ),
  'hot-shard': explorable<typeof hotShardLab>(() => import('./07-hot-shard/HotShardExplorable.svelte')),
  'kpl-aggregation': explorable<typeof kplAggregationLab>(
    () => import('./08-kpl-aggregation/KplExplorable.svelte'),
  ),
  'kcl-scaling': explorable<typeof kclScalingLab>(
    () => import('./09-kcl-scaling/KclScalingExplorable.svelte'),
  ),
  'consumers-compared': explorable<typeof consumersComparedLab>(
    () => import('./10-consumers-compared/ConsumersComparedExplorable.svelte'),
  ),
  'streams-vs-firehose': explorable<typeof streamsVsFirehoseLab>(
    () => import('./11-streams-vs-firehose/StreamsVsFirehoseExplorable.svelte'),
  ),
  'firehose-buffering': explorable<typeof firehoseBufferingLab>(
    () => import('./12-firehose-buffering/FirehoseBufferingExplorable.svelte'),
  ),
  'redshift-sizing': explorable<typeof redshiftSizingLab>(
    () => import('./13-redshift-sizing/SizingExplorable.svelte'),
  ),
  'redshift-load': explorable<typeof redshiftLoadLab>(
    () => import('./14-redshift-load/LoadExplorable.svelte'),
  ),
  'redshift-queries': explorable<typeof redshiftQueriesLab>(
    () => import('./16-redshift-queries/QueriesExplorable.svelte'),
  ),
};
