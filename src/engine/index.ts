/**
 * The engine's public API. Everything outside src/engine imports from here, never from deep paths.
 * Each area keeps its own barrel (graph/index.ts, run/index.ts, …).
 */
export * from './graph/index';
/** Kahn's topological order of a document's operations, tolerant of unvalidated documents (the one sort the app and engine share). */
export { operationOrder } from './graph/structure';
export * from './operations/index';
export * from './prompts/index';
export * from './functions/index';
export * from './grs/index';
export * from './run/index';
export * from './models/index';
export * from './models/simulator/index';
export * from './tasks/index';
export * from './estimate/index';
export * from './report/index';
export * from './recording/index';
export * from './interchange/index';
