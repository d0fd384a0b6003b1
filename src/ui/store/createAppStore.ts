import { createStore, type StoreApi } from 'zustand/vanilla';
import { temporal, type TemporalState } from 'zundo';
import type { GotDocument } from '../../engine/index';
import { emptyDocument } from '../document/graphEdits';
import { createDocumentSlice } from './documentSlice';
import { createRunsSlice } from './runsSlice';
import { createRunSlice } from '../run/runSlice';
import type { ModelSettings } from '../run/settings/modelSettings';
import { createSelectionSlice } from './selectionSlice';
import { createTimelineSlice } from '../timeline/timelineSlice';
import { createPresentSlice } from '../present/presentSlice';
import { createFoldSlice } from '../canvas/foldSlice';
import { createUiSlice, type Theme } from './uiSlice';
import type { AppState, HistoryState } from './types';

export interface AppStoreOptions {
  document?: GotDocument;
  theme?: Theme;
  /** Milliseconds clock for grouping typing into undo steps (tests pin it). */
  clock?: () => number;
  /** Undo steps kept. */
  historyLimit?: number;
  /** The live-run view's model settings (defaults: the offline simulator). */
  modelSettings?: ModelSettings;
}

/** The app store with its undo/redo store (`store.temporal`) for the document. */
export type AppStore = StoreApi<AppState> & { temporal: StoreApi<TemporalState<HistoryState>> };

/** Builds the app's one store: typed slices, zundo at the root tracking only the document. */
export function createAppStore(opts: AppStoreOptions = {}): AppStore {
  const clock = opts.clock ?? (() => Date.now());
  return createStore<AppState>()(
    temporal(
      (...a) => ({
        ...createDocumentSlice(opts.document ?? emptyDocument(), clock)(...a),
        ...createSelectionSlice(...a),
        ...createUiSlice(opts.theme ?? 'light')(...a),
        ...createRunsSlice(...a),
        ...createRunSlice(opts.modelSettings)(a[0], a[1]),
        ...createTimelineSlice(...a),
        ...createPresentSlice(...a),
        ...createFoldSlice(...a),
      }),
      {
        partialize: (s): HistoryState => ({ doc: s.doc }),
        equality: (a, b) => a.doc === b.doc,
        limit: opts.historyLimit ?? 200,
      },
    ),
  ) as AppStore;
}
