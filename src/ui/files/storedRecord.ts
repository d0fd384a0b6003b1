import { parseDocumentValue, type GotDocument } from '../../engine/index';
import type { DocumentOrigin } from '../scripts/documentOrigin';
import type { AutosaveRecord, RecentEntry } from './autosave';

/**
 * A document read back from storage, checked and migrated like an opened file: an entry written
 * by an older version is brought up to date, and a damaged one is dropped rather than loaded.
 */
export function storedDocument(value: unknown): GotDocument | null {
  const parsed = parseDocumentValue(value);
  return parsed.ok ? parsed.document : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const finiteOr = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const stringOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The autosave record kept in IndexedDB, or null when it is missing or its document does not pass the file checks. */
export function storedRecord(value: unknown): AutosaveRecord | null {
  if (!isRecord(value)) return null;
  const doc = storedDocument(value.doc);
  if (!doc) return null;
  // The origin is checked where it is adopted (documentOrigin's parser).
  return {
    doc,
    fileName: stringOrNull(value.fileName),
    savedAt: finiteOr(value.savedAt, 0),
    ...(value.dirty !== undefined ? { dirty: value.dirty === true } : {}),
    ...(value.origin !== undefined ? { origin: value.origin as DocumentOrigin } : {}),
  };
}

export function storedRecentEntry(value: unknown): RecentEntry | null {
  if (!isRecord(value) || typeof value.key !== 'string') return null;
  const doc = storedDocument(value.doc);
  if (!doc) return null;
  return {
    key: value.key,
    title: typeof value.title === 'string' ? value.title : doc.title,
    fileName: stringOrNull(value.fileName),
    savedAt: finiteOr(value.savedAt, 0),
    doc,
    ...(value.origin !== undefined ? { origin: value.origin as DocumentOrigin } : {}),
  };
}
