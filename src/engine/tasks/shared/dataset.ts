import Papa from 'papaparse';

/** One dataset row: column name → cell text, exactly as stored in the file. */
export type DatasetRow = Record<string, string>;

/** Raised when a dataset file cannot be read into rows; the message names the file and the problem. */
export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

/**
 * Parses a dataset file's text into rows. CSV (RFC 4180: quoted fields may hold commas, doubled
 * quotes and newlines) becomes one record per data row keyed by the header; a `.json` file holding
 * an array becomes one row per element (strings under `document`, objects with their values as text).
 */
export function parseDatasetText(text: string, fileName: string): DatasetRow[] {
  return fileName.toLowerCase().endsWith('.json') ? parseJsonRows(text, fileName) : parseCsvRows(text, fileName);
}

function parseCsvRows(text: string, fileName: string): DatasetRow[] {
  const result = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  // A one-column file has no delimiter to detect; every other complaint means the rows are wrong.
  const fatal = result.errors.find((e) => e.code !== 'UndetectableDelimiter');
  if (fatal) throw new DatasetError(`${fileName}: ${fatal.message}${fatal.row === undefined ? '' : ` (row ${fatal.row + 1})`}`);
  if (!result.meta.fields || result.meta.fields.length === 0) throw new DatasetError(`${fileName}: no header row`);
  return result.data;
}

function parseJsonRows(text: string, fileName: string): DatasetRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DatasetError(`${fileName}: not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new DatasetError(`${fileName}: expected a JSON array of rows`);
  return data.map((item, i) => {
    if (typeof item === 'string') return { document: item };
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      return Object.fromEntries(Object.entries(item as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    }
    throw new DatasetError(`${fileName}: element ${i} is neither a string nor an object`);
  });
}
