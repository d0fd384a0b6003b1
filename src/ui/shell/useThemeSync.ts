import { useEffect } from 'react';
import type { AppStore } from '../store/createAppStore';
import type { Theme } from '../store/uiSlice';

const KEY = 'got-studio:theme';

/** The theme saved on this device, else the system preference. */
export function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage may be blocked (private mode); fall back to the system preference.
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies the theme to the page and remembers it. */
export function useThemeSync(store: AppStore): void {
  useEffect(() => {
    const apply = (t: Theme) => {
      document.documentElement.dataset.theme = t;
      try {
        localStorage.setItem(KEY, t);
      } catch {
        // Not remembering the theme is harmless.
      }
    };
    apply(store.getState().theme);
    return store.subscribe((s, p) => s.theme !== p.theme && apply(s.theme));
  }, [store]);
}
