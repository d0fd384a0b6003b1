import { parseDocumentFile } from '../graph/file';
import type { GotDocument } from '../graph/document';

// Vite inlines the shipped example files (tests only: nothing in the app imports this module).
const files = import.meta.glob<string>('../../../public/examples/*.got.json', { query: '?raw', import: 'default', eager: true });

/** A shipped example graph by name (e.g. `sorting-032-got`). */
export function example(name: string): GotDocument {
  const text = files[`../../../public/examples/${name}.got.json`];
  if (!text) throw new Error(`no example ${name}`);
  const r = parseDocumentFile(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.document;
}

/** The names of every shipped example graph. */
export const exampleNames = (): string[] => Object.keys(files).map((f) => f.replace(/^.*\/(.*)\.got\.json$/, '$1'));
