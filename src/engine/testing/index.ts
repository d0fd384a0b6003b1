/**
 * Test and benchmark helpers: graph builders, a scripted run harness and the benchmark graph
 * shapes. Deliberately NOT re-exported from src/engine/index.ts so the app never ships them;
 * tests and bench/*.ts import this entry directly.
 */
export { doc as buildDocument, op as buildOperation, outputsOf, runOps, seededRandom } from '../run/testing';
export { gotSortingShape, syntheticShape, sortingAnswer, syntheticAnswer } from '../run/shapes';
export { virtualClock, type VirtualClock } from './virtualClock';
