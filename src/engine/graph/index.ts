export * from './ids';
export * from './specs';
export * from './document';
export * from './diagnostics';
export * from './validate';
export { availableStateKeys, analyzeStateKeys, parserKeys, type KeySet } from './stateKeys';
