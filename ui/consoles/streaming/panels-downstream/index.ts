/**
 * The downstream panels of the streaming console: the KCL workers-and-leases board, iterator age with the
 * Lambda and Spark Streaming summaries, the Firehose buffers, the S3 browser and the cost meter. Each takes a
 * slice of the worker's `ConsoleView` as props; `DownstreamPanels` lays them all out from one frame.
 */
export { default as DownstreamPanels } from './DownstreamPanels.svelte';
export { default as LeasesBoard } from './LeasesBoard.svelte';
export { default as ConsumersPanel } from './ConsumersPanel.svelte';
export { default as IteratorAgeChart } from './IteratorAgeChart.svelte';
export { default as FirehosePanel } from './FirehosePanel.svelte';
export { default as S3Browser } from './S3Browser.svelte';
export { default as CostMeter } from './CostMeter.svelte';
export type { KclWorkerAction } from './lease-board';
export { openObject, toOpenedObject, type LoadedObject, type OpenedObject } from './object-body';
