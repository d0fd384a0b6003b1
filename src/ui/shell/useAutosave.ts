import { useEffect } from 'react';
import { writeAutosave, type AutosaveRecord } from '../files/autosave';
import { clearWriteAhead, writeAhead } from '../files/writeAhead';
import { documentOrigin } from '../scripts/documentOrigin';
import type { AppStore } from '../store/createAppStore';

export const AUTOSAVE_DELAY_MS = 400;
/** Longest a change waits while edits keep coming, so steady typing still gets saved. */
export const AUTOSAVE_MAX_WAIT_MS = 1500;
/** The synchronous copy in localStorage follows edits this closely (and is written at once on unload). */
export const WRITE_AHEAD_DELAY_MS = 100;

/**
 * Keeps the document safe across reloads: a synchronous copy in localStorage shortly after each
 * change and within `pagehide` (which a reload cannot cut off), and the IndexedDB autosave shortly
 * after, which then retires that copy.
 */
export function useAutosave(store: AppStore): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let aheadTimer: ReturnType<typeof setTimeout> | null = null;
    let pending = false;
    let aheadPending = false;
    let warnedAhead = false;
    let firstPendingAt = 0;
    // The version of the latest change: strictly increasing, so the newer of two copies is known on boot.
    let revision = 0;
    const snapshot = (): AutosaveRecord => {
      // While a lesson is open its graphs are not the user's: the document kept aside is what a reload must find.
      const s = store.getState().lesson?.kept ?? { ...store.getState(), origin: documentOrigin() };
      return { doc: s.doc, fileName: s.fileName, savedAt: revision, dirty: s.savedDoc !== s.doc, origin: s.origin };
    };
    const writeAheadNow = () => {
      if (aheadTimer) clearTimeout(aheadTimer);
      aheadTimer = null;
      if (!aheadPending) return;
      aheadPending = false;
      const outcome = writeAhead(snapshot());
      if (!outcome.ok && !warnedAhead) {
        warnedAhead = true;
        store.getState().toast('info', `Edits reach the browser's storage a moment after they are made (${outcome.message}).`);
      }
    };
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (!pending) return;
      pending = false;
      firstPendingAt = 0;
      const record = snapshot();
      writeAutosave(record).then(
        () => {
          clearWriteAhead(record.savedAt);
          if (store.getState().autosave.state !== 'saved') store.getState().setAutosave({ state: 'saved' });
        },
        (err: Error) => {
          if (store.getState().autosave.state !== 'error') store.getState().toast('error', err.message);
          store.getState().setAutosave({ state: 'error', message: err.message });
        },
      );
    };
    const flushAll = () => {
      writeAheadNow();
      flush();
    };
    const unsub = store.subscribe((s, prev) => {
      if (s.doc === prev.doc && s.fileName === prev.fileName) return;
      const now = Date.now();
      revision = Math.max(now, revision + 1);
      pending = true;
      aheadPending = true;
      aheadTimer ??= setTimeout(writeAheadNow, WRITE_AHEAD_DELAY_MS);
      firstPendingAt ||= now;
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, Math.max(0, Math.min(AUTOSAVE_DELAY_MS, firstPendingAt + AUTOSAVE_MAX_WAIT_MS - now)));
    });
    const onHide = () => document.visibilityState === 'hidden' && flushAll();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flushAll);
    window.addEventListener('beforeunload', writeAheadNow);
    return () => {
      unsub();
      flushAll();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flushAll);
      window.removeEventListener('beforeunload', writeAheadNow);
    };
  }, [store]);
}
