import type { RunEvent } from '../../engine/index';
import type { SliceCreator } from './types';
import type { OpenProblem } from '../files/openProblems';
import { loadUiPrefs, type UiPrefs } from '../shell/uiPrefs';
import type { OpenLesson } from '../lessons/lessonNames';

export type Theme = 'light' | 'dark';

/** A short message in the corner; `kind` picks its colour. */
export interface Toast {
  id: number;
  kind: 'info' | 'error' | 'success';
  message: string;
}

/** The one modal dialog open at a time. */
export type Dialog =
  | { kind: 'gallery' }
  | { kind: 'help' }
  | { kind: 'openProblems'; fileName: string; problems: OpenProblem[] }
  | { kind: 'share'; url: string }
  | { kind: 'pythonExport' }
  | { kind: 'recent' }
  /** Two runs' event logs, one a fork of the other (either order). */
  | { kind: 'forkCompare'; a: readonly RunEvent[]; b: readonly RunEvent[] };

/** Where the quick-add search opens, and what a new operation connects to. */
export interface QuickAdd {
  screen: { x: number; y: number };
  flow: { x: number; y: number };
  connectFrom?: string;
  connectTo?: string;
}

/** The panels, dialogs, theme and file status: app chrome, never in undo history. */
export interface UiSlice {
  theme: Theme;
  panels: { left: number; right: number };
  /** Whether the palette, inspector and minimap are shown (remembered on this device). */
  prefs: UiPrefs;
  dialog: Dialog | null;
  toasts: Toast[];
  quickAdd: QuickAdd | null;
  /** The name the file was opened or saved under, if any. */
  fileName: string | null;
  /** The document as last saved to a file (reference equality tells unsaved changes). */
  savedDoc: unknown;
  autosave: { state: 'idle' | 'saved' | 'error'; message?: string };
  /** Whether estimates count tokens with the real tokenizer (loaded lazily) rather than roughly. */
  exactTokens: boolean;
  /** The lesson shown in the run panel, if any (opened and closed by lessons/lessonSession). */
  lesson: OpenLesson | null;
  setExactTokens: (on: boolean) => void;
  setTheme: (t: Theme) => void;
  setPanels: (p: Partial<UiSlice['panels']>) => void;
  togglePref: (key: keyof UiPrefs) => void;
  openDialog: (d: Dialog) => void;
  closeDialog: () => void;
  toast: (kind: Toast['kind'], message: string) => void;
  dismissToast: (id: number) => void;
  openQuickAdd: (q: QuickAdd | null) => void;
  markSaved: (fileName: string | null) => void;
  setAutosave: (a: UiSlice['autosave']) => void;
}

/** The widths the side panels take on start (0 when collapsed), for sizing the canvas before it is on screen. */
export function startPanelWidths(windowWidth = typeof window === 'undefined' ? 1440 : window.innerWidth): { left: number; right: number } {
  const open = loadUiPrefs(windowWidth);
  const w = initialPanels(windowWidth);
  return { left: open.palette ? w.left : COLLAPSED_WIDTH, right: open.inspector ? w.right : COLLAPSED_WIDTH };
}

/** A collapsed panel leaves a thin rail with the button that opens it again. */
export const COLLAPSED_WIDTH = 28;

/** Palette and inspector widths on first start. */
export const DEFAULT_PANELS = { left: 220, right: 380 };

/** Starting panel widths: narrower on small screens (a 1024 px projector) so the canvas keeps room. */
export function initialPanels(windowWidth = typeof window === 'undefined' ? 1440 : window.innerWidth): { left: number; right: number } {
  return windowWidth < 1200 ? { left: 200, right: 320 } : { ...DEFAULT_PANELS };
}

let toastSeq = 0;

export const createUiSlice =
  (theme: Theme): SliceCreator<UiSlice> =>
  (set, get) => ({
    theme,
    panels: initialPanels(),
    prefs: loadUiPrefs(),
    dialog: null,
    toasts: [],
    quickAdd: null,
    fileName: null,
    savedDoc: null,
    autosave: { state: 'idle' },
    exactTokens: false,
    lesson: null,
    setExactTokens: (exactTokens) => set({ exactTokens }),
    setTheme: (t) => set({ theme: t }),
    setPanels: (p) => set({ panels: { ...get().panels, ...p } }),
    togglePref: (key) => set({ prefs: { ...get().prefs, [key]: !get().prefs[key] } }),
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
    toast: (kind, message) => {
      toastSeq += 1;
      set({ toasts: [...get().toasts.slice(-3), { id: toastSeq, kind, message }] });
    },
    dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
    openQuickAdd: (quickAdd) => set({ quickAdd }),
    markSaved: (fileName) => set({ fileName, savedDoc: get().doc }),
    setAutosave: (autosave) => set({ autosave }),
  });
