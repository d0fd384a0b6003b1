import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { GotDocument } from '../../engine/index';
import { storedRecentEntry, storedRecord } from './storedRecord';
import { clearWriteAhead, readWriteAhead } from './writeAhead';
import { adoptAutosavedOrigin, documentOrigin, type DocumentOrigin } from '../scripts/documentOrigin';

/** What autosave keeps: the document being edited and the name of its file. */
export interface AutosaveRecord {
  doc: GotDocument;
  fileName: string | null;
  /** When this version of the document was made (epoch ms, increasing): the newer of two copies wins. */
  savedAt: number;
  /** The document differs from its file (or has none): it must not be replaced without a copy in Recent. */
  dirty?: boolean;
  /** Where the document's code came from, so a reload does not turn a shared graph into the user's own. */
  origin?: DocumentOrigin;
}

/** One entry of the Recent documents list. */
export interface RecentEntry {
  key: string;
  title: string;
  fileName: string | null;
  savedAt: number;
  doc: GotDocument;
  origin?: DocumentOrigin;
}

const CURRENT = 'current';
const RECENT = 'recent';
const RECENT_LIMIT = 12;

let db: UseStore | null = null;
const store = (): UseStore => (db ??= createStore('got-studio', 'documents'));

async function loadStored(): Promise<AutosaveRecord | null> {
  try {
    const record = storedRecord(await get(CURRENT, store()));
    if (record) adoptAutosavedOrigin(record.origin);
    return record;
  } catch {
    return null;
  }
}

/**
 * The autosaved document, if any (null when storage is unavailable or empty): the copy written
 * ahead to localStorage when it is newer than IndexedDB's (a reload cut the IndexedDB write off),
 * which is then moved into IndexedDB.
 */
export async function loadAutosave(): Promise<AutosaveRecord | null> {
  const stored = await loadStored();
  const ahead = readWriteAhead();
  if (!ahead) return stored;
  if (stored && stored.savedAt >= ahead.savedAt) {
    clearWriteAhead(stored.savedAt);
    return stored;
  }
  adoptAutosavedOrigin(ahead.origin);
  try {
    await writeAutosave(ahead);
    clearWriteAhead(ahead.savedAt);
  } catch {
    // IndexedDB is unavailable: the copy stays in localStorage for the next start.
  }
  return ahead;
}

/** Writes the current document; rejects with a readable message when storage is full or blocked. */
export async function writeAutosave(record: AutosaveRecord): Promise<void> {
  try {
    await set(CURRENT, { ...record, origin: record.origin ?? documentOrigin() }, store());
  } catch (err) {
    throw new Error(storageMessage(err), { cause: err });
  }
}

export async function clearAutosave(): Promise<void> {
  await del(CURRENT, store());
}

const recentOrigins = new WeakMap<GotDocument, DocumentOrigin | undefined>();

/** The origin kept with a document of the Recent list (as loadRecent handed it out). */
export const recentOrigin = (doc: GotDocument): DocumentOrigin | undefined => recentOrigins.get(doc);

/** Recent documents, newest first. */
export async function loadRecent(): Promise<RecentEntry[]> {
  try {
    const stored: unknown = await get(RECENT, store());
    const list = (Array.isArray(stored) ? stored : []).flatMap((e: unknown) => {
      const entry = storedRecentEntry(e);
      return entry ? [entry] : [];
    });
    for (const e of list) recentOrigins.set(e.doc, e.origin);
    return list;
  } catch {
    return [];
  }
}

/** Puts a document at the top of Recent (one entry per file name, or per title and content when unsaved). */
export function rememberRecent(doc: GotDocument, fileName: string | null): Promise<void> {
  // Taken now: the caller may open another document before this write finishes.
  const origin = documentOrigin();
  // One read-modify-write at a time: two at once (the draft put aside, the file opened) would drop one.
  const next = recentQueue.then(() => putRecent(doc, fileName, origin));
  recentQueue = next.catch(() => undefined);
  return next;
}

let recentQueue: Promise<void> = Promise.resolve();

async function putRecent(doc: GotDocument, fileName: string | null, origin: DocumentOrigin): Promise<void> {
  const list = await loadRecent();
  // An unsaved graph never replaces a different one that shares its title: both are kept.
  const text = fileName ? '' : JSON.stringify(doc);
  const twin = fileName ? undefined : list.find((e) => e.fileName === null && e.title === doc.title && JSON.stringify(e.doc) === text);
  let key = twin?.key ?? fileName ?? `untitled:${doc.title}`;
  if (!fileName && !twin && list.some((e) => e.key === key)) key = `${key}@${Date.now()}`;
  const next = [{ key, title: doc.title, fileName, savedAt: Date.now(), doc, origin }, ...list.filter((e) => e.key !== key)].slice(0, RECENT_LIMIT);
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
