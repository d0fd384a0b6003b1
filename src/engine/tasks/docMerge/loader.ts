import type { ThoughtState } from '../../graph/specs';
import type { DatasetRow } from '../shared/dataset';

/** A documents.csv row (`id, problem, document1..4`) → `{ doc1, doc2, doc3, doc4, current: "" }`. */
export function loadDocMergeRow(row: DatasetRow): ThoughtState {
  const state: ThoughtState = { current: '' };
  for (let i = 1; i <= 4; i++) {
    const doc = row[`document${i}`];
    if (doc === undefined) throw new Error(`the row has no "document${i}" column`);
    state[`doc${i}`] = doc;
  }
  return state;
}
