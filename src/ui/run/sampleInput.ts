import { loadDatasetRow, parseDatasetText, type DatasetRow, type GotDocument, type ThoughtState } from '../../engine/index';

const rowsCache = new Map<string, Promise<DatasetRow[]>>();

/** The rows of a dataset under the app's public folder, fetched once per page. */
export function datasetRows(file: string): Promise<DatasetRow[]> {
  let p = rowsCache.get(file);
  if (!p) {
    p = fetch(`${(import.meta.env.BASE_URL ?? '/').replace(/\/?$/, '/')}${file}`).then(async (res) => {
      if (!res.ok) throw new Error(`${file} could not be loaded (HTTP ${res.status}).`);
      return parseDatasetText(await res.text(), file);
    });
    p.catch(() => rowsCache.delete(file));
    rowsCache.set(file, p);
  }
  return p;
}

/** The input state of row `index` of the document's dataset. */
export async function sampleInput(doc: GotDocument, index: number): Promise<ThoughtState> {
  if (!doc.dataset) throw new Error('This graph has no dataset: pick one in the input panel to run a batch.');
  const rows = await datasetRows(doc.dataset.file);
  const row = rows[index];
  if (!row) throw new Error(`${doc.dataset.file} has ${rows.length} rows; there is no row ${index}.`);
  return loadDatasetRow(doc.dataset.loader, row, index);
}
