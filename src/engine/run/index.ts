export type * from './events';
export type * from './options';
export { runGraph, runCheckedGraph } from './runGraph';
export { GraphInvalidError, RunStopped } from './errors';
export { callSeed } from './seed';
export { Semaphore } from './semaphore';
export { doc as buildDocument, op as buildOperation, outputsOf, runOps, seededRandom } from './testing';
export { gotSortingShape, syntheticShape, sortingAnswer, syntheticAnswer } from './shapes';
export { replayModel } from './replay';
