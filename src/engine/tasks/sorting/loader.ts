import type { ThoughtState } from '../../graph/specs';
import type { DatasetRow } from '../shared/dataset';
import { parseNumberCell } from '../shared/lists';

/** A sorting row (`ID, Unsorted, Sorted`) → `{ original, current }`; the sorted column is not needed: the evaluator sorts `original`. */
export function loadSortingRow(row: DatasetRow): ThoughtState {
  const original = parseNumberCell(row['Unsorted'], 'Unsorted');
  return { original, current: [...original] };
}
