import type { FunctionRegistry } from '../../functions/types';

/** An empty registry that task modules fill in. */
export function emptyRegistry(): FunctionRegistry {
  return { scorers: {}, validators: {}, evaluators: {}, selectors: {}, parsers: {}, answerReaders: {} };
}

/** Metadata the gallery and the dataset picker show for a task. */
export interface TaskInfo {
  id: 'sorting' | 'setIntersection' | 'keywordCounting' | 'docMerge';
  title: string;
  description: string;
  /** Dataset files (relative to the public folder) this task's loader reads. */
  datasets: readonly string[];
  /** Lower scores are better (an error count) or higher are better (a quality score). */
  higherIsBetter: boolean;
}
