import type { AutosaveRecord } from './autosave';
import { storedRecord } from './storedRecord';

/**
 * A synchronous copy of the latest edit in localStorage. IndexedDB writes are asynchronous and a
 * reload can cut them off; this copy is written within the unload event, so nothing is lost.
 */
const KEY = 'got-studio:write-ahead';
/** localStorage holds about 5 M characters per origin; a bigger document relies on IndexedDB alone. */
export const WRITE_AHEAD_MAX_CHARS = 2_000_000;

export type WriteAheadOutcome = { ok: true } | { ok: false; message: string };

interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

// Storage can be missing or throw on access (privacy modes, sandboxed frames).
function storage(): Storage | null {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? null;
  } catch {
    return null;
  }
}

/** Writes the record synchronously; a full or missing storage is reported, never thrown. */
export function writeAhead(record: AutosaveRecord): WriteAheadOutcome {
  const ls = storage();
  if (!ls) return { ok: false, message: 'this browser offers no local storage for the instant backup' };
  const text = JSON.stringify(record);
  if (text.length > WRITE_AHEAD_MAX_CHARS) {
    return { ok: false, message: `the document (${Math.round(text.length / 1000)} k characters) is too large for the instant backup` };
  }
  try {
    ls.setItem(KEY, text);
    return { ok: true };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/** The record written ahead, if one is there and readable. */
export function readWriteAhead(): AutosaveRecord | null {
  try {
    const text = storage()?.getItem(KEY);
    if (!text) return null;
    const record = storedRecord(JSON.parse(text));
    // Checked like any opened file: a truncated or hand-edited copy is dropped, never loaded into the editor.
    return record && record.savedAt > 0 ? record : null;
  } catch {
    return null;
  }
}

/** Drops the copy once IndexedDB holds this revision or a later one (a newer copy stays). */
export function clearWriteAhead(upTo: number): void {
  const held = readWriteAhead();
  if (held && held.savedAt > upTo) return;
  try {
    storage()?.removeItem(KEY);
  } catch {
    // Nothing to clear in a storage that cannot be reached.
  }
}
