/** The Lambda architecture explorable's simulation: stream generation and the batch/speed/serving layers. */
export * from './stream.ts';
export * from './layers.ts';
