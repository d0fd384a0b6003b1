import type { DatasetRow } from '../../engine/index';

const rowsCache = new Map<string, Promise<DatasetRow[]>>();

/** The rows of a dataset under the app's public folder, fetched once per page. */
export function datasetRows(file: string): Promise<DatasetRow[]> {
  let p = rowsCache.get(file);
  if (!p) {
    p = fetch(`${(import.meta.env.BASE_URL ?? '/').replace(/\/?$/, '/')}${file}`).then(async (res) => {
      if (!res.ok) throw new Error(`${file} could not be loaded (HTTP ${res.status}).`);
      const { parseDatasetText } = await import('./parseDataset');
      return parseDatasetText(await res.text(), file);
    });
    p.catch(() => rowsCache.delete(file));
    rowsCache.set(file, p);
  }
  return p;
}
