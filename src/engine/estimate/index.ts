export { estimateRun, roughTokens } from './estimateRun';
export { approxTokens } from './approxTokens';
export type { OperationEstimate, Pricing, RunEstimate, TokenCounter } from './estimateRun';
export { expectedAnswer, expectedVerdict } from './expected';
export type { ExpectedAnswer } from './expected';
export { addRanges, formatRange, likelyOf, range, scaleRange } from './range';
export type { Range } from './range';
