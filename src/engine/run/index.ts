export type * from './events';
export type * from './options';
export { runGraph, runCheckedGraph } from './runGraph';
export { startRun, startCheckedRun, type RunHandle, type RunHandleStatus, type RunEventListener, type StartRunOptions } from './runHandle';
export { GraphInvalidError, RunStopped } from './errors';
export { callSeed } from './seed';
export { Semaphore } from './semaphore';
export { replayModel } from './replay';
