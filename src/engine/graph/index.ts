export * from './ids';
export * from './specs';
export * from './document';
export * from './diagnostics';
export * from './validate';
export { availableStateKeys, analyzeStateKeys, parserKeys, type KeySet } from './stateKeys';
export * from './file';
export { migrateDocument, normalizeOperationType, type MigrationResult } from './migrations';
