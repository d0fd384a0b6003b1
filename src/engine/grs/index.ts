export * from './thought';
export type * from './state';
export { createGrs, applyEvent, applyEventInPlace, rebuildGrs } from './reduce';
export { Lineage } from './lineage';
export { hopMetrics, type HopMetrics, type LineageNode } from './metrics';
