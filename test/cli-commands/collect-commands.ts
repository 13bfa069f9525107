/**
 * Every command the app can show, gathered the way the app builds them: the console's forms and action log
 * for each built-in scenario (in both eras, with UpdateShardCount allowed or not), its downstream panels
 * (lease table, Firehose, S3 browser and object viewer), values a learner may type into the forms, the
 * labs' command panels (lab 7's SplitShard, lab 12's delivery stream) and command lines in the labs' texts.
 */
import { openStreamingSession, validateScenario } from '../../sim/run/index.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PartitionKeyStrategy } from '../../sim/streaming/index.ts';
import type { StreamingAction } from '../../sim/streaming/index.ts';
import { hashKeyRangeMidpoint, partitionKeyHashKey } from '../../sim/kinesis/index.ts';
import { BUCKET, PREFIX, STREAM_NAME } from '../../labs/kit/buffering-run.ts';
import { workload } from '../../labs/07-hot-shard/simulation.ts';
import { initialShards } from '../../labs/07-hot-shard/workspace.ts';
import { HOT_KEY } from '../../labs/07-hot-shard/simulation.ts';
import {
  adjacentPairs,
  midpointOf,
  openShards,
  shardCountRange,
} from '../../ui/consoles/streaming/action-forms.ts';
import {
  addKclWorker,
  crashKclWorker,
  createDeliveryStream,
  describeDeliveryStream,
  listObjects,
  readObject,
  realCommandFor,
  scanLeaseTable,
  splitShardCommand,
  streamCommandContext,
  type RealCommand,
} from '../../ui/shared/cli-commands.ts';
import { ConsoleEngine } from '../../ui/consoles/streaming/console-engine.ts';
import { redshiftCommands } from './redshift-shown.ts';
import type { StreamView } from '../../ui/consoles/streaming/console-view.ts';
import { BUILT_IN_SCENARIOS } from '../../ui/consoles/streaming/scenarios.ts';
import { count } from '../../sim/core/index.ts';

/** A command the app can show, and where. */
export interface ShownCommand {
  readonly where: string;
  readonly command: RealCommand;
}

/** Keys a learner may type into "one fixed key" (the form allows up to 256 UTF-16 units). */
export const TYPED_PARTITION_KEYS = [
  'user-42',
  'user 42',
  "it's",
  '1234 5678',
  'ключ',
  '*',
  '-',
  '--data',
  '$(whoami)',
  '`id`',
  '"quoted"',
  'a\\b',
  '😀'.repeat(128),
  // 258 UTF-16 units but 129 characters: AWS counts characters, so this key is accepted.
  '😀'.repeat(129),
  '',
  'k'.repeat(257),
];

/** Hash keys a learner may type into "a hash key I choose". */
export function typedHashKeys(shard: { startingHashKey: string; endingHashKey: string }): string[] {
  const start = BigInt(shard.startingHashKey);
  const end = BigInt(shard.endingHashKey);
  return [
    '1234 5678',
    '…',
    '',
    '007',
    '-1',
    '1e5',
    '12,345',
    (start + 2n).toString(),
    (start + 1n).toString(),
    start.toString(),
    (end - 1n).toString(),
    end.toString(),
    (end + 1n).toString(),
  ];
}

const STRATEGIES: PartitionKeyStrategy[] = [
  { strategy: 'random' },
  { strategy: 'fixed', key: 'user-42' },
  { strategy: 'zipf', keys: 1000, exponent: 1 },
  { strategy: 'sequential', keys: 1000 },
];

/** What the console's Kinesis forms can submit for a stream, as the forms build them. */
function formActions(stream: StreamView): StreamingAction[] {
  const actions: StreamingAction[] = [];
  for (const shard of openShards(stream)) {
    for (const key of [midpointOf(shard), ...typedHashKeys(shard)]) {
      actions.push({
        action: 'splitShard',
        stream: stream.name,
        shardId: shard.shardId,
        newStartingHashKey: key,
      });
    }
  }
  for (const [low, high] of adjacentPairs(stream)) {
    actions.push({
      action: 'mergeShards',
      stream: stream.name,
      shardId: low.shardId,
      adjacentShardId: high.shardId,
    });
  }
  const range = shardCountRange(stream);
  for (const target of [0, range.min - 1, range.min, stream.openShardCount, range.max, range.max + 1, 2.5]) {
    actions.push({ action: 'updateShardCount', stream: stream.name, targetShardCount: count(target) });
  }
  for (const { producer } of stream.keyStrategies) {
    for (const partitionKeys of STRATEGIES)
      actions.push({ action: 'setProducerKeys', producer, partitionKeys });
    for (const key of TYPED_PARTITION_KEYS) {
      actions.push({ action: 'setProducerKeys', producer, partitionKeys: { strategy: 'fixed', key } });
    }
  }
  return actions;
}

const ERAS = [
  { label: '2016', patch: {} },
  { label: '2016 with UpdateShardCount allowed', patch: { kinesis: { allowUpdateShardCount: true } } },
  { label: 'current', patch: { era: 'current' } },
];

/** The console: every built-in scenario, its forms, its action log and its downstream panels. */
function consoleCommands(): ShownCommand[] {
  const shown: ShownCommand[] = [];
  for (const builtIn of BUILT_IN_SCENARIOS) {
    for (const era of ERAS) {
      const where = `console, ${builtIn.id} (${era.label})`;
      const engine = new ConsoleEngine({
        validate: (value) => validateScenario(value),
        open: openStreamingSession,
      });
      const errors = engine.start(builtIn.title, { ...builtIn.scenario, ...era.patch });
      if (errors.length > 0) throw new Error(`${where}: ${errors.map((e) => e.message).join('; ')}`);
      // Long enough for a delivery to S3 (60 s hints) and the KCL scenario's split at 60 s; 5 s otherwise.
      const downstream = 'firehose' in builtIn.scenario || 'consumers' in builtIn.scenario;
      engine.advanceTo(downstream ? 65_000 : 5_000);
      const view = engine.view()!;
      for (const stream of view.streams) {
        const context = streamCommandContext(stream);
        for (const action of formActions(stream)) {
          shown.push({
            where: `${where}, form ${JSON.stringify(action)}`,
            command: realCommandFor(action, context),
          });
        }
        // What the action log shows once the engine applied them (the split at the midpoint it chose).
        const open = openShards(stream);
        // UpdateShardCount first (applied where the era has it), then a split, which is refused while the
        // stream is UPDATING (or applied at the midpoint when the update was refused).
        const applied: StreamingAction[] = [
          {
            action: 'updateShardCount',
            stream: stream.name,
            targetShardCount: count(stream.openShardCount + 1),
          },
          ...(open[0]
            ? [{ action: 'splitShard' as const, stream: stream.name, shardId: open[0].shardId }]
            : []),
          ...stream.keyStrategies.map((p) => ({
            action: 'setProducerKeys' as const,
            producer: p.producer,
            partitionKeys: { strategy: 'fixed' as const, key: 'user 42' },
          })),
        ];
        for (const action of applied) engine.apply(action);
      }
      for (const consumer of view.consumers) {
        if (consumer.kind !== 'kcl') continue;
        engine.apply({ action: 'addWorker', consumer: consumer.name });
        shown.push({ where: `${where}, lease table`, command: scanLeaseTable(consumer.name) });
        shown.push({ where: `${where}, add worker`, command: addKclWorker(consumer.name) });
        for (const worker of consumer.workers) {
          shown.push({
            where: `${where}, crash ${worker.workerId}`,
            command: crashKclWorker(consumer.name, worker.workerId),
          });
          engine.apply({ action: 'crashWorker', consumer: consumer.name, workerId: worker.workerId });
        }
      }
      for (const delivery of view.firehose) {
        shown.push({ where: `${where}, delivery stream`, command: describeDeliveryStream(delivery.name) });
      }
      for (const object of view.s3.objects) {
        const parts = object.key.split('/');
        for (let depth = 0; depth < parts.length; depth++) {
          const prefix = parts
            .slice(0, depth)
            .map((p) => `${p}/`)
            .join('');
          shown.push({ where: `${where}, S3 browser`, command: listObjects(object.bucket, prefix) });
        }
        for (const compression of ['gzip', 'zip', 'none'] as const) {
          shown.push({
            where: `${where}, object viewer`,
            command: readObject(object.bucket, object.key, compression),
          });
        }
      }
      for (const entry of engine.view()!.actions) {
        shown.push({
          where: `${where}, action log (${entry.outcome}): ${entry.label}`,
          command: entry.cliCommand,
        });
      }
    }
  }
  return shown;
}

/** Lab 7's SplitShard form and lab 12's delivery stream settings. */
function labCommands(): ShownCommand[] {
  const shown: ShownCommand[] = [];
  for (const shard of initialShards) {
    const view = { startingHashKey: shard.StartingHashKey, endingHashKey: shard.EndingHashKey };
    const keys = [hashKeyRangeMidpoint(shard), partitionKeyHashKey(HOT_KEY), ...typedHashKeys(view)];
    for (const key of keys) {
      shown.push({
        where: `lab 7 SplitShard ${shard.ShardId} at ${JSON.stringify(key)}`,
        command: splitShardCommand(workload.streamName, { ShardId: shard.ShardId, HashKeyRange: shard }, key),
      });
    }
  }
  for (const compression of ['UNCOMPRESSED', 'GZIP', 'ZIP', 'Snappy'] as const) {
    for (const sizeMB of [0, 1, 5, 128, 129]) {
      for (const intervalSeconds of [0, 59, 60, 300, 900, 901]) {
        shown.push({
          where: `lab 12 delivery stream ${compression} ${sizeMB} MB ${intervalSeconds} s`,
          command: createDeliveryStream({
            name: STREAM_NAME,
            bucket: BUCKET,
            prefix: PREFIX,
            sizeMB,
            intervalSeconds,
            compression,
          }),
        });
      }
    }
  }
  return shown;
}

/** Command lines in the labs' texts: code spans and blocks whose text starts with `aws `. */
export function labTextCommands(root = 'labs'): { where: string; line: string }[] {
  const found: { where: string; line: string }[] = [];
  for (const lab of readdirSync(root, { withFileTypes: true })) {
    if (!lab.isDirectory()) continue;
    for (const file of readdirSync(join(root, lab.name))) {
      if (!file.endsWith('.md')) continue;
      const text = readFileSync(join(root, lab.name, file), 'utf8');
      for (const match of text.matchAll(/```[a-z]*\n([\s\S]*?)```|`([^`\n]+)`/g)) {
        for (const line of (match[1] ?? match[2] ?? '').split('\n')) {
          if (/^\s*(\$ )?aws /.test(line))
            found.push({ where: `${lab.name}/${file}`, line: line.replace(/^\s*(\$ )?/, '') });
        }
      }
    }
  }
  return found;
}

/** Every command the console and the labs can show (the lab texts' lines are in `labTextCommands`). */
export function collectShownCommands(): ShownCommand[] {
  return [...consoleCommands(), ...labCommands(), ...redshiftCommands()];
}
