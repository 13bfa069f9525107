import { createConsumersComponent, type AnyConsumerKind } from '../consumers/index.ts';
import { kclConsumerKind } from '../kcl/index.ts';
import { lambdaConsumerKind } from '../lambda-consumer/index.ts';
import { s3Component } from '../s3/index.ts';
import { arrivalsComponent } from '../scenario/index.ts';
import { componentList, type AnyScenarioComponent } from '../scenario/index.ts';
import { sparkConsumerKind } from '../spark-streaming/index.ts';
import {
  actionsComponent,
  costComponent,
  eraComponent,
  firehoseComponent,
  kinesisComponent,
  levelComponent,
  producersComponent,
  startTimeComponent,
  streamsComponent,
  withConsumerPauses,
} from '../streaming/index.ts';

/** Every consumer type the scenario format accepts: KCL application, Lambda function, Spark Streaming. */
export const consumerKinds: readonly AnyConsumerKind[] = [
  kclConsumerKind,
  lambdaConsumerKind,
  sparkConsumerKind,
];

/** The `consumers` scenario component with every available consumer type. */
export const consumersComponent = createConsumersComponent(consumerKinds);

/**
 * The streaming components in the order they must start: the era, start time and level first (others read
 * them), the Kinesis account before its streams, S3 before the delivery streams that write into it, the
 * producers after every target exists, and the consumers after the streams they read. `cost` comes last so
 * its report sees everything.
 */
export const streamingComponents: readonly AnyScenarioComponent[] = componentList(
  eraComponent,
  startTimeComponent,
  levelComponent,
  kinesisComponent,
  streamsComponent,
  s3Component,
  firehoseComponent,
  producersComponent,
  withConsumerPauses(consumersComponent),
  actionsComponent,
  costComponent,
);

/**
 * Every service the scenario format knows, in the order they start and report. A new service adds its
 * component here and its top-level field joins the format.
 */
export const scenarioComponents: readonly AnyScenarioComponent[] = [
  arrivalsComponent,
  ...streamingComponents,
];
