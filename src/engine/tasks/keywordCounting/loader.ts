import type { ThoughtState } from '../../graph/specs';
import type { DatasetRow } from '../shared/dataset';
import { parseNameListCell } from '../shared/lists';

/** State key of the dataset's list of country mentions (the ground truth; no prompt may use it). */
export const GROUND_TRUTH_COUNTRIES_KEY = 'groundTruthCountries';

/** A keyword-counting row (`ID, Text, Countries, …`) → `{ text, current: {}, groundTruthCountries }`. */
export function loadKeywordCountingRow(row: DatasetRow): ThoughtState {
  const text = row['Text'];
  if (text === undefined) throw new Error('the row has no "Text" column');
  return { text, current: {}, [GROUND_TRUTH_COUNTRIES_KEY]: parseNameListCell(row['Countries'], 'Countries') };
}
