export { estimateRun, roughTokens } from './estimateRun';
export type { OperationEstimate, Pricing, RunEstimate, TokenCounter } from './estimateRun';
export { expectedAnswer, expectedVerdict } from './expected';
export type { ExpectedAnswer } from './expected';
export { addRanges, formatRange, range, scaleRange } from './range';
export type { Range } from './range';
