import type { ThoughtState } from '../../graph/specs';
import type { DatasetRow } from '../shared/dataset';
import { parseNumberCell } from '../shared/lists';

/** A set-intersection row (`ID, SET1, SET2, INTERSECTION`) → `{ set1, set2, current: [] }`; the evaluator recomputes the intersection. */
export function loadSetIntersectionRow(row: DatasetRow): ThoughtState {
  return { set1: parseNumberCell(row['SET1'], 'SET1'), set2: parseNumberCell(row['SET2'], 'SET2'), current: [] };
}
