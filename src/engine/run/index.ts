export type * from './events';
export type * from './options';
