import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createLabController } from '../engine/controller.ts';
import { referenceWorkspace } from '../engine/run.ts';
import { busItems, type ItemId } from './catalogue.ts';
import { connectionProblem } from './checks.ts';
import { dataBusLab } from './lab.ts';
import type { DataBusAction, DataBusWorkspace } from './workspace.ts';

/** A player at the start of `step`, the earlier steps solved by their scripted solutions. */
function playerAt(step: number) {
  const created = createLabController(dataBusLab, { clock: new SimulatedClock() });
  if (!created.ok) throw new Error(created.error.message);
  const player = created.value;
  player.start();
  for (const earlier of dataBusLab.steps.slice(0, step)) {
    for (const action of earlier.solution) player.act(action);
    player.next();
  }
  return player;
}

type Player = ReturnType<typeof playerAt>;

const failing = (player: Player) =>
  player
    .getSnapshot()
    .tasks.filter((task) => !task.passed)
    .map((task) => task.feedback);

const task = (player: Player, id: string) => player.getSnapshot().tasks.find((t) => t.taskId === id)!;

/** The workspace at the start of `step` after the reference solutions, with `actions` applied. */
function workspaceAt(step: number, actions: readonly DataBusAction[]): DataBusWorkspace {
  const start = referenceWorkspace(dataBusLab, step);
  if (!start.ok) throw new Error(start.error.message);
  let workspace = start.value as DataBusWorkspace;
  for (const action of actions) {
    const next = dataBusLab.reduce(workspace, action);
    if (!next.ok) throw new Error(next.error.message);
    workspace = next.value;
  }
  return workspace;
}

const connect = (from: ItemId, to: ItemId): DataBusAction => ({ type: 'connect', from, to });
const results = (step: number, workspace: DataBusWorkspace) =>
  Object.fromEntries(
    dataBusLab.steps[step]!.tasks.map((t) => [t.id, t.check(workspace, { derived: undefined })]),
  );

/** Feedback must not hand out the answer: no piece other than the ones the learner touched is named. */
function namesOnly(feedback: string, allowed: readonly ItemId[]): void {
  for (const item of busItems) {
    if (!allowed.includes(item.id)) expect(feedback, `names ${item.name}`).not.toContain(item.name);
  }
}

describe('lab 1, step 1: lay out the stages', () => {
  it('lists no piece before the learner has placed anything', () => {
    const tasks = playerAt(0).getSnapshot().tasks;
    expect(tasks.map((t) => t.feedback)).toEqual([
      'Nothing on Collect yet.',
      'Nothing on Store yet.',
      'Nothing on Process / analyze yet.',
      'Nothing on Consume yet.',
    ]);
    expect(tasks.every((t) => !t.passed)).toBe(true);
  });

  it('says which piece sits on a stage it does not fit, and why, without naming its stage', () => {
    const player = playerAt(0);
    player.act({ type: 'place', item: 'kinesis', stage: 'process' });
    const feedback = task(player, 'placed-process').feedback;
    expect(feedback).toBe(
      'Amazon Kinesis Streams does not fit Process / analyze, which is for engines that compute on stored data: Amazon Kinesis Streams keeps a stream of records 24 hours by default (up to 7 days) so several applications can read and replay them.',
    );
    expect(task(player, 'placed-store').feedback).toBe('Nothing on Store yet.');
    expect(feedback).not.toMatch(/\bStore\b/);
  });

  it('does not pass a stage that is only partly filled, and does not list what is missing', () => {
    const player = playerAt(0);
    player.act({ type: 'place', item: 'web-apps', stage: 'collect' });
    player.act({ type: 'place', item: 'logs', stage: 'collect' });
    expect(task(player, 'placed-collect')).toMatchObject({
      passed: false,
      feedback: 'What is on Collect belongs there, but something is still missing.',
    });
  });

  it('does not pass when Redshift is taken for storage, a common confusion', () => {
    const player = playerAt(0);
    for (const action of dataBusLab.steps[0]!.solution) player.act(action);
    player.act({ type: 'place', item: 'redshift', stage: 'store' });
    expect(failing(player)).toEqual([
      'Amazon Redshift does not fit Store, which is for where data waits, durably, until something reads it: Amazon Redshift runs SQL queries over a data warehouse for interactive analysis.',
      'What is on Process / analyze belongs there, but something is still missing.',
    ]);
  });

  it('refuses to connect an item that is not on the bus, keeping the work', () => {
    const player = playerAt(0);
    player.act({ type: 'place', item: 'web-apps', stage: 'collect' });
    player.act({ type: 'connect', from: 'web-apps', to: 'kinesis' });
    expect(player.getSnapshot().lastError?.message).toBe(
      'Place Amazon Kinesis Streams on the bus before connecting it.',
    );
    expect(player.getSnapshot().workspace.placements).toEqual({ 'web-apps': 'collect' });
  });
});

describe('lab 1, step 2: collect into storage', () => {
  it('does not tick "every connection follows the stages" while there is no connection', () => {
    expect(task(playerAt(1), 'sound-connections')).toEqual(
      expect.objectContaining({
        passed: false,
        feedback: 'No connections yet: draw one from a piece to where its data goes next.',
      }),
    );
  });

  /** The step's solution with one source's connection replaced by a wrong one. */
  const withWrongStore = (source: ItemId, store: ItemId) => {
    const player = playerAt(1);
    for (const action of dataBusLab.steps[1]!.solution)
      if (action.type !== 'connect' || action.from !== source) player.act(action);
    player.act(connect(source, store));
    return player;
  };

  it.each([
    [
      'web-apps',
      'elasticache',
      'Web apps → Amazon ElastiCache does not fit: Web apps: web clients send clickstream events and write transactions as users click and buy; Amazon ElastiCache keeps copies in memory and may evict them, so the collected data would not be kept.',
    ],
    [
      'logs',
      'dynamodb',
      'Logs → Amazon DynamoDB does not fit: Logs: servers and services write log files, line by line; Amazon DynamoDB keeps items to look up by key, not a continuous flow to be read in order.',
    ],
    [
      'iot-devices',
      'rds',
      'Devices and IoT sensors → Amazon RDS does not fit: Devices and IoT sensors: devices send small telemetry readings, continuously; Amazon RDS keeps related rows for transactions, not a continuous flow to be read in order.',
    ],
    [
      'mobile-apps',
      's3',
      'Mobile apps → Amazon S3 does not fit: Mobile apps: mobile clients send usage events and write records as people use them; Amazon S3 keeps whole objects, not small events sent one at a time.',
    ],
    [
      'logs',
      'elasticsearch',
      'Logs → Amazon Elasticsearch Service does not fit: Logs: servers and services write log files, line by line; Amazon Elasticsearch Service indexes documents for search, built from data kept elsewhere, not where data first lands.',
    ],
  ] as [ItemId, ItemId, string][])(
    'refuses %s → %s and says why the store does not fit',
    (source, store, why) => {
      const player = withWrongStore(source, store);
      expect(player.getSnapshot().phase).toBe('working');
      const sourceName = busItems.find((i) => i.id === source)!.name;
      expect(failing(player)).toEqual([`Not yet in a store that fits its data: ${sourceName}.`, why]);
      namesOnly(why, [source, store]);
    },
  );

  it('does not accept a source wired straight into a processor', () => {
    const player = withWrongStore('logs', 'emr');
    expect(failing(player)).toEqual([
      'Not yet in a store that fits its data: Logs.',
      'Logs → Amazon EMR skips storage. Collected data lands in a store first, where any number of processors can read it, again and later.',
    ]);
  });

  it('accepts the other fitting choices the text allows: transactions in a database, logs streamed', () => {
    const workspace = workspaceAt(1, [
      connect('web-apps', 'rds'),
      connect('mobile-apps', 'dynamodb'),
      connect('iot-devices', 'kinesis'),
      connect('logs', 'kinesis'),
    ]);
    expect(Object.values(results(1, workspace)).every((r) => r.passed)).toBe(true);
  });
});

describe('lab 1, step 3: let storage decouple processing', () => {
  it('passes with the scripted solution, then fails when two processors are coupled directly', () => {
    const player = playerAt(2);
    for (const action of dataBusLab.steps[2]!.solution) player.act(action);
    expect(player.getSnapshot().phase).toBe('passed');
    player.act(connect('spark-streaming', 'redshift'));
    expect(player.getSnapshot().phase).toBe('working');
    expect(failing(player)).toEqual([connectionProblem({ from: 'spark-streaming', to: 'redshift' })]);
    expect(failing(player)[0]).toMatch(
      /^Spark Streaming → Amazon Redshift couples two processing stages directly/,
    );
  });

  it('does not congratulate a processor that reads a cache nothing writes to and writes nowhere', () => {
    const workspace = workspaceAt(2, [connect('elasticache', 'lambda'), connect('elasticache', 'emr')]);
    const r = results(2, workspace);
    expect(Object.values(r).some((result) => !result.passed)).toBe(true);
    expect(r['one-store-many-readers']).toEqual({
      passed: false,
      feedback:
        'No store that holds data is read by two processors yet. A stream can be read by several applications at once, each at its own pace: let a second processor read the same store.',
    });
    expect(r['results-stored']).toEqual({
      passed: false,
      feedback: 'AWS Lambda reads data, but the results go nowhere: no later stage can read them.',
    });
    expect(r['sound-connections']!.feedback).toBe(
      'Amazon ElastiCache → AWS Lambda does not fit: Amazon ElastiCache keeps copies of hot data that it may evict; engines read the durable copy, not the cache. Amazon ElastiCache → Amazon EMR does not fit: Amazon ElastiCache keeps copies of hot data that it may evict; engines read the durable copy, not the cache.',
    );
  });

  it('does not count two readers of a store that no data reaches', () => {
    const workspace = workspaceAt(2, [connect('dynamodb', 'lambda'), connect('dynamodb', 'emr')]);
    expect(results(2, workspace)['one-store-many-readers']).toEqual({
      passed: false,
      feedback:
        'AWS Lambda and Amazon EMR read Amazon DynamoDB, but no data reaches it: nothing writes to it.',
    });
  });

  it('needs one store read by two processors and one processor reading two stores', () => {
    const workspace = workspaceAt(2, [
      connect('kinesis', 'spark-streaming'),
      connect('spark-streaming', 's3'),
      connect('s3', 'redshift'),
    ]);
    const r = results(2, workspace);
    expect(r['one-store-many-readers']!.feedback).toMatch(/^No store that holds data is read by two/);
    expect(r['one-reader-many-stores']!.feedback).toMatch(/^No processor reads two stores that hold data/);
    expect(r['multi-stage']!.passed).toBe(true);
    expect(r['results-stored']!.passed).toBe(true);
    expect(r['sound-connections']!.passed).toBe(true);
  });

  it('names the empty store when a processor reads two stores but one holds nothing', () => {
    const workspace = workspaceAt(2, [connect('s3', 'emr'), connect('rds', 'emr')]);
    expect(results(2, workspace)['one-reader-many-stores']!.feedback).toBe(
      'Amazon EMR reads Amazon S3 and Amazon RDS, but no data reaches Amazon RDS: nothing writes to it.',
    );
  });

  it('refuses engines that cannot read the store they are connected to', () => {
    expect(connectionProblem({ from: 'kinesis', to: 'redshift' })).toBe(
      'Amazon Kinesis Streams → Amazon Redshift does not fit: Redshift loads its tables with COPY from files or tables at rest, not from a stream, a cache or a search index.',
    );
    expect(connectionProblem({ from: 'kinesis', to: 'machine-learning' })).toMatch(/not on a stream\.$/);
    expect(connectionProblem({ from: 'rds', to: 'lambda' })).toMatch(/this store sends none\.$/);
  });

  it('needs a real second stage: a processor writing back into the store it reads is not one', () => {
    const workspace = workspaceAt(2, [
      connect('kinesis', 'lambda'),
      connect('lambda', 'kinesis'),
      connect('kinesis', 'emr'),
    ]);
    expect(results(2, workspace)['multi-stage']).toEqual({
      passed: false,
      feedback:
        'No second stage yet: have a processor that reads stored data write its results to a store, and let a different processor analyze them from there.',
    });
  });
});

describe('lab 1, step 4: deliver the answers', () => {
  it('names the source whose data reaches no consumer', () => {
    const player = playerAt(3);
    for (const action of dataBusLab.steps[3]!.solution) player.act(action);
    player.act({ type: 'disconnect', from: 'kinesis', to: 'spark-streaming' });
    player.act({ type: 'disconnect', from: 'kinesis', to: 'lambda' });
    expect(failing(player)).toEqual([
      'No answers reach Applications and APIs yet from anything that fits.',
      'Data from Web apps, Mobile apps and Devices and IoT sensors never reaches a consumer.',
    ]);
  });

  it('refuses consumers fed by what cannot answer them', () => {
    const workspace = workspaceAt(3, [
      connect('kinesis', 'dashboards'),
      connect('s3', 'notebooks'),
      connect('redshift', 'apps-api'),
    ]);
    const r = results(3, workspace);
    expect(r['every-consumer-fed']!.feedback).toBe(
      'No answers reach Dashboards and BI, Notebooks and Applications and APIs yet from anything that fits.',
    );
    expect(r['sound-connections']!.feedback).toBe(
      [
        'Amazon Kinesis Streams → Dashboards and BI does not fit: Dashboards and BI need something that answers their queries: a query engine or a store that keeps the results; Amazon Kinesis Streams keeps a stream of records 24 hours by default (up to 7 days) so several applications can read and replay them.',
        'Amazon S3 → Notebooks does not fit: Notebooks need an engine that runs analysts’ queries and code interactively over the data; Amazon S3 keeps objects (files) of any size, very durably and cheaply, until something reads them.',
        'Amazon Redshift → Applications and APIs does not fit: Applications and APIs need fast answers on request: look-ups by key, searches or predictions; Amazon Redshift runs SQL queries over a data warehouse for interactive analysis.',
      ].join(' '),
    );
  });

  it('does not pass while a processor reads data and hands its results to nobody', () => {
    const player = playerAt(3);
    for (const action of dataBusLab.steps[3]!.solution) player.act(action);
    player.act(connect('s3', 'machine-learning'));
    expect(failing(player)).toEqual(['Amazon Machine Learning reads data, but nobody gets the results.']);
  });
});

describe('lab 1: progress saved under the earlier, laxer checks', () => {
  it('still loads, and opens the step whose answer no longer passes with the work kept', () => {
    const player = playerAt(2);
    const progress = JSON.parse(JSON.stringify(player.getSnapshot().progress));
    // Saved by a build that took any store: web apps into the cache.
    progress.actionsByStep[1] = [
      connect('web-apps', 'elasticache'),
      connect('mobile-apps', 'kinesis'),
      connect('iot-devices', 'kinesis'),
      connect('logs', 's3'),
    ];
    progress.actionsByStep[2] = [connect('kinesis', 'lambda')];
    delete progress.workspace;
    const created = createLabController(dataBusLab, { clock: new SimulatedClock(), progress });
    if (!created.ok) throw new Error(created.error.message);
    const resumed = created.value.getSnapshot();
    expect(resumed.stepIndex).toBe(1);
    expect(resumed.lastError?.code).toBe('StepReopened');
    expect(resumed.workspace.connections).toHaveLength(5);
    expect(resumed.tasks.find((t) => t.taskId === 'every-source-stored')?.feedback).toBe(
      'Not yet in a store that fits its data: Web apps.',
    );
    created.value.act({ type: 'disconnect', from: 'web-apps', to: 'elasticache' });
    created.value.act(connect('web-apps', 'kinesis'));
    expect(created.value.getSnapshot().phase).toBe('passed');
  });
});
