export * from './ids';
export * from './specs';
export * from './document';
