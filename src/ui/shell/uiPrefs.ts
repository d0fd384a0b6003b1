/** Which parts of the editor's chrome are shown: remembered on this device, never in a document. */
export interface UiPrefs {
  palette: boolean;
  inspector: boolean;
  minimap: boolean;
}

const KEY = 'got-studio:ui';

/** Below this window width the side panels start collapsed, so the canvas keeps most of a small or zoomed screen. */
export const NARROW_WINDOW = 1100;

const storage = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
};

/** The saved preferences, else defaults for this window width (panels shown on wide windows). */
export function loadUiPrefs(windowWidth = typeof window === 'undefined' ? 1440 : window.innerWidth, from: Storage | null = storage()): UiPrefs {
  const wide = windowWidth >= NARROW_WINDOW;
  const fallback: UiPrefs = { palette: wide, inspector: wide, minimap: true };
  try {
    const saved = JSON.parse(from?.getItem(KEY) ?? 'null') as Partial<Record<keyof UiPrefs, unknown>> | null;
    if (!saved || typeof saved !== 'object') return fallback;
    const pick = (k: keyof UiPrefs) => (typeof saved[k] === 'boolean' ? (saved[k] as boolean) : fallback[k]);
    return { palette: pick('palette'), inspector: pick('inspector'), minimap: pick('minimap') };
  } catch {
    return fallback;
  }
}

/** Remembers the preferences; a blocked storage only means they are not remembered. */
export function saveUiPrefs(prefs: UiPrefs, to: Storage | null = storage()): void {
  try {
    to?.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Not remembering the layout is harmless.
  }
}
