export { exportRun, redactUrl, REFERENCE_OPERATION_NAMES } from './exportRun';
export type {
  ExportedCall,
  ExportedOperation,
  ExportedRun,
  ExportedSample,
  ExportedThought,
  ExportedTokenTotals,
  ExportRunInput,
  ExportSampleInput,
} from './exportRun';
export { compareSchemes, outcomeOf } from './compareSchemes';
export type { SampleOutcome, SchemeComparison, SchemeRuns } from './compareSchemes';
export { describe as describeDistribution, quantileSorted } from './stats';
export type { Distribution } from './stats';
export { sumTotals, totalsOf, TOTAL_FIELDS } from './totals';
