import { useEffect } from 'react';
import { writeAutosave } from '../files/autosave';
import type { AppStore } from '../store/createAppStore';

export const AUTOSAVE_DELAY_MS = 400;
/** Longest a change waits while edits keep coming, so steady typing still gets saved. */
export const AUTOSAVE_MAX_WAIT_MS = 1500;

/** Writes the document to IndexedDB shortly after every change, and at once when the tab is hidden. */
export function useAutosave(store: AppStore): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let pending = false;
    let firstPendingAt = 0;
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (!pending) return;
      pending = false;
      firstPendingAt = 0;
      const s = store.getState();
      writeAutosave({ doc: s.doc, fileName: s.fileName, savedAt: Date.now() }).then(
        () => store.getState().autosave.state !== 'saved' && store.getState().setAutosave({ state: 'saved' }),
        (err: Error) => {
          if (store.getState().autosave.state !== 'error') store.getState().toast('error', err.message);
          store.getState().setAutosave({ state: 'error', message: err.message });
        },
      );
    };
    const unsub = store.subscribe((s, prev) => {
      if (s.doc === prev.doc && s.fileName === prev.fileName) return;
      pending = true;
      const now = Date.now();
      firstPendingAt ||= now;
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, Math.max(0, Math.min(AUTOSAVE_DELAY_MS, firstPendingAt + AUTOSAVE_MAX_WAIT_MS - now)));
    });
    const onHide = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
    return () => {
      unsub();
      flush();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flush);
    };
  }, [store]);
}
