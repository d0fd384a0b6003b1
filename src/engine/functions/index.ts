export type * from './types';
export * from './evaluate';
export * from './builtins';
