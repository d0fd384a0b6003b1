export * from './thought';
export type * from './state';
export { createGrs, applyEvent, applyEvents, applyEventInPlace, rebuildGrs, type GrsCollection } from './reduce';
export { Lineage } from './lineage';
export { hopMetrics, type HopMetrics, type LineageNode } from './metrics';
