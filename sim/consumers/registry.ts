import { kclConsumerKind } from '../kcl/index.ts';
import { lambdaConsumerKind } from '../lambda-consumer/index.ts';
import { sparkConsumerKind } from '../spark-streaming/index.ts';
import type { AnyConsumerKind } from './consumer-kind.ts';

/** Every consumer type the scenario format accepts: KCL application, Lambda function, Spark Streaming. */
export const consumerKinds: readonly AnyConsumerKind[] = [
  kclConsumerKind,
  lambdaConsumerKind,
  sparkConsumerKind,
];
