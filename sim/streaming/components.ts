import { consumersComponent } from '../consumers/index.ts';
import type { AnyScenarioComponent } from '../scenario/component.ts';
import { actionsComponent } from './actions-component.ts';
import { withConsumerPauses } from './consumer-pause.ts';
import { costComponent } from './cost-component.ts';
import { firehoseComponent, s3Component } from './firehose-component.ts';
import { producersComponent } from './producers-component.ts';
import {
  eraComponent,
  kinesisComponent,
  levelComponent,
  startTimeComponent,
  streamsComponent,
} from './streams-component.ts';

/**
 * The streaming components in the order they must start: the era, start time and level first (others read them),
 * the Kinesis account before its streams, S3 before the delivery streams that write into it, the
 * producers after every target exists, and the consumers (sim/consumers) after the streams they read. `cost` comes last so its report sees everything.
 */
export const streamingComponents: readonly AnyScenarioComponent[] = [
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
];
