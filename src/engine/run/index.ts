export type * from './events';
export type * from './options';
export { runGraph } from './runGraph';
export { GraphInvalidError, RunStopped } from './errors';
export { callSeed } from './seed';
export { Semaphore } from './semaphore';
