/**
 * Lab 1 of the introduction: build the decoupled data bus (collect → store → process/analyze → consume)
 * from the reference architecture, and connect it so that storage decouples the processing stages.
 */
import type { LabDefinition } from '../engine/types.ts';
import { busItems } from './catalogue.ts';
import {
  everyConsumerFed,
  everySourceAnswered,
  everySourceStored,
  multiStage,
  noDeadEnds,
  oneReaderManyStores,
  oneStoreManyReaders,
  placedOn,
  resultsStored,
  soundConnections,
} from './checks.ts';
import { emptyBus, reduceDataBus, type DataBusAction, type DataBusWorkspace } from './workspace.ts';

const placeAll: DataBusAction[] = busItems.map((item) => ({
  type: 'place',
  item: item.id,
  stage: item.stage,
}));

/** The data bus lab. */
export const dataBusLab = {
  id: 'data-bus',
  session: 1,
  title: 'The data bus',
  objectives: [
    'Name the four stages of a big data pipeline: collect, store, process/analyze, consume.',
    'Place the AWS services of the reference architecture on the stage where each belongs.',
    'Explain why storage sits between processing stages, and show one store feeding several processors and one processor reading several stores.',
  ],
  estimatedMinutes: 15,
  text: new URL('./lab.md', import.meta.url),
  initialWorkspace: emptyBus,
  reduce: reduceDataBus,
  derive: () => undefined,
  steps: [
    {
      id: 'place',
      title: 'Lay out the stages',
      tasks: [
        placedOn('collect', 'Sources are on Collect'),
        placedOn('store', 'Stores are on Store'),
        placedOn('process', 'Processing and analysis are on Process / analyze'),
        placedOn('consume', 'Consumers are on Consume'),
      ],
      hints: [
        'Ask of each piece: does it produce data, keep data, compute on data, or use the answers?',
        'Kinesis Streams keeps records for 24 hours or more so applications can read them: it is storage, not processing.',
        'Redshift is here as the analysis engine you query with SQL; Lambda and Spark Streaming process; S3, Kinesis Streams, DynamoDB, RDS, ElastiCache and Elasticsearch store.',
      ],
      solution: placeAll,
    },
    {
      id: 'collect',
      title: 'Collect into storage',
      tasks: [everySourceStored, soundConnections],
      hints: [
        'Each source needs a connection into a store that keeps its kind of data: a stream of small events, files, or records an application reads and updates.',
        'Event streams from apps and devices go to Kinesis Streams; log files go to S3.',
        'Connect Web apps, Mobile apps and Devices to Amazon Kinesis Streams, and Logs to Amazon S3.',
      ],
      solution: [
        { type: 'connect', from: 'web-apps', to: 'kinesis' },
        { type: 'connect', from: 'mobile-apps', to: 'kinesis' },
        { type: 'connect', from: 'iot-devices', to: 'kinesis' },
        { type: 'connect', from: 'logs', to: 's3' },
      ],
    },
    {
      id: 'decouple',
      title: 'Let storage decouple processing',
      tasks: [oneStoreManyReaders, oneReaderManyStores, multiStage, resultsStored, soundConnections],
      hints: [
        'Processors read from stores and write to stores; they never hand data straight to each other.',
        'Let Spark Streaming and Lambda both read the Kinesis stream; have Spark Streaming write its results to S3 and Lambda write to DynamoDB.',
        'Then let EMR read both S3 and DynamoDB, and let Redshift load from S3.',
      ],
      solution: [
        { type: 'connect', from: 'kinesis', to: 'spark-streaming' },
        { type: 'connect', from: 'kinesis', to: 'lambda' },
        { type: 'connect', from: 'spark-streaming', to: 's3' },
        { type: 'connect', from: 'lambda', to: 'dynamodb' },
        { type: 'connect', from: 's3', to: 'emr' },
        { type: 'connect', from: 'dynamodb', to: 'emr' },
        { type: 'connect', from: 's3', to: 'redshift' },
      ],
    },
    {
      id: 'consume',
      title: 'Deliver the answers',
      tasks: [everyConsumerFed, everySourceAnswered, noDeadEnds, soundConnections],
      hints: [
        'Consumers read from an analysis engine or straight from a store built for them.',
        'Dashboards query the warehouse; notebooks run on the cluster; applications look values up by key.',
        'Connect Redshift → Dashboards and BI, EMR → Notebooks, and DynamoDB → Applications and APIs.',
      ],
      solution: [
        { type: 'connect', from: 'redshift', to: 'dashboards' },
        { type: 'connect', from: 'emr', to: 'notebooks' },
        { type: 'connect', from: 'dynamodb', to: 'apps-api' },
      ],
    },
  ],
} satisfies LabDefinition<DataBusWorkspace, DataBusAction>;
