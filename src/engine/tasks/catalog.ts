import type { GotDocument } from '../graph/document';
import type { TaskInfo } from './shared/registry';

/** The paper's four tasks, as the gallery and the dataset picker show them. */
export const taskCatalog: readonly TaskInfo[] = [
  {
    id: 'sorting',
    title: 'Sorting',
    description: 'Sort a list of 32, 64 or 128 digits. Error: per-digit count mistakes plus adjacent pairs out of order (lower is better).',
    datasets: ['datasets/got/sorting_032.csv', 'datasets/got/sorting_064.csv', 'datasets/got/sorting_128.csv'],
    higherIsBetter: false,
  },
  {
    id: 'setIntersection',
    title: 'Set intersection',
    description: 'Find the common elements of two sets of 32, 64 or 128 numbers. Error: missing + extra + duplicated elements (lower is better).',
    datasets: ['datasets/got/set_intersection_032.csv', 'datasets/got/set_intersection_064.csv', 'datasets/got/set_intersection_128.csv'],
    higherIsBetter: false,
  },
  {
    id: 'keywordCounting',
    title: 'Keyword counting',
    description: 'Count how often each country is named in a passage. Error: Σ |true − predicted| over countries (lower is better).',
    datasets: ['datasets/got/countries.csv'],
    higherIsBetter: false,
  },
  {
    id: 'docMerge',
    title: 'Document merging',
    description: 'Merge four NDAs into one with the most information and the least repetition. Scored 0–10 by the model (higher is better).',
    datasets: ['datasets/got/documents.csv'],
    higherIsBetter: true,
  },
];

/** Alias agreed in the team contract. */
export const tasks = taskCatalog;

/**
 * Whether a graph's scores are better when higher: as its last Keep Best N declares (pass a checked
 * graph's operations for run order; a document's own order otherwise), else as its task's, else yes.
 */
export function scoreHigherIsBetter(graph: {
  document: Pick<GotDocument, 'task'>;
  operations: ReadonlyArray<{ type: string; params: unknown }>;
}): boolean {
  const keepers = graph.operations.filter((o) => o.type === 'keepBestN');
  const last = keepers[keepers.length - 1];
  if (last) return (last.params as { higherIsBetter?: boolean }).higherIsBetter !== false;
  return taskCatalog.find((t) => t.id === graph.document.task)?.higherIsBetter ?? true;
}
