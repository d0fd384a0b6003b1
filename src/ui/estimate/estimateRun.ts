// The estimate itself lives in the engine (src/engine/estimate); the editor's views import it from here.
export { estimateRun, formatRange, roughTokens } from '../../engine/index';
export type { OperationEstimate, Pricing, Range, RunEstimate } from '../../engine/index';
