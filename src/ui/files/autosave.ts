import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { GotDocument } from '../../engine/index';

/** What autosave keeps: the document being edited and the name of its file. */
export interface AutosaveRecord {
  doc: GotDocument;
  fileName: string | null;
  savedAt: number;
}

/** One entry of the Recent documents list. */
export interface RecentEntry {
  key: string;
  title: string;
  fileName: string | null;
  savedAt: number;
  doc: GotDocument;
}

const CURRENT = 'current';
const RECENT = 'recent';
const RECENT_LIMIT = 12;

let db: UseStore | null = null;
const store = (): UseStore => (db ??= createStore('got-studio', 'documents'));

/** The autosaved document, if any (null when storage is unavailable or empty). */
export async function loadAutosave(): Promise<AutosaveRecord | null> {
  try {
    return ((await get(CURRENT, store())) as AutosaveRecord | undefined) ?? null;
  } catch {
    return null;
  }
}

/** Writes the current document; rejects with a readable message when storage is full or blocked. */
export async function writeAutosave(record: AutosaveRecord): Promise<void> {
  try {
    await set(CURRENT, record, store());
  } catch (err) {
    throw new Error(storageMessage(err), { cause: err });
  }
}

export async function clearAutosave(): Promise<void> {
  await del(CURRENT, store());
}

/** Recent documents, newest first. */
export async function loadRecent(): Promise<RecentEntry[]> {
  try {
    return ((await get(RECENT, store())) as RecentEntry[] | undefined) ?? [];
  } catch {
    return [];
  }
}

/** Puts a document at the top of Recent (one entry per file name or title). */
export async function rememberRecent(doc: GotDocument, fileName: string | null): Promise<void> {
  const key = fileName ?? `untitled:${doc.title}`;
  const list = (await loadRecent()).filter((e) => e.key !== key);
  const next = [{ key, title: doc.title, fileName, savedAt: Date.now(), doc }, ...list].slice(0, RECENT_LIMIT);
  try {
    await set(RECENT, next, store());
  } catch (err) {
    throw new Error(storageMessage(err), { cause: err });
  }
}

function storageMessage(err: unknown): string {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'QuotaExceededError') return 'The browser storage is full: autosave is paused. Your document is still open — save it to a file.';
  return `Autosave failed (${err instanceof Error ? err.message : String(err)}). Your document is still open — save it to a file.`;
}
