export * from './definition';
export * from './definitions';
