import { describe, expect, it } from 'vitest';
import { loadUiPrefs, saveUiPrefs } from './uiPrefs';

/** A Storage held in memory. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('remembered panels and minimap', () => {
  it('show the panels on a wide window and hide them on a narrow or zoomed one until the user chooses', () => {
    const store = memoryStorage();
    expect(loadUiPrefs(1280, store)).toEqual({ palette: true, inspector: true, minimap: true });
    expect(loadUiPrefs(853, store)).toEqual({ palette: false, inspector: false, minimap: true });
  });

  it('keep what the user chose, whatever the window', () => {
    const store = memoryStorage();
    saveUiPrefs({ palette: true, inspector: false, minimap: false }, store);
    expect(loadUiPrefs(853, store)).toEqual({ palette: true, inspector: false, minimap: false });
    expect(loadUiPrefs(1440, store)).toEqual({ palette: true, inspector: false, minimap: false });
  });

  it('fall back to the defaults when the saved value is damaged', () => {
    const store = memoryStorage();
    store.setItem('got-studio:ui', '{not json');
    expect(loadUiPrefs(1280, store).minimap).toBe(true);
    store.setItem('got-studio:ui', JSON.stringify({ minimap: 'no' }));
    expect(loadUiPrefs(1280, store)).toEqual({ palette: true, inspector: true, minimap: true });
  });
});
