import type { ThoughtState } from '../graph/specs';
import { loadDocMergeRow } from './docMerge/loader';
import { loadKeywordCountingRow } from './keywordCounting/loader';
import { loadSetIntersectionRow } from './setIntersection/loader';
import type { DatasetRow } from './shared/dataset';
import { loadSortingRow } from './sorting/loader';

/** A loader turns one dataset row into a run's input state; it throws a clear error on a row of the wrong shape. */
export type DatasetLoader = (row: DatasetRow) => ThoughtState;

/** Loaders by the name a document's `dataset.loader` gives. */
export const datasetLoaders: Readonly<Record<string, DatasetLoader>> = {
  sorting: loadSortingRow,
  setIntersection: loadSetIntersectionRow,
  keywordCounting: loadKeywordCountingRow,
  docMerge: loadDocMergeRow,
};

/** Runs the named loader on a row, naming the loader and the row in any error. */
export function loadDatasetRow(loader: string, row: DatasetRow, index?: number): ThoughtState {
  const load = datasetLoaders[loader];
  if (!load) throw new Error(`unknown dataset loader "${loader}" (known: ${Object.keys(datasetLoaders).join(', ')})`);
  try {
    return load(row);
  } catch (e) {
    const where = index === undefined ? '' : `, row ${index}`;
    throw new Error(`loader "${loader}"${where}: ${(e as Error).message}`, { cause: e });
  }
}
