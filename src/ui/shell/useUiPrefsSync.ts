import { useEffect } from 'react';
import type { AppStore } from '../store/createAppStore';
import { saveUiPrefs } from './uiPrefs';

/** Remembers the panels and minimap the user showed or hid (only once they change something). */
export function useUiPrefsSync(store: AppStore): void {
  useEffect(() => store.subscribe((s, p) => s.prefs !== p.prefs && saveUiPrefs(s.prefs)), [store]);
}
