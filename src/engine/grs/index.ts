export type * from './thought';
