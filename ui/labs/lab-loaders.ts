/**
 * Each lab's definition by id, imported only when a lab is first derived, so the derive worker loads the
 * simulations of the labs the learner opens and no others.
 */
import type { AnyLabDefinition } from '../../labs/engine';

/** Loads one lab's definition. */
export type LabLoader = () => Promise<AnyLabDefinition>;

/** Every registered lab's loader, by lab id (a test keeps it in step with `labs/index.ts`). */
export const labLoaders: Readonly<Record<string, LabLoader>> = {
  'data-bus': () => import('../../labs/01-data-bus/lab').then((m) => m.dataBusLab),
  'right-tool': () => import('../../labs/02-right-tool/lab').then((m) => m.rightToolLab),
  'lambda-architecture': () =>
    import('../../labs/03-lambda-architecture/lab').then((m) => m.lambdaArchitectureLab),
  'big-data-small-cost': () =>
    import('../../labs/04-big-data-small-cost/lab').then((m) => m.bigDataSmallCostLab),
  'partition-keys': () => import('../../labs/05-partition-keys/lab').then((m) => m.partitionKeysLab),
  'provision-shards': () => import('../../labs/06-provision-shards/lab').then((m) => m.provisionShardsLab),
  'hot-shard': () => import('../../labs/07-hot-shard/lab').then((m) => m.hotShardLab),
  'kpl-aggregation': () => import('../../labs/08-kpl-aggregation/lab').then((m) => m.kplAggregationLab),
  'kcl-scaling': () => import('../../labs/09-kcl-scaling/lab').then((m) => m.kclScalingLab),
  'consumers-compared': () =>
    import('../../labs/10-consumers-compared/lab').then((m) => m.consumersComparedLab),
  'streams-vs-firehose': () =>
    import('../../labs/11-streams-vs-firehose/lab').then((m) => m.streamsVsFirehoseLab),
  'firehose-buffering': () =>
    import('../../labs/12-firehose-buffering/lab').then((m) => m.firehoseBufferingLab),
};
