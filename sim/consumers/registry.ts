import { kclConsumerKind } from '../kcl/index.ts';
import type { AnyConsumerKind } from './consumer-kind.ts';

/**
 * Every consumer type the scenario format accepts. Lambda (sim/lambda-consumer) and Spark Streaming
 * (sim/spark-streaming) join this list when they land.
 */
export const consumerKinds: readonly AnyConsumerKind[] = [kclConsumerKind];
