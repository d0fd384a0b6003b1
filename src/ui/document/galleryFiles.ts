// For tests that check every shipped example: reads them from public/examples with Node's fs.
import { readFileSync } from 'node:fs';
import { parseDocumentFile, type GotDocument } from '../../engine/index';

/** A shipped example graph by file name, parsed like an opened file (throws if it does not parse). */
export function exampleFile(file: string): GotDocument {
  const r = parseDocumentFile(readFileSync(`public/examples/${file}`, 'utf8'));
  if (!r.ok) throw new Error(file);
  return r.document;
}

/** The file names of the gallery's examples, in the gallery's order. */
export const galleryFiles = (): string[] => (JSON.parse(readFileSync('public/examples/index.json', 'utf8')) as Array<{ file: string }>).map((e) => e.file);
