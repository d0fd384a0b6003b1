import { loadDatasetRow, type GotDocument, type ThoughtState } from '../../engine/index';
import { datasetRows } from '../files/datasetRows';

/** The input state of row `index` of the document's dataset. */
export async function sampleInput(doc: GotDocument, index: number): Promise<ThoughtState> {
  if (!doc.dataset) throw new Error('This graph has no dataset: pick one in the input panel to run a batch.');
  const rows = await datasetRows(doc.dataset.file);
  const row = rows[index];
  if (!row) throw new Error(`${doc.dataset.file} has ${rows.length} rows; there is no row ${index}.`);
  return loadDatasetRow(doc.dataset.loader, row, index);
}
